import 'server-only'
import { randomUUID } from 'node:crypto'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { withCheckpointOffThread } from '@/lib/db/wal-checkpoint.server'
import { isUniqueViolation, isWriteConflict } from '@/lib/db/errors'
import { jsonRecordsTable, jsonValuesList } from '@/lib/db/json-rows.server'
import { asDate } from '@/lib/db/raw-values'
import type { EmploymentType } from '@/lib/identity/nip'
import { AppError } from '@/lib/errors/app-error'
import { rejectClaimInTx, verifyClaimInTx } from '@/lib/identity/identity-review.server'
import { MAX_CONFLICT_DECISIONS } from '@/lib/identity/review-schemas'
import {
  backgroundTurn,
  previewRoster,
  sortInTurns,
  readRosterRows,
  turnAfter,
  RosterFileError,
  validateRosterRow,
  type ClaimConflict,
  type EmailOwner,
  type ExistingPerson,
  type ConflictDecision,
  type RosterLookups,
  type RosterPreview,
} from '@/lib/roster'
import { logger } from '@/lib/observability/log.server'
import { visiblePersonSql } from './visible-people.server'

type Officer = { id: string; agencyId: string }
type Upload = { body: AsyncIterable<Uint8Array>; fileName: string }

const REJECTIONS_SHOWN = 500

/**
 * The preview's lookups, 500 keys a statement: raw SQL with the keys as one JSON parameter
 * (lib/db/json-rows; a findMany with 500 keys cost the process ~30 ms of CPU per call, blocking
 * learners' requests meanwhile). A concurrent import's pending accounts are nobody yet
 * (visiblePersonSql): its rows clash with ours on the unique keys while writing, which is the 409
 * of decisions 006/026.
 */
async function lookupsFor(agencyId: string): Promise<RosterLookups> {
  const units = await db.unit.findMany({ where: { agencyId }, select: { id: true, name: true } })
  return {
    agencyId,
    units,
    findPeopleByNip: async (nips) =>
      (
        await db.$queryRaw<
          Array<Omit<ExistingPerson, 'createdAt' | 'nip'> & { nip: string; createdAt: Date | string }>
        >`
          SELECT u."id" AS "userId", u."nip", u."name", u."email", u."agencyId", u."unitId", u."employmentType",
                 u."identityStatus", u."createdAt", un."name" AS "unitName"
          FROM "user" u LEFT JOIN "unit" un ON un."id" = u."unitId"
          WHERE u."nip" IN ${jsonValuesList(nips)} AND ${visiblePersonSql('u')}`
      ).map((person) => ({ ...person, createdAt: asDate(person.createdAt) })),
    findAccountsByEmail: (emails) =>
      db.$queryRaw<EmailOwner[]>`
        SELECT u."id" AS "userId", u."email", u."nip" FROM "user" u
        WHERE u."email" IN ${jsonValuesList(emails)} AND ${visiblePersonSql('u')}`,
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
/** Rows deleted or un-flagged per statement (after publishing, or of a failed or dead import). */
const CLEANUP_BATCH_ROWS = 500
/** Batches written between two checkpoints of the write-ahead log in a worker thread (SQLite). */
const BATCHES_PER_CHECKPOINT = 25
/**
 * An unpublished import that wrote nothing for this long is taken to be dead (its process
 * crashed) and its rows are deleted by the next import, whatever its agency. Writing 50,000 rows
 * takes seconds.
 */
export const STAGING_ABANDONED_MS = 10 * 60 * 1000
/**
 * The same, for an import of the agency that is importing again: a live import writes (and
 * touches its roster_import row) every few hundred milliseconds at most, so one idle for a minute
 * is dead, and its pending accounts must not block the agency's retry for ten.
 */
export const SAME_AGENCY_ABANDONED_MS = 60 * 1000
const PUBLISH_TIMEOUT_MS = 60_000

const REGISTERED_SINCE_PREVIEW = 'Data berubah sejak pratinjau (NIP atau email baru terdaftar). Tidak ada yang diimpor; buat pratinjau lagi.'
const MOVED_SINCE_PREVIEW = 'Data berubah sejak pratinjau (pegawai pindah instansi). Tidak ada yang diimpor; buat pratinjau lagi.'
const ABANDONED = 'Impor berjalan terlalu lama dan dibatalkan. Tidak ada yang diimpor; coba lagi.'

/** How long each phase of one import took, in ms (sent to HR's browser as Server-Timing). */
export type ImportTimings = { read: number; stage: number; publish: number; cleanup: number }

export type ImportOptions = {
  /** The clock (tests move it to make staged rows stale). */
  now?: () => Date
  /** Called after each staged batch (tests pause or fail an import here). */
  afterBatchStaged?: (batch: number) => void | Promise<void>
  /** Called after publishing, before the flags are cleared (tests look at the data here). */
  afterPublished?: () => void | Promise<void>
  onTimings?: (timings: ImportTimings) => void
}

type NewAccount = { name: string; email: string; nip: string; employmentType: EmploymentType; unitId: string }
type Fixed = { importId: string; agencyId: string; officerId: string; now: Date }

/**
 * One batch of new accounts, straight into "user" and flagged with the import (invisible until
 * it is published), with their roster_import_person rows and the import's liveness stamp: one
 * short transaction of three statements. The rows travel as one JSON parameter per statement
 * (lib/db/json-rows: the client's cost is per parameter, and it blocks the process). Returns
 * false when the import was declared dead meanwhile (its rows are being deleted by another
 * import).
 */
async function writeAccounts(rows: readonly { id: string; account: NewAccount }[], fixed: Fixed, stagedAt: Date): Promise<boolean> {
  const accounts = jsonRecordsTable(
    rows.map(({ id, account }) => ({ id, name: account.name, email: account.email, nip: account.nip, employmentType: account.employmentType, unitId: account.unitId })),
    { id: 'text', name: 'text', email: 'text', nip: 'text', employmentType: '"EmploymentType"', unitId: 'text' },
    'a',
  )
  const [, , touched] = await db.$transaction([
    // The agency's own roster names these people: verified from the start.
    db.$executeRaw`
      INSERT INTO "user" ("id", "name", "email", "nip", "employmentType", "agencyId", "unitId", "identityStatus",
                          "identityMethod", "identityVerifiedAt", "identityVerifiedById", "createdAt", "updatedAt", "pendingImportId")
      SELECT a."id", a."name", a."email", a."nip", a."employmentType", ${fixed.agencyId}, a."unitId", 'verified',
             'import', ${fixed.now}, ${fixed.officerId}, ${fixed.now}, ${fixed.now}, ${fixed.importId}
      FROM ${accounts}`,
    db.$executeRaw`
      INSERT INTO "roster_import_person" ("importId", "userId")
      SELECT ${fixed.importId}, "ids"."value" FROM ${jsonValuesList(rows.map(({ id }) => id))} AS "ids"`,
    touch(fixed.importId, stagedAt),
  ])
  return touched === 1
}

/** The import's liveness stamp; nothing once another import has declared it dead (stagedAt null). */
function touch(importId: string, stagedAt: Date) {
  return db.$executeRaw`UPDATE "roster_import" SET "stagedAt" = ${stagedAt} WHERE "id" = ${importId} AND "stagedAt" IS NOT NULL AND "publishedAt" IS NULL`
}

/** One batch of unit moves into roster_import_staging (applied by the publishing transaction). */
function stageMoves(rows: readonly { userId: string; unitId: string }[], first: number, fixed: Fixed, stagedAt: Date) {
  const moves = jsonRecordsTable(
    rows.map((row, i) => ({ seq: first + i, userId: row.userId, unitId: row.unitId })),
    { seq: 'integer', userId: 'text', unitId: 'text' },
    'm',
  )
  return db.$transaction([
    db.$executeRaw`
      INSERT INTO "roster_import_staging" ("importId", "seq", "kind", "agencyId", "userId", "unitId", "at", "stagedAt")
      SELECT ${fixed.importId}, m."seq", 'move', ${fixed.agencyId}, m."userId", m."unitId", ${fixed.now}, ${stagedAt}
      FROM ${moves}`,
    touch(fixed.importId, stagedAt),
  ])
}

/** Runs `statement` (which affects at most CLEANUP_BATCH_ROWS rows) until it affects fewer. */
async function inBatches(statement: () => Promise<number>) {
  for (;;) {
    const n = await statement()
    await backgroundTurn()
    if (n < CLEANUP_BATCH_ROWS) return
  }
}

/**
 * Deletes an unpublished import: first declares it dead (stagedAt null, one conditional
 * statement: from then on it can neither write nor publish; nothing when it was published
 * meanwhile), then its accounts (their roster_import_person rows go with them), its staged moves
 * and its record, a short statement per CLEANUP_BATCH_ROWS. Returns whether it was deleted.
 */
async function deleteUnpublishedImport(importId: string, condition: Prisma.Sql = Prisma.empty): Promise<boolean> {
  const declared = await db.$executeRaw`UPDATE "roster_import" SET "stagedAt" = NULL WHERE "id" = ${importId} AND "publishedAt" IS NULL ${condition}`
  if (declared !== 1) {
    const dead = await db.rosterImport.count({ where: { id: importId, publishedAt: null, stagedAt: null } })
    if (dead === 0) return false
  }
  await inBatches(
    () => db.$executeRaw`DELETE FROM "user" WHERE "id" IN (SELECT "id" FROM "user" WHERE "pendingImportId" = ${importId} LIMIT ${CLEANUP_BATCH_ROWS})`,
  )
  await inBatches(
    () => db.$executeRaw`DELETE FROM "roster_import_staging" WHERE "importId" = ${importId}
      AND "seq" IN (SELECT "seq" FROM "roster_import_staging" WHERE "importId" = ${importId} LIMIT ${CLEANUP_BATCH_ROWS})`,
  )
  await inBatches(
    () => db.$executeRaw`DELETE FROM "roster_import_person" WHERE "importId" = ${importId}
      AND "userId" IN (SELECT "userId" FROM "roster_import_person" WHERE "importId" = ${importId} LIMIT ${CLEANUP_BATCH_ROWS})`,
  )
  await db.$executeRaw`DELETE FROM "roster_import" WHERE "id" = ${importId} AND "publishedAt" IS NULL`
  return true
}

/** Clears a published import's flags, a short statement per CLEANUP_BATCH_ROWS, and its staged moves. */
async function finishPublished(importId: string) {
  await withCheckpointOffThread(() => inBatches(
    () => db.$executeRaw`UPDATE "user" SET "pendingImportId" = NULL
      WHERE "id" IN (SELECT "id" FROM "user" WHERE "pendingImportId" = ${importId} LIMIT ${CLEANUP_BATCH_ROWS})`,
  ))
  await inBatches(
    () => db.$executeRaw`DELETE FROM "roster_import_staging" WHERE "importId" = ${importId}
      AND "seq" IN (SELECT "seq" FROM "roster_import_staging" WHERE "importId" = ${importId} LIMIT ${CLEANUP_BATCH_ROWS})`,
  )
}

/**
 * Deletes the imports that stopped writing without publishing: any agency's idle for
 * STAGING_ABANDONED_MS, and `agencyId`'s own idle for SAME_AGENCY_ABANDONED_MS (its retry must not
 * wait ten minutes for a dead attempt's accounts to free their NIPs). Also finishes published
 * imports whose flag cleanup was cut short (a process that died after publishing). Returns how
 * many imports were deleted.
 */
export async function deleteAbandonedImports(now: Date, agencyId?: string): Promise<number> {
  const idle = new Date(now.getTime() - STAGING_ABANDONED_MS)
  const idleHere = new Date(now.getTime() - SAME_AGENCY_ABANDONED_MS)
  const abandoned = await db.rosterImport.findMany({
    where: {
      publishedAt: null,
      OR: [{ stagedAt: null }, { stagedAt: { lt: idle } }, ...(agencyId ? [{ agencyId, stagedAt: { lt: idleHere } }] : [])],
    },
    select: { id: true, agencyId: true },
  })
  let deleted = 0
  for (const { id, agencyId: of } of abandoned) {
    const limit = of === agencyId ? idleHere : idle
    if (await deleteUnpublishedImport(id, Prisma.sql`AND "stagedAt" < ${limit}`)) deleted++
  }
  const unfinished = await db.$queryRaw<{ id: string }[]>`
    SELECT ri."id" FROM "roster_import" ri
    WHERE ri."publishedAt" IS NOT NULL AND EXISTS (SELECT 1 FROM "user" u WHERE u."pendingImportId" = ri."id")`
  for (const { id } of unfinished) await finishPublished(id)
  return deleted
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
 * Decision 053 (amends 026): the import's record is written first, unpublished; the new accounts
 * go straight into "user" in short batches, flagged with the import (invisible: visible-people),
 * and the unit moves into roster_import_staging. One short transaction then publishes: the claim
 * decisions, the moves, a check that every account is still there, `publishedAt` (which makes
 * them all visible at once) and the audit entry - nothing proportional to the new accounts.
 * Afterwards the flags are cleared in batches. A failure anywhere publishes nothing and deletes
 * what was written (or, if the process died, a later import does once the import is idle).
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
  const now = clock()
  await deleteAbandonedImports(now, officer.agencyId)
  const read = lap()

  const importId = randomUUID()
  // New accounts in NIP order, each given one of a sorted set of fresh random ids: each batch then
  // writes `user`'s primary key and NIP index in ascending order, page after page, instead of at
  // random places. Sorted and drawn in steps (a single sort of 50,000 is a 30-140 ms block):
  // other requests go in between. (The accounts of rejected claims are written by the publishing
  // transaction: their NIPs are free only once the claims are rejected there.)
  const byNip = await sortInTurns(preview.plan.create, (a, b) => (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0))
  const drawn: string[] = []
  for (let i = 0; i < byNip.length; i++) {
    drawn.push(randomUUID())
    await turnAfter(i)
  }
  const ids = await sortInTurns(drawn, (a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const created = byNip.length + decided.reject.length
  const fixed: Fixed = { importId, agencyId: officer.agencyId, officerId: officer.id, now }
  await db.$executeRaw`
    INSERT INTO "roster_import" ("id", "agencyId", "importedById", "fileName", "importedAt", "created", "publishedAt", "stagedAt")
    VALUES (${importId}, ${officer.agencyId}, ${officer.id}, ${upload.fileName.slice(0, 255)}, ${now}, ${created}, NULL, ${clock()})`
  let stage = 0
  let publish = 0
  let published = false
  try {
    // Every batch, as a step; run in groups whose write-ahead log is checkpointed off the event
    // loop (SQLite): an automatic checkpoint inside a batch's commit was its longest part.
    const steps: Array<() => Promise<boolean>> = []
    for (let start = 0; start < byNip.length; start += STAGING_BATCH_ROWS) {
      steps.push(() => writeAccounts(byNip.slice(start, start + STAGING_BATCH_ROWS).map((account, i) => ({ id: ids[start + i]!, account })), fixed, clock()))
    }
    for (let start = 0; start < updateUnit.length; start += STAGING_BATCH_ROWS) {
      steps.push(async () => (await stageMoves(updateUnit.slice(start, start + STAGING_BATCH_ROWS), start, fixed, clock()))[1] === 1)
    }
    for (let first = 0; first < steps.length; first += BATCHES_PER_CHECKPOINT) {
      await withCheckpointOffThread(async () => {
        for (let batch = first; batch < Math.min(first + BATCHES_PER_CHECKPOINT, steps.length); batch++) {
          if (!(await steps[batch]!())) throw new StagingLost()
          // Let other requests of the process (and, on SQLite, the one connection) go first.
          await backgroundTurn()
          await options.afterBatchStaged?.(batch)
        }
      })
    }
    stage = lap()
    // The log this transaction writes is checkpointed off the event loop (SQLite; see the module).
    await withCheckpointOffThread(() =>
      db.$transaction(
        async (tx) => {
          // Still alive (not declared dead by another import) and not published twice; on
          // PostgreSQL the row lock orders this against a concurrent declaration.
          const alive = await tx.$executeRaw`
            UPDATE "roster_import" SET "publishedAt" = ${now}
            WHERE "id" = ${importId} AND "publishedAt" IS NULL AND "stagedAt" IS NOT NULL`
          if (alive !== 1) throw new StagingLost()
          // Every account written is still there (an index range count of this import's flag).
          const [{ n }] = await tx.$queryRaw<[{ n: number | bigint | string }]>`
            SELECT COUNT(*) AS "n" FROM "user" WHERE "pendingImportId" = ${importId}`
          if (Number(n) !== byNip.length) throw new StagingLost()
          // Release the NIPs of rejected claims, then create the roster's accounts for them
          // (at most MAX_CONFLICT_DECISIONS), visible at once: this transaction publishes.
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
          if (decided.reject.length > 0) {
            const accounts = decided.reject.map((conflict) => ({ id: randomUUID(), account: conflict.account }))
            await tx.user.createMany({
              data: accounts.map(({ id, account }) => ({
                id,
                name: account.name,
                email: account.email,
                nip: account.nip,
                employmentType: account.employmentType,
                agencyId: officer.agencyId,
                unitId: account.unitId,
                identityStatus: 'verified' as const,
                identityMethod: 'import',
                identityVerifiedAt: now,
                identityVerifiedById: officer.id,
                createdAt: now,
                updatedAt: now,
              })),
            })
            await tx.rosterImportPerson.createMany({ data: accounts.map(({ id }) => ({ importId, userId: id })) })
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
                create: created,
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
    published = true
    publish = lap()
    await options.afterPublished?.()
  } catch (error) {
    if (isUniqueViolation(error) || isWriteConflict(error)) throw new AppError(409, REGISTERED_SINCE_PREVIEW)
    if (error instanceof StagingLost) throw new AppError(409, ABANDONED)
    throw error
  } finally {
    await (published ? finishPublished(importId) : deleteUnpublishedImport(importId)).catch((error: unknown) =>
      logger().error({ importId, err: error }, published ? 'roster import flags not cleared' : 'failed roster import not deleted'),
    )
    options.onTimings?.({ read, stage, publish, cleanup: lap() })
  }
  return { importId, ...preview.counts, create: created, claimsConfirmed: decided.confirm.length, claimsRejected: decided.reject.length }
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
