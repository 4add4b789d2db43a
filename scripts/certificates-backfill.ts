/**
 * `npm run certificates:backfill`: stores the PDF and SHA-256 of every certificate version that
 * has none yet (certificates issued before versions existed get a version 1 row from the
 * migration, without a file: decision 043). The same work happens on a certificate's first
 * download or /verify; this does it for all at once, e.g. right after upgrading. Idempotent; uses
 * DATABASE_URL like the app. Prints how many, their size and the median time per file.
 */
import { ensureCurrentVersionPdf, storeVersionPdf } from '@/lib/certificates/certificates.server'
import { db } from '@/lib/db/db.server'

const withoutVersion = await db.certificate.findMany({ where: { versions: { none: {} } }, select: { id: true } })
for (const certificate of withoutVersion) await ensureCurrentVersionPdf(certificate.id)
const missing = await db.certificateVersion.findMany({ where: { sha256: null }, select: { id: true }, orderBy: { id: 'asc' } })
const times: number[] = []
let bytes = 0
for (const version of missing) {
  const started = performance.now()
  const stored = await storeVersionPdf(version.id)
  times.push(performance.now() - started)
  bytes += stored.pdf.byteLength
}
times.sort((a, b) => a - b)
const median = times.length ? times[Math.floor(times.length / 2)]! : 0
console.log(
  JSON.stringify({
    certificatesWithoutVersion: withoutVersion.length,
    versionsStored: missing.length,
    totalKiB: Math.round(bytes / 1024),
    meanKiB: missing.length ? Math.round(bytes / missing.length / 102.4) / 10 : 0,
    medianMs: Math.round(median * 10) / 10,
  }),
)
await db.$disconnect()
