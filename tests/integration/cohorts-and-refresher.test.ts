import { beforeAll, describe, expect, it } from 'vitest'
import { getQuizStatus } from '@/lib/assessment/attempts.server'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { createCohort } from '@/lib/hr/cohorts.server'
import { checkReportScope } from '@/lib/hr/report-data.server'
import { reportFilterSchema } from '@/lib/hr/report-filter'
import { seedUser } from '@/prisma/seed/seeders'
import { assignNow, seedAgencies, uniqueNip } from './helpers'

let officer: { id: string; agencyId: string }
let foreignCohortId: string
let foreignUnitId: string
let learner: { id: string; agencyId: string; nip: string }

beforeAll(async () => {
  const { agency, otherAgency, otherUnit } = await seedAgencies()
  const hr = await seedUser(db, { name: 'HR', email: 'hr@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agency.id })
  officer = { id: hr.id, agencyId: agency.id }
  foreignCohortId = (await db.cohort.create({ data: { agencyId: otherAgency.id, kind: 'onboarding', year: 2026, name: 'Lain' } })).id
  foreignUnitId = otherUnit.id
  const nip = uniqueNip()
  const user = await seedUser(db, { name: 'Sari Dewi', email: 'sari@contoh.go.id', password: 'Kata-sandi-benar-9', nip, employmentType: 'PNS', agencyId: agency.id, unitId: agency.units[0]!.id })
  learner = { id: user.id, agencyId: agency.id, nip }
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
  })
})

async function passPostTest(enrolmentId: string, at: Date) {
  const attempt = await db.quizAttempt.create({
    data: { userId: learner.id, enrolmentId, kind: 'posttest', contentVersion: 't', seed: 's', items: '{}', expiresAt: at, submittedAt: at, score: 90, passed: true },
  })
  return issueCertificateIfEligible(attempt.id)
}

describe('cohorts and the yearly refresher', () => {
  it('starts the refresher afresh and keeps the earlier certificate in the history', async () => {
    const onboarding = await createCohort(officer, { kind: 'onboarding', year: 2026, name: 'Orientasi 2026', dueDate: new Date('2026-12-31') })
    expect(await assignNow(officer, onboarding.id, { target: 'semua' })).toMatchObject({ added: 1 })
    const first = await passPostTest((await db.enrolment.findFirstOrThrow({ where: { userId: learner.id } })).id, new Date('2026-11-01T02:00:00Z'))
    expect(first).not.toBeNull()
    expect((await getQuizStatus(learner, 'posttest')).passed).toBe(true)

    const refresher = await createCohort(officer, { kind: 'refresher', year: 2027, name: 'Penyegaran 2027', dueDate: new Date('2027-12-31') })
    expect(await assignNow(officer, refresher.id, { target: 'nip', nips: [learner.nip] })).toMatchObject({ added: 1, moved: 0 })
    const status = await getQuizStatus(learner, 'posttest')
    expect(status).toMatchObject({ passed: false, lastResult: null, blockedReason: null })

    const refresherEnrolment = await db.enrolment.findUniqueOrThrow({ where: { userId_cycleKey: { userId: learner.id, cycleKey: 'refresher-2027' } } })
    const second = await passPostTest(refresherEnrolment.id, new Date('2027-11-01T02:00:00Z'))
    expect(second?.number).not.toBe(first?.number)
    const history = await db.certificate.findMany({ where: { userId: learner.id }, orderBy: { completedAt: 'asc' }, select: { cycleKey: true } })
    expect(history.map((certificate) => certificate.cycleKey)).toEqual(['onboarding', 'refresher-2027'])
  })

  it('leaves a certified enrolment alone when the person is assigned to another cohort of the same cycle', async () => {
    const again = await createCohort(officer, { kind: 'onboarding', year: 2026, name: 'Orientasi 2026 gelombang 2', dueDate: new Date('2026-12-31') })
    expect(await assignNow(officer, again.id, { target: 'semua' })).toMatchObject({ added: 0, moved: 0, certified: 1 })
  })

  it("refuses another agency's cohort and unit in assignments and report filters", async () => {
    await expect(assignNow(officer, foreignCohortId, { target: 'semua' })).rejects.toMatchObject({ status: 404 })
    const own = await db.cohort.findFirstOrThrow({ where: { agencyId: officer.agencyId } })
    await expect(assignNow(officer, own.id, { target: 'unit', unitId: foreignUnitId })).rejects.toMatchObject({ status: 404 })
    await expect(checkReportScope(officer, reportFilterSchema.parse({ kelompok: foreignCohortId }))).rejects.toMatchObject({ status: 404 })
    await expect(checkReportScope(officer, reportFilterSchema.parse({ kelompok: own.id, unit: foreignUnitId }))).rejects.toMatchObject({ status: 404 })
    expect(await db.enrolment.count({ where: { cohortId: foreignCohortId } })).toBe(0)
  })
})
