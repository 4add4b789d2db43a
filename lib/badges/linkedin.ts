import { isoDateWib } from '@/lib/format/indonesian'

export type LinkedInCertification = {
  /** The certification's name, e.g. the course title. */
  name: string
  organizationName: string
  issuedAt: Date
  /** Null: the certificate does not expire. */
  validUntil: Date | null
  /** Where anyone can check it (the /verify page). */
  certUrl: string
  /** The certificate number. */
  certId: string
}

/** Year and month (1–12) of a moment as the learner's clock (WIB) reads it. */
function yearMonthWib(date: Date): [string, string] {
  const [year, month] = isoDateWib(date).split('-')
  return [String(Number(year)), String(Number(month))]
}

/**
 * LinkedIn's "Add licence or certification" form, pre-filled
 * (https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&…): the member only confirms.
 */
export function linkedInAddCertificationUrl(certification: LinkedInCertification): string {
  const [issueYear, issueMonth] = yearMonthWib(certification.issuedAt)
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: certification.name,
    organizationName: certification.organizationName,
    issueYear,
    issueMonth,
  })
  if (certification.validUntil) {
    const [expirationYear, expirationMonth] = yearMonthWib(certification.validUntil)
    params.set('expirationYear', expirationYear)
    params.set('expirationMonth', expirationMonth)
  }
  params.set('certUrl', certification.certUrl)
  params.set('certId', certification.certId)
  return `https://www.linkedin.com/profile/add?${params.toString()}`
}
