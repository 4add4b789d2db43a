import { z } from 'zod'

/**
 * An agency's own mail domains (decision 045): a verified address on one of them, or on one of
 * their subdomains, is the agency's address. It is evidence shown to HR beside a NIP claim; it
 * never verifies the NIP (only a roster match or HR does).
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/** "@DemoRaya.go.id " → "demoraya.go.id"; null when it is not a domain name with a dot. */
export function normaliseDomain(input: string): string | null {
  const domain = input.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '')
  if (domain.length > 253) return null
  const labels = domain.split('.')
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null
  if (/^\d+$/.test(labels.at(-1)!)) return null
  return domain
}

export const emailDomainSchema = z
  .string({ error: 'Isi domain email instansi.' })
  .trim()
  .min(1, 'Isi domain email instansi, misalnya demoraya.go.id.')
  .max(253, 'Domain terlalu panjang.')
  .transform((value, ctx) => {
    const domain = normaliseDomain(value)
    if (!domain) {
      ctx.addIssue({ code: 'custom', message: 'Bukan nama domain yang sah. Tulis seperti demoraya.go.id (tanpa nama pengguna).' })
      return z.NEVER
    }
    return domain
  })

/** The domain part of an address, lower case ("" when there is none). */
export function domainOfEmail(email: string): string {
  const at = email.lastIndexOf('@')
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase()
}

/** The listed domain the address is on (exactly, or as a subdomain), or null. */
export function agencyDomainOf(email: string, domains: readonly string[]): string | null {
  const domain = domainOfEmail(email)
  if (!domain) return null
  return domains.find((listed) => domain === listed || domain.endsWith(`.${listed}`)) ?? null
}

export type EmailEvidence = { kind: 'agency'; domain: string } | { kind: 'verified' } | { kind: 'unverified' }

/** What an address tells HR beside a NIP claim: the agency's own verified address, a verified one, or neither. */
export function emailEvidence(email: string, emailVerified: boolean, domains: readonly string[]): EmailEvidence {
  if (!emailVerified) return { kind: 'unverified' }
  const domain = agencyDomainOf(email, domains)
  return domain ? { kind: 'agency', domain } : { kind: 'verified' }
}

export const EMAIL_EVIDENCE_LABEL: Record<EmailEvidence['kind'], string> = {
  agency: 'Email instansi terverifikasi',
  verified: 'Email terverifikasi (bukan domain instansi)',
  unverified: 'Email belum diverifikasi',
}
