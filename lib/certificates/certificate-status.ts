/**
 * A certificate's validity, decided in one place for every page, report and export: revoked
 * wins, then the end of its validity (an instant; valid up to and including `validUntil`).
 */
export type CertificateStatus = 'berlaku' | 'kedaluwarsa' | 'dicabut'

export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  berlaku: 'Berlaku',
  kedaluwarsa: 'Kedaluwarsa',
  dicabut: 'Dicabut',
}

export function certificateStatus(certificate: { validUntil: Date; revokedAt: Date | null }, now = new Date()): CertificateStatus {
  if (certificate.revokedAt) return 'dicabut'
  return certificate.validUntil < now ? 'kedaluwarsa' : 'berlaku'
}
