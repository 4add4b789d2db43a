import 'server-only'
import { randomUUID } from 'node:crypto'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { AppError } from '@/lib/errors/app-error'
import { previewRoster, readRosterRows, RosterFileError, validateRosterRow, type RosterLookups, type RosterPreview } from '@/lib/roster'

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
          select: { id: true, nip: true, name: true, email: true, agencyId: true, unitId: true, employmentType: true },
        })
      ).map((user) => ({ ...user, userId: user.id, nip: user.nip as string })),
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
  return result.preview
}

export type RosterPreviewView = Omit<RosterPreview, 'plan'> & { rejectionsTruncated: boolean }

/** What the import would do, before anything is written. */
export async function previewRosterUpload(officer: Officer, upload: Upload): Promise<RosterPreviewView> {
  const { plan: _plan, ...preview } = await readPreview(officer, upload)
  return {
    ...preview,
    rejections: preview.rejections.slice(0, REJECTIONS_SHOWN),
    notes: preview.notes.slice(0, REJECTIONS_SHOWN),
    rejectionsTruncated: preview.rejections.length > REJECTIONS_SHOWN,
  }
}

/**
 * Imports every valid row of the file in one transaction: new accounts (to be claimed by their
 * owners) and unit moves for people already in this agency. The file is read and classified
 * again here, so the import does exactly what a preview of the same file shows now; a failure
 * midway writes nothing.
 */
export async function importRosterUpload(officer: Officer, upload: Upload) {
  const preview = await readPreview(officer, upload)
  if (preview.blocker) throw new AppError(422, preview.blocker)
  const { create, updateUnit } = preview.plan
  const now = new Date()
  try {
    await db.$transaction(
      async (tx) => {
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
        await auditLogCreate(
          {
            action: 'roster.imported',
            actorId: officer.id,
            agencyId: officer.agencyId,
            details: { fileName: upload.fileName, ...preview.counts },
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
  return preview.counts
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
