/**
 * How a certificate names its cohort and its content, the same on the certificate page, the
 * PDF and /verify. Pure.
 */

/** The cohort's name as stored at issue (HR's name for it); older rows fall back to the cohort's name now. */
export function certificateCohortName(certificate: { cohortName: string | null }, cohort: { name: string }): string {
  return certificate.cohortName ?? cohort.name
}

/** "Materi edisi 2026.1, 21 November 2026"; certificates issued before editions: "Versi materi v-c2ea886961". */
export function certificateMaterialLabel(certificate: { contentEdition: string | null; contentVersion: string }): string {
  return certificate.contentEdition ? `Materi edisi ${certificate.contentEdition}` : `Versi materi ${certificate.contentVersion}`
}
