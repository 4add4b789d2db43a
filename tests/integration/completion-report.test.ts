import { beforeAll, describe, expect, it } from 'vitest'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { auditedPages, checkReportScope, completionRowPages, completionRows } from '@/lib/hr/report-data.server'
import { reportFilterSchema } from '@/lib/hr/report-filter'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

let officer: { id: string; agencyId: string }
let cohortId: string
let unitA: string
let passedNip: string

async function learner(name: string, unitId: string, employmentType: 'PNS' | 'PPPK', agencyId = officer.agencyId) {
  const nip = uniqueNip()
  const user = await seedUser(db, { name, email: `${nip}@contoh.go.id`, password: 'Kata-sandi-benar-9', nip, employmentType, agencyId, unitId })
  return { user, nip }
}

beforeAll(async () => {
  const { agency, otherAgency, otherUnit } = await seedAgencies()
  unitA = agency.units[0]!.id
  const unitB = agency.units[1]!.id
  const hr = await seedUser(db, { name: 'HR', email: 'hr@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agency.id })
  officer = { id: hr.id, agencyId: agency.id }
  const cohort = await db.cohort.create({
    data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi', dueDate: new Date('2099-01-01T00:00:00Z') },
  })
  cohortId = cohort.id

  const passed = await learner("Dr. Ni Luh Putu Ayu, M.Si.", unitA, 'PNS')
  passedNip = passed.nip
  const started = await learner("Muh. Ma'ruf", unitB, 'PPPK')
  const idle = await learner('Sari', unitA, 'PPPK')
  const stranger = await learner('Orang Lain', otherUnit.id, 'PNS', otherAgency.id)
  const enrol = (userId: string) => db.enrolment.create({ data: { userId, cohortId, cycleKey: 'onboarding' } })
  const passedEnrolment = await enrol(passed.user.id)
  await enrol(started.user.id)
  await enrol(idle.user.id)
  await enrol(stranger.user.id)
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: passed.user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
  })
  await db.lessonProgress.create({ data: { userId: started.user.id, lessonSlug: getLessonOutline()[0]!.slug, contentVersion: 't', completedAt: new Date() } })
  const attempt = (kind: 'pretest' | 'posttest', score: number, passedFlag: boolean, at: Date) =>
    db.quizAttempt.create({
      data: { userId: passed.user.id, enrolmentId: passedEnrolment.id, kind, contentVersion: 't', seed: 's', items: '{}', expiresAt: at, submittedAt: at, score, passed: passedFlag },
    })
  await attempt('pretest', 40, false, new Date('2026-11-01T02:00:00Z'))
  await attempt('posttest', 60, false, new Date('2026-11-02T02:00:00Z'))
  await attempt('posttest', 93.3, true, new Date('2026-11-03T02:00:00Z'))
})

const filterOf = (extra: Record<string, string> = {}) => reportFilterSchema.parse({ kelompok: cohortId, ...extra })

async function rows(extra: Record<string, string> = {}) {
  const filter = filterOf(extra)
  const cohort = await checkReportScope(officer, filter)
  const result = []
  for await (const row of completionRows(officer, filter, cohort)) result.push(row)
  return result
}

describe('completion report rows', () => {
  it("lists the agency's enrolments with status, scores and dates, never another agency's", async () => {
    const all = await rows()
    expect(all).toHaveLength(3)
    expect(all.map((row) => row.name)).not.toContain('Orang Lain')
    const passed = all.find((row) => row.nip === passedNip)!
    expect(passed).toMatchObject({
      status: 'lulus',
      lessonsDone: getLessonOutline().length,
      lessonsTotal: getLessonOutline().length,
      preTestScore: 40,
      bestPostTestScore: 93.3,
      attempts: 2,
      employmentType: 'PNS',
    })
    expect(passed.completedAt).toEqual(new Date('2026-11-03T02:00:00Z'))
    expect(all.map((row) => row.status).sort()).toEqual(['belum-mulai', 'lulus', 'sedang'])
  })

  it('filters by status, unit, employment type and completion dates', async () => {
    expect((await rows({ status: 'lulus' })).map((row) => row.nip)).toEqual([passedNip])
    expect((await rows({ unit: unitA })).length).toBe(2)
    expect((await rows({ jenis: 'PPPK' })).length).toBe(2)
    expect((await rows({ dari: '2026-11-03', sampai: '2026-11-03' })).map((row) => row.nip)).toEqual([passedNip])
    expect(await rows({ dari: '2026-11-04' })).toEqual([])
  })

  it("refuses another agency's cohort", async () => {
    const other = await db.cohort.create({ data: { agencyId: (await db.agency.findFirstOrThrow({ where: { NOT: { id: officer.agencyId } } })).id, kind: 'onboarding', year: 2026, name: 'Lain' } })
    await expect(checkReportScope(officer, reportFilterSchema.parse({ kelompok: other.id }))).rejects.toMatchObject({ status: 404 })
  })

  it('streams the same rows as pages, and the audit entry counts the rows of every page', async () => {
    const filter = filterOf()
    const scope = await checkReportScope(officer, filter)
    const paged = []
    for await (const page of auditedPages(completionRowPages(officer, filter, scope), { officer, action: 'report.completion.downloaded', filter })) {
      const pageRows = [...page]
      expect(pageRows.length).toBeGreaterThan(0)
      paged.push(...pageRows)
    }
    expect(paged).toEqual(await rows())
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: officer.id, action: 'report.completion.downloaded' }, orderBy: { at: 'desc' } })
    expect(JSON.parse(entry.details)).toMatchObject({ rows: 3, completed: true, format: 'csv' })
  })
})
