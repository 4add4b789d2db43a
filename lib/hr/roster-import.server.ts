import 'server-only'
import { randomUUID } from 'node:crypto'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { AppError } from '@/lib/errors/app-error'
import { rejectClaimInTx, verifyClaimInTx } from '@/lib/identity/identity-review.server'
import { MAX_CONFLICT_DECISIONS } from '@/lib/identity/review-schemas'
import {
  previewRoster,
  readRosterRows,
  RosterFileError,
  validateRosterRow,
  type ClaimConflict,
  type ConflictDecision,
  type RosterLookups,
  type RosterPreview,
} from '@/lib/roster'

type Officer = { id: string; agencyId: string }
type Upload = { body: AsyncIterable<Uint8Array>; fileName: string }

const REJECTIONS_SHOWN = 500
const IMPORT_TIMEOUT_MS = 120_000

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
 * Imports every valid row of the file in one transaction: new accounts (verified: the agency's
 * roster names them; claimed by their owners with an activation code), unit moves for people
 * already in this agency, claimants verified by a matching roster name, and HR's decision on
 * each conflict (confirm the claimant, or reject the claim: the NIP is released, the claimant's
 * certificates under it revoked, and the roster's account created). The file is read and
 * classified again here, so the import does exactly what a preview of the same file shows now;
 * every change is conditional on the state the preview saw, and a failure midway writes nothing.
 */
export async function importRosterUpload(
  officer: Officer,
  upload: Upload,
  decisions: ReadonlyMap<string, ConflictDecision> = new Map(),
) {
  const preview = await readPreview(officer, upload)
  if (preview.blocker) throw new AppError(422, preview.blocker)
  const { updateUnit, verify } = preview.plan
  const decided = decide(preview.conflicts, decisions)
  const create = [...preview.plan.create, ...decided.reject.map((conflict) => conflict.account)]
  const now = new Date()
  try {
    await db.$transaction(
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
        for (let start = 0; start < create.length; start += 1000) {
          await tx.user.createMany({
            data: create.slice(start, start + 1000).map((row) => ({
              id: randomUUID(),
              name: row.name,
              email: row.email,
              nip: row.nip,
              employmentType: row.employmentType,
              agencyId: officer.agencyId,
              unitId: row.unitId,
              role: 'learner' as const,
              // The agency's own roster names this person: verified from the start.
              identityStatus: 'verified' as const,
              identityMethod: 'import',
              identityVerifiedAt: now,
              identityVerifiedById: officer.id,
            })),
          })
        }
        for (const move of updateUnit) {
          await tx.user.update({ where: { id: move.userId, agencyId: officer.agencyId }, data: { unitId: move.unitId } })
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
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 },
    )
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(409, 'Data berubah sejak pratinjau (NIP atau email baru terdaftar). Tidak ada yang diimpor; buat pratinjau lagi.')
    }
    throw error
  }
  return { ...preview.counts, create: create.length, claimsConfirmed: decided.confirm.length, claimsRejected: decided.reject.length }
}

/**
 * The NIPs of every readable, valid row of a roster file, for assigning "the imported roster" to
 * a cohort (the same file is sent again: nothing is kept between requests).
 */
export async function rosterNips(upload: Upload): Promise<string[]> {
  const nips = new Set<string>()
  try {
    for await (const raw of readRosterRows(upload.body, { fileName: upload.fileName })) {
      const checked = validateRosterRow(raw)
      if (checked.ok) nips.add(checked.row.nip)
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw new AppError(422, error.message)
    throw error
  }
  return [...nips]
}
