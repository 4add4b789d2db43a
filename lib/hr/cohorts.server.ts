import 'server-only'
import { COUNTED_PERSON_WHERE } from './counted-person'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { AppError } from '@/lib/errors/app-error'
import { cycleKeyOf } from './cohort-form'

/** HR (the whole agency), or a unit operator limited to `unitIds` (decision 037). */
type Officer = { id: string; agencyId: string; unitIds?: readonly string[] | null }

// Ids per query stay well under the SQLite driver's limit on bound parameters (999).
const CHUNK = 500
function chunks<T>(items: T[]): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK))
  return result
}

export async function createCohort(
  officer: Officer,
  input: { kind: 'onboarding' | 'refresher'; year: number; name: string; dueDate: Date },
) {
  try {
    return await db.$transaction(async (tx) => {
      const cohort = await tx.cohort.create({ data: { agencyId: officer.agencyId, ...input } })
      await auditLogCreate(
        { action: 'cohort.created', actorId: officer.id, agencyId: officer.agencyId, targetType: 'cohort', targetId: cohort.id, details: input },
        tx,
      )
      return cohort
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'Nama kelompok ini sudah dipakai di instansi Anda.')
    throw error
  }
}

export type AssignTarget =
  | { target: 'semua' }
  | { target: 'tanpa-kelompok' }
  | { target: 'unit'; unitId: string }
  | { target: 'nip'; nips: string[] }

/**
 * Puts people of the officer's agency into a cohort. A person already in another cohort of the
 * same cycle moves here, unless that enrolment already earned its certificate (then they are
 * left alone: their certificate stays in their history). Only the officer's agency is touched,
 * and of a unit operator only their units: another unit is answered like an unknown one.
 */
/**
 * A whole agency in one transaction: 32,000 people took 24 s on PostgreSQL and 18 s on SQLite on
 * a loaded 2-core machine (bench:assign), far past Prisma's default of 5 s, which failed every
 * assignment of more than a few thousand people.
 */
const ASSIGN_TIMEOUT_MS = 120_000

export async function assignToCohort(officer: Officer, cohortId: string, target: AssignTarget) {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId } })
  if (!cohort || cohort.agencyId !== officer.agencyId) throw new AppError(404, 'Kelompok tidak ditemukan.')
  const unitIds = officer.unitIds ?? null
  if (target.target === 'unit') {
    const unit = await db.unit.findUnique({ where: { id: target.unitId } })
    if (!unit || unit.agencyId !== officer.agencyId || (unitIds && !unitIds.includes(unit.id))) throw new AppError(404, 'Unit kerja tidak ditemukan.')
  }
  const people = await db.user.findMany({
    where: {
      agencyId: officer.agencyId,
      ...COUNTED_PERSON_WHERE,
      ...(unitIds ? { unitId: { in: [...unitIds] } } : {}),
      ...(target.target === 'unit' ? { unitId: target.unitId } : {}),
      ...(target.target === 'tanpa-kelompok' ? { enrolments: { none: {} } } : {}),
      ...(target.target === 'nip' ? { nip: { in: target.nips.slice(0, 5000) } } : {}),
    },
    select: { id: true, nip: true },
  })
  const unknownNips = target.target === 'nip' ? target.nips.filter((nip) => !people.some((person) => person.nip === nip)) : []
  const cycleKey = cycleKeyOf(cohort.kind, cohort.year)
  const existing = []
  for (const ids of chunks(people.map((person) => person.id))) {
    existing.push(
      ...(await db.enrolment.findMany({
        where: { cycleKey, userId: { in: ids } },
        select: { id: true, userId: true, cohortId: true, certificate: { select: { id: true } } },
      })),
    )
  }
  const byUser = new Map(existing.map((enrolment) => [enrolment.userId, enrolment]))
  const toCreate = people.filter((person) => !byUser.has(person.id))
  const toMove = existing.filter((enrolment) => enrolment.cohortId !== cohort.id && !enrolment.certificate)
  const certified = existing.filter((enrolment) => enrolment.cohortId !== cohort.id && enrolment.certificate).length
  const already = existing.filter((enrolment) => enrolment.cohortId === cohort.id).length

  await db.$transaction(async (tx) => {
    for (let start = 0; start < toCreate.length; start += 1000) {
      await tx.enrolment.createMany({
        data: toCreate.slice(start, start + 1000).map((person) => ({ userId: person.id, cohortId: cohort.id, cycleKey, assignedById: officer.id })),
      })
    }
    for (const ids of chunks(toMove.map((enrolment) => enrolment.id))) {
      await tx.enrolment.updateMany({
        where: { id: { in: ids } },
        data: { cohortId: cohort.id, assignedById: officer.id, assignedAt: new Date() },
      })
    }
    await auditLogCreate(
      {
        action: 'cohort.assigned',
        actorId: officer.id,
        agencyId: officer.agencyId,
        targetType: 'cohort',
        targetId: cohort.id,
        details: { target: target.target, added: toCreate.length, moved: toMove.length, certified, already, unknownNips: unknownNips.length },
      },
      tx,
    )
  }, { timeout: ASSIGN_TIMEOUT_MS, maxWait: 10_000 })
  return { added: toCreate.length, moved: toMove.length, certified, already, unknownNips }
}


/**
 * Pauses or resumes a cohort's due-date reminders (decision 036). Only a cohort of the officer's
 * own agency: another agency's cohort is "not found". Pausing stops the next scheduler tick from
 * queueing any; what is already queued stays. Audited with who did it.
 */
export async function setCohortReminders(officer: Officer, cohortId: string, paused: boolean, now = new Date()) {
  return db.$transaction(async (tx) => {
    const cohort = await tx.cohort.findUnique({ where: { id: cohortId }, select: { id: true, agencyId: true, name: true, remindersPausedAt: true } })
    if (!cohort || cohort.agencyId !== officer.agencyId) throw new AppError(404, 'Kelompok tidak ditemukan.')
    if ((cohort.remindersPausedAt !== null) === paused) return cohort
    const updated = await tx.cohort.update({ where: { id: cohort.id }, data: { remindersPausedAt: paused ? now : null }, select: { id: true, agencyId: true, name: true, remindersPausedAt: true } })
    await auditLogCreate(
      { action: paused ? 'cohort.reminders_paused' : 'cohort.reminders_resumed', actorId: officer.id, agencyId: officer.agencyId, targetType: 'cohort', targetId: cohort.id },
      tx,
    )
    return updated
  })
}

/** The cohort a learner is working towards now (newest without a certificate), for their dashboard. */
export async function currentAssignment(userId: string) {
  const enrolment = await db.enrolment.findFirst({
    where: { userId, certificate: null },
    orderBy: { assignedAt: 'desc' },
    select: { cohort: { select: { name: true, dueDate: true } } },
  })
  return enrolment?.cohort ?? null
}

/**
 * The cohort self-registered people of the agency join from now on (null: none, they wait
 * unassigned until HR assigns them). Only a cohort of the officer's agency; audit-logged.
 */
export async function setSelfEnrolCohort(officer: Officer, cohortId: string | null) {
  const cohort = cohortId ? await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true, agencyId: true, name: true } }) : null
  if (cohortId && (!cohort || cohort.agencyId !== officer.agencyId)) throw new AppError(404, 'Kelompok tidak ditemukan.')
  await db.$transaction(async (tx) => {
    const before = await tx.agency.findUniqueOrThrow({ where: { id: officer.agencyId }, select: { selfEnrolCohortId: true } })
    await tx.agency.update({ where: { id: officer.agencyId }, data: { selfEnrolCohortId: cohort?.id ?? null } })
    await auditLogCreate(
      {
        action: 'agency.self-enrol-cohort.set',
        actorId: officer.id,
        agencyId: officer.agencyId,
        targetType: 'agency',
        targetId: officer.agencyId,
        details: { from: before.selfEnrolCohortId, to: cohort?.id ?? null },
      },
      tx,
    )
  })
  return cohort
}

type Client = Pick<typeof db, 'agency' | 'enrolment'>

/**
 * Puts a person who has no enrolment yet into their agency's cohort for self-registered people,
 * if HR chose one. Returns the enrolment, or null when there is no such cohort.
 */
export async function enrolInSelfEnrolCohort(client: Client, person: { id: string; agencyId: string }) {
  const agency = await client.agency.findUnique({
    where: { id: person.agencyId },
    select: { selfEnrolCohort: { select: { id: true, kind: true, year: true } } },
  })
  const cohort = agency?.selfEnrolCohort
  if (!cohort) return null
  const cycleKey = cycleKeyOf(cohort.kind, cohort.year)
  const existing = await client.enrolment.findUnique({ where: { userId_cycleKey: { userId: person.id, cycleKey } } })
  if (existing) return existing
  return client.enrolment.create({ data: { userId: person.id, cohortId: cohort.id, cycleKey } })
}

/** The agency's cohort for self-registered people, or null. */
export async function getSelfEnrolCohortId(agencyId: string): Promise<string | null> {
  const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { selfEnrolCohortId: true } })
  return agency?.selfEnrolCohortId ?? null
}
