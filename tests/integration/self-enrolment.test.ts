import { beforeAll, describe, expect, it } from 'vitest'
import { registerLearner } from '@/lib/accounts/register.server'
import { startAttempt } from '@/lib/assessment/attempts.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { isAppError } from '@/lib/errors/app-error'
import { createCohort, setSelfEnrolCohort } from '@/lib/hr/cohorts.server'
import { getDashboard } from '@/lib/hr/dashboard.server'
import { seedUser } from '@/prisma/seed/seeders'
import { assignNow, seedAgencies, uniqueNip } from './helpers'

// Issue 13, "Everyone of the agency counts": HR chooses the cohort self-registered people join;
// people in no cohort are counted on the dashboard and assigned with one action.

let agencyId: string
let unitId: string
let otherAgencyId: string
let officer: { id: string; agencyId: string }
let sequence = 0

beforeAll(async () => {
  const seeded = await seedAgencies()
  agencyId = seeded.agency.id
  unitId = seeded.unit.id
  otherAgencyId = seeded.otherAgency.id
  const hr = await seedUser(db, { name: 'Petugas Kepegawaian', email: 'hr-mandiri@contoh.go.id', password: 'Kata-sandi-benar-9', agencyId, role: 'hr' })
  officer = { id: hr.id, agencyId }
})

async function register() {
  const n = sequence++
  const result = await registerLearner(
    {
      name: `Pendaftar Mandiri ${n}`,
      nip: uniqueNip(1),
      employmentType: 'PNS',
      agencyId,
      unitId,
      email: `mandiri-${n}@contoh.go.id`,
      password: 'Rahasia-yang-kuat-1',
      passwordConfirm: 'Rahasia-yang-kuat-1',
    },
    new Headers(),
  )
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors))
  return result.userId
}

const dueDate = new Date('2026-12-31T16:59:59Z')

describe('self-registered people', () => {
  it('wait unassigned, are counted on the dashboard, and join a cohort with one action', async () => {
    const cohort = await createCohort(officer, { kind: 'onboarding', year: 2026, name: 'Orientasi 2026 gelombang 1', dueDate })
    const enrolledElsewhere = await register()
    const elsewhere = await createCohort(officer, { kind: 'refresher', year: 2026, name: 'Penyegaran 2026', dueDate })
    await assignNow(officer, elsewhere.id, { target: 'nip', nips: [(await db.user.findUniqueOrThrow({ where: { id: enrolledElsewhere } })).nip!] })
    const waiting = [await register(), await register()]
    expect(await db.enrolment.count({ where: { userId: { in: waiting } } })).toBe(0)

    const before = await getDashboard(agencyId, cohort.id)
    expect(before?.unassigned).toBe(2)

    const result = await assignNow(officer, cohort.id, { target: 'tanpa-kelompok' })
    expect(result).toMatchObject({ added: 2, moved: 0 })
    const enrolments = await db.enrolment.findMany({ where: { userId: { in: [...waiting, enrolledElsewhere] } }, select: { userId: true, cohortId: true } })
    expect(enrolments.filter((e) => e.cohortId === cohort.id).map((e) => e.userId).sort()).toEqual([...waiting].sort())
    expect(enrolments.find((e) => e.userId === enrolledElsewhere)?.cohortId).toBe(elsewhere.id)

    const after = await getDashboard(agencyId, cohort.id)
    expect(after?.unassigned).toBe(0)
    expect(after?.counts.total).toBe(2)
  })

  it("join the cohort HR chose for them as they register, and count in it at once", async () => {
    const cohort = await createCohort(officer, { kind: 'onboarding', year: 2026, name: 'Orientasi 2026 pendaftar mandiri', dueDate })
    await setSelfEnrolCohort(officer, cohort.id)
    const audit = await db.auditLog.findFirst({ where: { action: 'agency.self-enrol-cohort.set', agencyId }, orderBy: { at: 'desc' } })
    expect(JSON.parse(audit!.details)).toMatchObject({ to: cohort.id })

    const userId = await register()
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { userId } })
    expect(enrolment.cohortId).toBe(cohort.id)
    const dashboard = await getDashboard(agencyId, cohort.id)
    expect(dashboard?.counts.total).toBe(1)
    expect(dashboard?.unassigned).toBe(0)

    // A person who had no enrolment yet (e.g. registered before HR chose) joins it at their first test.
    const older = await seedUser(db, { name: 'Peserta Lama', email: `lama-${sequence++}@contoh.go.id`, password: 'Kata-sandi-benar-9', agencyId, nip: uniqueNip(2) })
    await db.lessonProgress.createMany({
      data: getLessonOutline().map((lesson) => ({ userId: older.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date() })),
    })
    const attemptId = await startAttempt({ id: older.id, agencyId }, 'pretest')
    const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { enrolment: { select: { cohortId: true } } } })
    expect(attempt.enrolment?.cohortId).toBe(cohort.id)

    await setSelfEnrolCohort(officer, null)
    const next = await register()
    expect(await db.enrolment.count({ where: { userId: next } })).toBe(0)
  })

  it("refuses another agency's cohort", async () => {
    const foreign = await createCohort({ id: officer.id, agencyId: otherAgencyId }, { kind: 'onboarding', year: 2026, name: 'Orientasi instansi lain', dueDate })
    const refused = await setSelfEnrolCohort(officer, foreign.id).then(
      () => null,
      (error: unknown) => error,
    )
    expect(isAppError(refused) && refused.status).toBe(404)
    expect((await db.agency.findUniqueOrThrow({ where: { id: agencyId } })).selfEnrolCohortId).toBeNull()
  })
})
