import 'server-only'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { AppError } from '@/lib/errors/app-error'
import type { Officer } from './assignment-jobs.server'
import { cycleKeyOf } from './cohort-form'

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
