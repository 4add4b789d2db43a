import 'server-only'
import { randomUUID } from 'node:crypto'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { withCheckpointOffThread } from '@/lib/db/wal-checkpoint.server'
import { isUniqueViolation, isWriteConflict } from '@/lib/db/errors'
import type { EmploymentType } from '@/lib/identity/nip'
import { AppError } from '@/lib/errors/app-error'
import { rejectClaimInTx, verifyClaimInTx } from '@/lib/identity/identity-review.server'
import { MAX_CONFLICT_DECISIONS } from '@/lib/identity/review-schemas'
import {
  backgroundTurn,
  previewRoster,
  readRosterRows,
  turnAfter,
  RosterFileError,
  validateRosterRow,
  type ClaimConflict,
  type ConflictDecision,
  type RosterLookups,
  type RosterPreview,
} from '@/lib/roster'
import { logger } from '@/lib/observability/log.server'

type Officer = { id: string; agencyId: string }
type Upload = { body: AsyncIterable<Uint8Array>; fileName: string }

const REJECTIONS_SHOWN = 500

async function lookupsFor(agencyId: string): Promise<RosterLookups> {
  const units = await db.unit.findMany({ where: { agencyId }, select: { id: true, name: true } })
  return {
    agencyId,
    units,
    findPeopleByNip: async (nips) =>
      (
        await db.user.findMany({
          where: { nip: { in: nips } },
          select: {
            id: true,
            nip: true,
            name: true,
            email: true,
            agencyId: true,
            unitId: true,
            employmentType: true,
            identityStatus: true,
            createdAt: true,
            unit: { select: { name: true } },
          },
        })
      ).map(({ unit, ...user }) => ({ ...user, userId: user.id, nip: user.nip as string, unitName: unit?.name ?? null })),
    findAccountsByEmail: async (emails) =>
      (await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, nip: true } })).map((user) => ({
        ...user,
        userId: user.id,
      })),
  }
}

async function readPreview(officer: Officer, upload: Upload): Promise<RosterPreview> {
  const result = await previewRoster(upload.body, await lookupsFor(officer.agencyId), { fileName: upload.fileName })
  if (!result.ok) throw new AppError(422, result.error.message)
  const preview = result.preview
  if (!preview.blocker && preview.conflicts.length > MAX_CONFLICT_DECISIONS) {
    preview.blocker = `Berkas ini berisi ${preview.conflicts.length} konflik klaim NIP; paling banyak ${MAX_CONFLICT_DECISIONS} per impor. Putuskan sebagian di menu Verifikasi peserta atau bagi berkasnya.`
  }
  return preview
}

/** A conflict as HR sees it: decisions are keyed by NIP, so no account ids leave the server. */
export type ConflictView = Omit<ClaimConflict, 'account' | 'claimant'> & { claimant: Omit<ClaimConflict['claimant'], 'userId'> }

export type RosterPreviewView = Omit<RosterPreview, 'plan' | 'conflicts'> & { conflicts: ConflictView[]; rejectionsTruncated: boolean }

/** What the import would do, before anything is written. */
export async function previewRosterUpload(officer: Officer, upload: Upload): Promise<RosterPreviewView> {
  const { plan: _plan, conflicts, ...preview } = await readPreview(officer, upload)
  return {
    ...preview,
    conflicts: conflicts.map(({ account: _account, claimant: { userId: _userId, ...claimant }, ...conflict }) => ({ ...conflict, claimant })),
    rejections: preview.rejections.slice(0, REJECTIONS_SHOWN),
    notes: preview.notes.slice(0, REJECTIONS_SHOWN),
    rejectionsTruncated: preview.rejections.length > REJECTIONS_SHOWN,
  }
}

const DECISION_LABELS: Record<ConflictDecision, string> = { konfirmasi: 'konfirmasi pengklaim', tolak: 'tolak klaim' }

/** Every conflict needs a decision the conflict allows; refused (422) before anything is written. */
function decide(conflicts: ClaimConflict[], decisions: ReadonlyMap<string, ConflictDecision>) {
  const missing = conflicts.filter((conflict) => !decisions.has(conflict.nip))
  if (missing.length > 0) {
    const rows = missing.slice(0, 10).map((c) => c.rowNumber).join(', ')
    throw new AppError(
      422,
      `Konflik klaim NIP belum diputuskan (baris ${rows}${missing.length > 10 ? ', …' : ''}): pilih "konfirmasi pengklaim" atau "tolak klaim" untuk setiap konflik. Tidak ada yang diimpor.`,
    )
  }
  const notAllowed = conflicts.find((conflict) => !conflict.allowed.includes(decisions.get(conflict.nip)!))
  if (notAllowed) {
    const why = notAllowed.claimant.sameAgency
      ? 'email di berkas sudah dipakai akun lain, jadi akun untuk NIP yang dilepas tidak dapat dibuat'
      : 'pengklaim terdaftar di instansi lain dan tidak dapat dikonfirmasi oleh instansi Anda'
    throw new AppError(
      422,
      `Baris ${notAllowed.rowNumber}: hanya ${notAllowed.allowed.map((d) => `"${DECISION_LABELS[d]}"`).join(' atau ')} yang dapat dipilih (${why}). Tidak ada yang diimpor.`,
    )
  }
  return {
    confirm: conflicts.filter((conflict) => decisions.get(conflict.nip) === 'konfirmasi'),
    reject: conflicts.filter((conflict) => decisions.get(conflict.nip) === 'tolak'),
  }
}

/**
 * Rows written per staging statement. On SQLite every statement blocks the whole process (the
 * driver is synchronous), so a batch is a few milliseconds of work and the import yields to
 * other requests after each one.
 */
export const STAGING_BATCH_ROWS = 100
/** Staged rows deleted per statement (after publishing, or of an abandoned attempt). */
const CLEANUP_BATCH_ROWS = 1000
/**
 * An import whose newest staged row is older than this is taken to be dead (its process
 * crashed) and its rows are deleted by the next import. Staging 50,000 rows takes seconds.
 */
export const STAGING_ABANDONED_MS = 10 * 60 * 1000
const PUBLISH_TIMEOUT_MS = 60_000

const REGISTERED_SINCE_PREVIEW = 'Data berubah sejak pratinjau (NIP atau email baru terdaftar). Tidak ada yang diimpor; buat pratinjau lagi.'
const MOVED_SINCE_PREVIEW = 'Data berubah sejak pratinjau (pegawai pindah instansi). Tidak ada yang diimpor; buat pratinjau lagi.'

/** How long each phase of one import took, in ms (sent to HR's browser as Server-Timing). */
export type ImportTimings = { read: number; stage: number; publish: number; cleanup: number }

export type ImportOptions = {
  /** The clock (tests move it to make staged rows stale). */
  now?: () => Date
  /** Called after each staged batch (tests pause or fail an import here). */
  afterBatchStaged?: (batch: number) => void | Promise<void>
  onTimings?: (timings: ImportTimings) => void
}

/**
 * Deletes one import's staged rows, a short statement per CLEANUP_BATCH_ROWS (by primary key),
 * other requests served between them.
 */
async function deleteStaged(importId: string, rows: number) {
  for (let start = 0; start < rows; start += CLEANUP_BATCH_ROWS) {
    await db.$executeRaw`DELETE FROM "roster_import_staging" WHERE "importId" = ${importId} AND "seq" >= ${start} AND "seq" < ${start + CLEANUP_BATCH_ROWS}`
    await backgroundTurn()
  }
}

type StagedRow = {
  kind: 'create' | 'move'
  userId: string
  unitId: string
  create?: { name: string; email: string; nip: string; employmentType: EmploymentType }
}

/**
 * One staging statement: tagged SQL rather than createMany (Prisma's query builder cost ~0.5 ms
 * per row here, all of it blocking the process). Standard SQL, the same on both providers.
 */
function stageBatch(rows: readonly StagedRow[], first: number, fixed: { importId: string; agencyId: string; officerId: string; now: Date; stagedAt: Date }) {
  return db.$executeRaw`
    INSERT INTO "roster_import_staging" ("importId", "seq", "kind", "agencyId", "userId", "unitId", "name", "email", "nip", "employmentType",
                                         "identityStatus", "identityMethod", "identityVerifiedAt", "identityVerifiedById", "at", "stagedAt")
    VALUES ${Prisma.join(
      rows.map((row, i) =>
        row.create
          ? // The agency's own roster names this person: verified from the start.
            Prisma.sql`(${fixed.importId}, ${first + i}, 'create', ${fixed.agencyId}, ${row.userId}, ${row.unitId}, ${row.create.name}, ${row.create.email},
              ${row.create.nip}, ${row.create.employmentType}, 'verified', 'import', ${fixed.now}, ${fixed.officerId}, ${fixed.now}, ${fixed.stagedAt})`
          : Prisma.sql`(${fixed.importId}, ${first + i}, 'move', ${fixed.agencyId}, ${row.userId}, ${row.unitId}, NULL, NULL,
              NULL, NULL, NULL, NULL, NULL, NULL, ${fixed.now}, ${fixed.stagedAt})`,
      ),
    )}`
}

/** Deletes the rows of imports that stopped staging more than STAGING_ABANDONED_MS ago. */
export async function deleteAbandonedStaging(now: Date): Promise<number> {
  const abandoned = await db.rosterImportStaging.groupBy({
    by: ['importId'],
    _max: { seq: true, stagedAt: true },
    having: { stagedAt: { _max: { lt: new Date(now.getTime() - STAGING_ABANDONED_MS) } } },
  })
  for (const { importId, _max } of abandoned) await deleteStaged(importId, (_max.seq ?? 0) + 1)
  return abandoned.length
}

class StagingLost extends Error {}

/**
 * Imports every valid row of the file, all or nothing for everyone who reads the data: new
 * accounts (verified: the agency's roster names them; claimed by their owners with an
 * activation code), unit moves for people already in this agency, claimants verified by a
 * matching roster name, and HR's decision on each conflict (confirm the claimant, or reject the
 * claim: the NIP is released, the claimant's certificates under it revoked, and the roster's
 * account created). The file is read and classified again here, so the import does exactly what
 * a preview of the same file shows now; every change is conditional on the state the preview saw.
 *
 * Decision 026: the new accounts and unit moves are first written in short batches to
 * roster_import_staging under this import's id (visible to nobody), then published by one short
 * transaction: one INSERT … SELECT, one UPDATE … FROM, the claim decisions and the audit entry.
 * A failure anywhere publishes nothing; the staged rows are deleted afterwards (or, if the
 * process died, by a later import once they are stale).
 */
export async function importRosterUpload(
  officer: Officer,
  upload: Upload,
  decisions: ReadonlyMap<string, ConflictDecision> = new Map(),
  options: ImportOptions = {},
) {
  const clock = options.now ?? (() => new Date())
  let mark = performance.now()
  const lap = () => {
    const ms = performance.now() - mark
    mark = performance.now()
    return Math.round(ms * 10) / 10
  }
  const preview = await readPreview(officer, upload)
  if (preview.blocker) throw new AppError(422, preview.blocker)
  const { updateUnit, verify } = preview.plan
  const decided = decide(preview.conflicts, decisions)
  const create = [...preview.plan.create, ...decided.reject.map((conflict) => conflict.account)]
  const now = clock()
  await deleteAbandonedStaging(now)
  const read = lap()

  const importId = randomUUID()
  // New accounts in NIP order, each given one of a sorted set of fresh random ids: the publishing
  // INSERT then reads the staged rows along their primary key (no sort) and writes `user`'s
  // primary key and NIP index in ascending order, page after page, instead of at random places.
  // Each step is a few tens of milliseconds for 50,000 rows; other requests go in between.
  const byNip = create.toSorted((a, b) => (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0))
  await backgroundTurn()
  const ids = Array.from(byNip, () => randomUUID())
  await backgroundTurn()
  ids.sort()
  await backgroundTurn()
  const total = byNip.length + updateUnit.length
  const stagedRow = (seq: number): StagedRow => {
    const row = byNip[seq]
    if (row) return { kind: 'create', userId: ids[seq]!, unitId: row.unitId, create: row }
    const move = updateUnit[seq - byNip.length]!
    return { kind: 'move', userId: move.userId, unitId: move.unitId }
  }
  let stage = 0
  let publish = 0
  try {
    for (let start = 0, batch = 0; start < total; start += STAGING_BATCH_ROWS, batch++) {
      const rows = Array.from({ length: Math.min(STAGING_BATCH_ROWS, total - start) }, (_, i) => stagedRow(start + i))
      await stageBatch(rows, start, { importId, agencyId: officer.agencyId, officerId: officer.id, now, stagedAt: clock() })
      // Let other requests of the process (and, on SQLite, the one connection) go first.
      await backgroundTurn()
      await options.afterBatchStaged?.(batch)
    }
    stage = lap()
    // The log this transaction writes is checkpointed off the event loop (SQLite; see the module).
    await withCheckpointOffThread(() =>
      db.$transaction(
        async (tx) => {
          // First release the NIPs of rejected claims, so the roster's accounts can take them.
          for (const conflict of decided.reject) {
            await rejectClaimInTx(tx, {
              userId: conflict.claimant.userId,
              nip: conflict.nip,
              officer,
              reason: `tidak sesuai daftar pegawai instansi (impor ${upload.fileName}, baris ${conflict.rowNumber}; nama di daftar: ${conflict.rosterName})`,
              now,
              via: 'impor',
            })
          }
          if (create.length > 0) {
            // In NIP order (seq follows it): two imports of the same people then meet at the same
            // first row (the second waits, then gets the unique violation) instead of deadlocking
            // on PostgreSQL; and the staged rows are read along their primary key.
            const inserted = await tx.$executeRaw`
              INSERT INTO "user" ("id", "name", "email", "nip", "employmentType", "agencyId", "unitId", "identityStatus",
                                  "identityMethod", "identityVerifiedAt", "identityVerifiedById", "createdAt", "updatedAt")
              SELECT "userId", "name", "email", "nip", "employmentType", "agencyId", "unitId", "identityStatus",
                     "identityMethod", "identityVerifiedAt", "identityVerifiedById", "at", "at"
              FROM "roster_import_staging" WHERE "importId" = ${importId} AND "kind" = 'create'
              ORDER BY "seq"`
            if (inserted !== create.length) throw new StagingLost()
          }
          // The import's record and the accounts it created (decision 052): "Kirim undangan" for
          // this import reads them. Parent first: the people rows reference it.
          await tx.$executeRaw`
            INSERT INTO "roster_import" ("id", "agencyId", "importedById", "fileName", "importedAt", "created")
            VALUES (${importId}, ${officer.agencyId}, ${officer.id}, ${upload.fileName.slice(0, 255)}, ${now}, ${create.length})`
          if (create.length > 0) {
            await tx.$executeRaw`
              INSERT INTO "roster_import_person" ("importId", "userId")
              SELECT "importId", "userId" FROM "roster_import_staging" WHERE "importId" = ${importId} AND "kind" = 'create'
              ORDER BY "seq"`
          }
          if (updateUnit.length > 0) {
            // Only people still in this agency move; anyone who left since the preview fails the import.
            const moved = await tx.$executeRaw`
              UPDATE "user" SET "unitId" = s."unitId", "updatedAt" = s."at"
              FROM "roster_import_staging" s
              WHERE s."importId" = ${importId} AND s."kind" = 'move' AND s."userId" = "user"."id" AND "user"."agencyId" = ${officer.agencyId}`
            if (moved !== updateUnit.length) throw new AppError(409, MOVED_SINCE_PREVIEW)
          }
          for (const claim of verify) {
            await verifyClaimInTx(tx, { userId: claim.userId, nip: claim.nip, agencyId: officer.agencyId, officerId: officer.id, method: 'roster', now })
          }
          for (const conflict of decided.confirm) {
            await verifyClaimInTx(tx, { userId: conflict.claimant.userId, nip: conflict.nip, agencyId: officer.agencyId, officerId: officer.id, method: 'hr', now })
          }
          await auditLogCreate(
            {
              action: 'roster.imported',
              actorId: officer.id,
              agencyId: officer.agencyId,
              targetType: 'roster_import',
              targetId: importId,
              details: {
                fileName: upload.fileName,
                ...preview.counts,
                create: create.length,
                claimsConfirmed: decided.confirm.length,
                claimsRejected: decided.reject.length,
              },
            },
            tx,
          )
        },
        { timeout: PUBLISH_TIMEOUT_MS, maxWait: 10_000 },
      ),
    )
    publish = lap()
  } catch (error) {
    if (isUniqueViolation(error) || isWriteConflict(error)) throw new AppError(409, REGISTERED_SINCE_PREVIEW)
    if (error instanceof StagingLost) {
      throw new AppError(409, 'Impor berjalan terlalu lama dan dibatalkan. Tidak ada yang diimpor; coba lagi.')
    }
    throw error
  } finally {
    await deleteStaged(importId, total).catch((error: unknown) => logger().error({ importId, err: error }, 'roster import staging not cleaned up'))
    options.onTimings?.({ read, stage, publish, cleanup: lap() })
  }
  return { importId, ...preview.counts, create: create.length, claimsConfirmed: decided.confirm.length, claimsRejected: decided.reject.length }
}

/**
 * The NIPs of every readable, valid row of a roster file, for assigning "the imported roster" to
 * a cohort (the same file is sent again: nothing is kept between requests).
 */
export async function rosterNips(upload: Upload): Promise<string[]> {
  const nips = new Set<string>()
  let rows = 0
  try {
    for await (const raw of readRosterRows(upload.body, { fileName: upload.fileName })) {
      const checked = validateRosterRow(raw)
      if (checked.ok) nips.add(checked.row.nip)
      await turnAfter(rows++)
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw new AppError(422, error.message)
    throw error
  }
  return [...nips]
}
