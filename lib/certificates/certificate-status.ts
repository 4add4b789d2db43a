import type { CertificateStatus } from '@/lib/vocabulary/statuses'

/**
 * A certificate's validity, decided in one place for every page, report and export: revoked
 * wins, then the end of its validity (an instant; valid up to and including `validUntil`).
 * The read model's SQL filter (lib/hr/enrolment-rows.server.ts) mirrors it and is tested
 * against it.
 */
export function certificateStatus(certificate: { validUntil: Date; revokedAt: Date | null }, now = new Date()): CertificateStatus {
  if (certificate.revokedAt) return 'dicabut'
  return certificate.validUntil < now ? 'kedaluwarsa' : 'berlaku'
}
