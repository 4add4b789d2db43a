import 'server-only'
import type { Db } from '@/lib/db/create-client'
import { ANONYMISED_NAME } from './compliance-retention'

/** Certificates anonymised per transaction. */
export const COMPLIANCE_BATCH = 500

/**
 * Certificates (and their versions) whose validity ended before `cutoff` (= now minus
 * `complianceRetentionYears`, decision 047) are anonymised: the name becomes "Dianonimkan", the
 * NIP is cleared, every version's name is replaced and its stored PDF (which prints name and NIP)
 * dropped; the number, year, agency, unit, course, score, dates and each version's SHA-256 stay,
 * so counts per agency and year still add up and /verify can say the certificate existed and was
 * valid from–to. One transaction per batch, conditional on `anonymisedAt` being null (idempotent,
 * safe on several instances). Returns the certificates anonymised.
 */
export async function anonymiseExpiredCertificates(db: Db, cutoff: Date, now = new Date()): Promise<number> {
  let total = 0
  for (;;) {
    const batch = await db.certificate.findMany({ where: { anonymisedAt: null, validUntil: { lt: cutoff } }, select: { id: true }, take: COMPLIANCE_BATCH })
    if (batch.length === 0) break
    const ids = batch.map((row) => row.id)
    total += await db.$transaction(async (tx) => {
      const { count } = await tx.certificate.updateMany({ where: { id: { in: ids }, anonymisedAt: null }, data: { fullName: ANONYMISED_NAME, nip: null, anonymisedAt: now } })
      await tx.certificateVersion.updateMany({ where: { certificateId: { in: ids } }, data: { fullName: ANONYMISED_NAME, pdf: null } })
      // The Open Badges recipient's email hash goes too; the status index stays (decision 050).
      await tx.certificateBadge.updateMany({ where: { certificateId: { in: ids } }, data: { identityHash: '', salt: '' } })
      return count
    })
    if (batch.length < COMPLIANCE_BATCH) break
  }
  return total
}
