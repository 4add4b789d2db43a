import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { getDashboard, getItemAnalysis, getPersonHistory, listCohorts, listPeople, PAGE_SIZE, viewPersonHistory } from '@/lib/hr/dashboard.server'
import { seedAgencies, uniqueNip } from './helpers'

const DAY = 86_400_000
const now = new Date()
let agencyId: string
let otherAgencyId: string
let units: { id: string; name: string }[]
let otherUnitId: string
let current: { id: string }
let older: { id: string }
let otherCohort: { id: string }
const people: Record<string, string> = {}
let probeItem: { id: string; rules: readonly string[] }
let certificateNumber: string

async function person(key: string, data: { agencyId: string; unitId?: string | null; employmentType?: 'PNS' | 'CPNS' | 'PPPK' | null; name: string }) {
  const user = await db.user.create({
    data: {
      id: randomUUID(),
      name: data.name,
      email: `${key}@contoh.go.id`,
      nip: uniqueNip(),
      employmentType: data.employmentType ?? 'PNS',
      agencyId: data.agencyId,
      unitId: data.unitId ?? null,
    },
  })
  people[key] = user.id
  return user
}

async function lessons(userId: string, count: number) {
  await db.lessonProgress.createMany({
    data: getLessonOutline()
      .slice(0, count)
      .map((lesson) => ({ userId, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
  })
}

async function attempt(
  userId: string,
  enrolmentId: string,
  kind: 'pretest' | 'posttest',
  score: number | null,
  options: { passed?: boolean; answers?: { itemId: string; credit: number }[]; at?: Date } = {},
) {
  const at = options.at ?? new Date()
  return db.quizAttempt.create({
    data: {
      userId,
      enrolmentId,
      kind,
      contentVersion: 't',
      seed: 's',
      items: '{"version":1,"seed":"s","items":[]}',
      startedAt: at,
      expiresAt: new Date(at.getTime() + 3_600_000),
      submittedAt: score === null ? null : at,
      score,
      passed: kind === 'posttest' && score !== null ? (options.passed ?? score >= 80) : null,
      answers: options.answers ? { create: options.answers.map((a) => ({ itemId: a.itemId, credit: a.credit, response: '{}' })) } : undefined,
    },
  })
}

beforeAll(async () => {
  const seeded = await seedAgencies()
  agencyId = seeded.agency.id
  otherAgencyId = seeded.otherAgency.id
  units = seeded.agency.units
  otherUnitId = seeded.otherUnit.id
  const { bank } = getQuestionBank()
  probeItem = bank.items.find((item) => item.rules.length === 1 && item.rules[0] === 'se137-1') ?? bank.items.find((item) => item.rules[0] === 'se137-1')!

  current = await db.cohort.create({
    data: { agencyId, kind: 'onboarding', year: 2026, name: 'Orientasi 2026', dueDate: new Date(now.getTime() + 30 * DAY) },
  })
  older = await db.cohort.create({
    data: { agencyId, kind: 'refresher', year: 2025, name: 'Penyegaran 2025', dueDate: new Date(now.getTime() - 30 * DAY) },
  })
  otherCohort = await db.cohort.create({
    data: { agencyId: otherAgencyId, kind: 'onboarding', year: 2027, name: 'Orientasi Kementerian 2027', dueDate: new Date(now.getTime() - DAY) },
  })

  // Agency A, cohort "Orientasi 2026": one passed, one in progress, one not started.
  const passed = await person('lulus', { agencyId, unitId: units[0]!.id, employmentType: 'PNS', name: 'Ayu Lestari' })
  const busy = await person('sedang', { agencyId, unitId: units[1]!.id, employmentType: 'PPPK', name: 'Bambang Wijaya' })
  await person('belum', { agencyId, unitId: units[0]!.id, employmentType: 'CPNS', name: 'Citra Dewi' })
  const late = await person('terlambat', { agencyId, unitId: null, employmentType: 'PNS', name: 'Dedi Kurniawan' })
  const enrol = async (userId: string, cohortId: string, cycleKey: string) =>
    db.enrolment.create({ data: { userId, cohortId, cycleKey } })
  const e1 = await enrol(passed.id, current.id, 'onboarding')
  const e2 = await enrol(busy.id, current.id, 'onboarding')
  await enrol(people.belum!, current.id, 'onboarding')
  const e4 = await enrol(late.id, older.id, 'refresher-2025')

  await lessons(passed.id, getLessonOutline().length)
  await attempt(passed.id, e1.id, 'pretest', 50, { at: new Date(now.getTime() - 3 * DAY) })
  await attempt(passed.id, e1.id, 'pretest', 70, { at: new Date(now.getTime() - 2 * DAY) })
  await attempt(passed.id, e1.id, 'posttest', 60, { passed: false, answers: [{ itemId: probeItem.id, credit: 0 }], at: new Date(now.getTime() - DAY) })
  const win = await attempt(passed.id, e1.id, 'posttest', 90, { passed: true, answers: [{ itemId: probeItem.id, credit: 1 }] })
  certificateNumber = (await issueCertificateIfEligible(win.id))!.number

  await lessons(busy.id, 2)
  await attempt(busy.id, e2.id, 'pretest', 30)
  await attempt(busy.id, e2.id, 'posttest', 40, { passed: false, answers: [{ itemId: probeItem.id, credit: 0.5 }] })

  await lessons(late.id, 1)
  void e4

  // Agency B: people, enrolments, attempts and answers that must never show up for agency A.
  for (let i = 0; i < 3; i++) {
    const other = await person(`lain-${i}`, { agencyId: otherAgencyId, unitId: otherUnitId, name: `Orang Lain ${i}` })
    const enrolment = await enrol(other.id, otherCohort.id, 'onboarding')
    await lessons(other.id, 3)
    await attempt(other.id, enrolment.id, 'pretest', 10)
    await attempt(other.id, enrolment.id, 'posttest', 100, { passed: true, answers: [{ itemId: probeItem.id, credit: 0 }] })
  }

  // Enough learners in agency A for a second page of the list.
  await db.user.createMany({
    data: Array.from({ length: PAGE_SIZE }, (_, i) => ({
      id: randomUUID(),
      name: `Zulkifli ${String(i).padStart(2, '0')}`,
      email: `z-${i}@contoh.go.id`,
      nip: uniqueNip(2),
      employmentType: 'PPPK' as const,
      agencyId,
      unitId: units[2]!.id,
    })),
  })
})

function expectNothingFromOtherAgency(value: unknown) {
  const text = JSON.stringify(value)
  expect(text).not.toContain('Orang Lain')
  expect(text).not.toContain(otherCohort.id)
  expect(text).not.toContain('Orientasi Kementerian')
  expect(text).not.toContain(otherUnitId)
  for (const key of ['lain-0', 'lain-1', 'lain-2']) expect(text).not.toContain(people[key])
}

describe('HR dashboard', () => {
  it('lists only the agency cohorts, newest first, and shows the newest by default', async () => {
    expect((await listCohorts(agencyId)).map((c) => c.name)).toEqual(['Orientasi 2026', 'Penyegaran 2025'])
    const dashboard = (await getDashboard(agencyId, null, now))!
    expect(dashboard.selected?.id).toBe(current.id)
    expectNothingFromOtherAgency(dashboard)
  })

  it('counts the four statuses of the cohort, per cohort, per unit and per employment type', async () => {
    const dashboard = (await getDashboard(agencyId, current.id, now))!
    expect(dashboard.counts).toEqual({ total: 3, lulus: 1, sedang: 1, terlambat: 0, 'belum-mulai': 1 })
    // Everyone here self-registered (claimed): counted, and flagged in their own number.
    expect(dashboard.unverified).toBe(3)
    expect(dashboard.byCohort.map((g) => [g.label, g.counts])).toEqual([
      ['Orientasi 2026', { total: 3, lulus: 1, sedang: 1, terlambat: 0, 'belum-mulai': 1 }],
      ['Penyegaran 2025', { total: 1, lulus: 0, sedang: 0, terlambat: 1, 'belum-mulai': 0 }],
    ])
    const unit = (id: string) => dashboard.byUnit.find((g) => g.key === id)!.counts
    expect(unit(units[0]!.id)).toMatchObject({ total: 2, lulus: 1, 'belum-mulai': 1 })
    expect(unit(units[1]!.id)).toMatchObject({ total: 1, sedang: 1 })
    expect(dashboard.byUnit.reduce((sum, g) => sum + g.counts.total, 0)).toBe(3)
    const type = (key: string) => dashboard.byEmploymentType.find((g) => g.key === key)!.counts
    expect(type('PNS')).toMatchObject({ total: 1, lulus: 1 })
    expect(type('PPPK')).toMatchObject({ total: 1, sedang: 1 })
    expect(type('CPNS')).toMatchObject({ total: 1, 'belum-mulai': 1 })
  })

  it('averages best post-test scores and the gain from the first pre-test', async () => {
    const { scores } = (await getDashboard(agencyId, current.id, now))!
    // Best post-tests 90 and 40; first pre-tests 50 and 30: gains 40 and 10.
    expect(scores).toMatchObject({ averageBestPost: 65, postLearners: 2, averageGain: 25, gainLearners: 2 })
  })

  it('analyses items per rule over the cohort post-test answers only, SE 137 points first', async () => {
    const { items } = (await getItemAnalysis(agencyId, current.id))!
    expect(items.slice(0, 8).map((r) => r.ruleId)).toEqual(Array.from({ length: 8 }, (_, i) => `se137-${i + 1}`))
    const { bank } = getQuestionBank()
    for (const ruleId of probeItem.rules) {
      const row = items.find((r) => r.ruleId === ruleId)!
      // Three answers of agency A to the probe item (0, 1, 0.5): two below full credit. The
      // other agency's three wrong answers are not counted.
      expect(row.answered).toBe(3)
      expect(row.wrong).toBe(2)
      expect(row.wrongPercent).toBe(67)
      expect(row.lessonSlug).toBeTruthy()
    }
    const untouched = items.find((r) => !bank.items.some((item) => item.id === probeItem.id && item.rules.includes(r.ruleId)))!
    expect(untouched).toMatchObject({ answered: 0, wrongPercent: null })
  })

  it('shows overdue people of a past cohort and an empty state for an agency without cohorts', async () => {
    const dashboard = (await getDashboard(agencyId, older.id, now))!
    expect(dashboard.counts).toMatchObject({ total: 1, terlambat: 1 })
    expect(dashboard.byUnit.find((g) => g.key === '')).toMatchObject({ label: 'Tanpa unit kerja' })
    const empty = await db.agency.create({ data: { code: 'KOSONG', name: 'Instansi Kosong' } })
    const none = (await getDashboard(empty.id, null, now))!
    expect(none.selected).toBeNull()
    expect(none.counts.total).toBe(0)
    // The agency's frame still comes back without a cohort to join (one row, its cohort columns empty).
    expect(none).toMatchObject({ agencyName: 'Instansi Kosong', cohorts: [], unassigned: 0 })
  })

  it("refuses another agency's cohort id (as not found)", async () => {
    expect(await getDashboard(agencyId, otherCohort.id, now)).toBeNull()
    expect(await getDashboard(agencyId, 'tidak-ada', now)).toBeNull()
    expect(await getItemAnalysis(agencyId, otherCohort.id)).toBeNull()
    expect(await getItemAnalysis(agencyId, 'tidak-ada')).toBeNull()
  })
})

describe('people list', () => {
  it('lists only the agency people with status, identity, best score and certificate', async () => {
    const list = await listPeople(agencyId, {}, now)
    expect(list.total).toBe(4 + PAGE_SIZE)
    expect(list.rows).toHaveLength(PAGE_SIZE)
    const ayu = list.rows.find((r) => r.person.id === people.lulus)!
    expect(ayu).toMatchObject({ status: 'lulus', bestPostTestScore: 90, enrolment: { cohortName: 'Orientasi 2026' }, person: { unitName: units[0]!.name } })
    expect(ayu.identity.status).toBe('claimed')
    expect(ayu.certificate?.number).toBe(certificateNumber)
    expect(ayu.lastActivity).toBeInstanceOf(Date)
    expect(list.rows.find((r) => r.person.id === people.sedang)).toMatchObject({ status: 'sedang', bestPostTestScore: 40 })
    expect(list.rows.find((r) => r.person.id === people.terlambat)).toMatchObject({ status: 'terlambat', enrolment: { cohortName: 'Penyegaran 2025' } })
    expect(list.rows.find((r) => r.person.name === 'Zulkifli 00')).toMatchObject({ status: 'belum-ditugaskan', certificate: null })
    expectNothingFromOtherAgency(list)
  })

  it('pages 25 at a time by key, forwards and back (behaviour changed: keyset instead of page numbers)', async () => {
    const first = await listPeople(agencyId, {}, now)
    expect(first.prev).toBeNull()
    expect(first.next).not.toBeNull()
    const second = await listPeople(agencyId, { after: first.next! }, now)
    expect(second.rows).toHaveLength(4)
    expect(second.next).toBeNull()
    expect(second.prev).not.toBeNull()
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.person.id))
    expect(ids.size).toBe(4 + PAGE_SIZE)
    const back = await listPeople(agencyId, { before: second.prev! }, now)
    expect(back.rows.map((r) => r.person.id)).toEqual(first.rows.map((r) => r.person.id))
    expect(back.prev).toBeNull()
  })

  it('searches name, NIP and email case-insensitively', async () => {
    expect((await listPeople(agencyId, { q: 'ayu LESTARI' }, now)).rows.map((r) => r.person.id)).toEqual([people.lulus])
    expect((await listPeople(agencyId, { q: 'SEDANG@CONTOH' }, now)).rows.map((r) => r.person.id)).toEqual([people.sedang])
    const nip = (await db.user.findUniqueOrThrow({ where: { id: people.belum! } })).nip!
    expect((await listPeople(agencyId, { q: nip }, now)).rows.map((r) => r.person.id)).toEqual([people.belum])
    expect((await listPeople(agencyId, { q: 'orang lain' }, now)).total).toBe(0)
  })

  it('filters by unit, status and identity status, and finds nothing with another agency unit', async () => {
    expect((await listPeople(agencyId, { unitId: units[0]!.id }, now)).rows.map((r) => r.person.id).sort()).toEqual(
      [people.lulus, people.belum].sort(),
    )
    expect((await listPeople(agencyId, { status: 'lulus' }, now)).rows.map((r) => r.person.id)).toEqual([people.lulus])
    expect((await listPeople(agencyId, { status: 'belum-mulai' }, now)).rows.map((r) => r.person.id)).toEqual([people.belum])
    expect((await listPeople(agencyId, { identityStatus: 'verified' }, now)).total).toBe(0)
    expect((await listPeople(agencyId, { identityStatus: 'claimed' }, now)).total).toBe(4 + PAGE_SIZE)
    expect((await listPeople(agencyId, { unitId: otherUnitId }, now)).total).toBe(0)
    expect((await listPeople(otherAgencyId, { status: 'lulus' }, now)).total).toBe(3)
  })
})

describe('person history', () => {
  it('shows enrolments, lessons, every attempt and certificates', async () => {
    const history = (await getPersonHistory(agencyId, people.lulus!, now))!
    expect(history.person.name).toBe('Ayu Lestari')
    expect(history.enrolments).toEqual([expect.objectContaining({ status: 'lulus', bestPostTestScore: 90 })])
    expect(history.lessonsDone).toBe(getLessonOutline().length)
    expect(history.person.identityStatus).toBe('claimed')
    expect(history.attempts.map((a) => [a.kind, a.score])).toEqual([
      ['posttest', 90],
      ['posttest', 60],
      ['pretest', 70],
      ['pretest', 50],
    ])
    expect(history.certificates.map((c) => c.number)).toEqual([certificateNumber])
    expect(history.certificates[0]!.status).toBe('berlaku')
  })

  it('gives every lesson, attempt and certificate value as stored: dates to the millisecond in UTC, pass flags, scores, cohorts', async () => {
    // The lists come as JSON from the person's statement (lib/db/json-rows' jsonArrayOf): each
    // provider writes dates and booleans its own way there. Prisma's own reads are the oracle.
    // Read on a server set to Jakarta's time, as an Indonesian host may be: a date without its
    // zone would come out seven hours off.
    const zone = process.env.TZ
    process.env.TZ = 'Asia/Jakarta'
    const history = await getPersonHistory(agencyId, people.lulus!, now).finally(() => {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    })
    if (!history) throw new Error('the person was not found')
    const progress = await db.lessonProgress.findMany({ where: { userId: people.lulus! } })
    for (const lesson of history.lessons) {
      const stored = progress.find((row) => row.lessonSlug === lesson.slug)!
      expect(lesson.completedAt?.toISOString()).toBe(stored.completedAt?.toISOString())
      expect(lesson.updatedAt?.toISOString()).toBe(stored.updatedAt.toISOString())
      expect(lesson.activeSeconds).toBe(stored.activeSeconds)
    }
    const attempts = await db.quizAttempt.findMany({
      where: { userId: people.lulus! },
      orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
      include: { enrolment: { include: { cohort: true } } },
    })
    expect(history.attempts).toEqual(
      attempts.map((attempt) => ({
        id: attempt.id,
        enrolmentId: attempt.enrolmentId,
        kind: attempt.kind,
        score: attempt.score,
        passed: attempt.passed,
        startedAt: attempt.startedAt,
        submittedAt: attempt.submittedAt,
        cohortName: attempt.enrolment?.cohort.name ?? null,
      })),
    )
    expect(history.attempts.some((attempt) => attempt.passed === true)).toBe(true)
    expect(history.attempts.some((attempt) => attempt.passed === false)).toBe(true)
    const certificates = await db.certificate.findMany({ where: { userId: people.lulus! }, orderBy: { issuedAt: 'desc' } })
    expect(history.certificates).toEqual(
      certificates.map((certificate) => ({
        id: certificate.id,
        number: certificate.number,
        year: certificate.year,
        cycleKey: certificate.cycleKey,
        score: certificate.score,
        completedAt: certificate.completedAt,
        validUntil: certificate.validUntil,
        revokedAt: certificate.revokedAt,
        revokedReason: certificate.revokedReason,
        status: 'berlaku',
      })),
    )
  })

  it('shows time on task per lesson and in total, from the server-recorded seconds of current lessons', async () => {
    const [first, second] = getLessonOutline()
    await db.lessonProgress.update({ where: { userId_lessonSlug: { userId: people.sedang!, lessonSlug: first!.slug } }, data: { activeSeconds: 610 } })
    await db.lessonProgress.update({ where: { userId_lessonSlug: { userId: people.sedang!, lessonSlug: second!.slug } }, data: { activeSeconds: 95 } })
    await db.lessonProgress.create({ data: { userId: people.sedang!, lessonSlug: 'pelajaran-lama', contentVersion: 't', activeSeconds: 5000 } })
    const history = (await getPersonHistory(agencyId, people.sedang!, now))!
    expect(history.lessons.find((l) => l.slug === first!.slug)?.activeSeconds).toBe(610)
    expect(history.lessons.find((l) => l.slug === second!.slug)?.activeSeconds).toBe(95)
    expect(history.activeSeconds).toBe(705)
    expect(history.enrolments[0]!.activeSeconds).toBe(705)
    const listed = (await listPeople(agencyId, { q: 'Bambang' }, now)).rows[0]!
    expect(listed.activeSeconds).toBe(705)
  })

  it("is null for another agency's person, an unknown id, and platform staff without a NIP", async () => {
    expect(await getPersonHistory(agencyId, people['lain-0']!, now)).toBeNull()
    expect(await getPersonHistory(otherAgencyId, people.lulus!, now)).toBeNull()
    expect(await getPersonHistory(agencyId, 'tidak-ada', now)).toBeNull()
    const hr = await db.user.create({
      data: { id: randomUUID(), name: 'Petugas', email: 'hr@contoh.go.id', agencyId, grants: { create: { capability: 'hr', agencyId, scopeKey: agencyId } } },
    })
    expect(await getPersonHistory(agencyId, hr.id, now)).toBeNull()
    // The same officer with a NIP is a learner of the agency like anyone (decision 037).
    await db.user.update({ where: { id: hr.id }, data: { nip: uniqueNip() } })
    expect(await getPersonHistory(agencyId, hr.id, now)).toMatchObject({ person: { id: hr.id } })
  })

  it('records an officer’s view in the audit log with the reads, and no view of a person the officer may not see', async () => {
    const officer = await db.user.create({ data: { id: randomUUID(), name: 'Petugas Pembaca', email: 'pembaca@contoh.go.id', agencyId } })
    const views = () => db.auditLog.findMany({ where: { action: 'person.viewed', actorId: officer.id } })
    const started = Date.now()
    expect((await viewPersonHistory({ id: officer.id, agencyId }, people.lulus!, null, now))?.person.name).toBe('Ayu Lestari')
    const [entry, ...more] = await views()
    expect(more).toEqual([])
    expect(entry).toMatchObject({ agencyId, targetType: 'user', targetId: people.lulus, details: '{}', ip: null })
    // The time as the other entries keep it (UTC), whatever the database made of its parameter.
    expect(entry!.at.getTime()).toBeGreaterThanOrEqual(started - 1_000)
    expect(entry!.at.getTime()).toBeLessThanOrEqual(Date.now() + 1_000)

    // Another agency's person, an unknown id, a person outside the officer's units: neither shown nor logged.
    expect(await viewPersonHistory({ id: officer.id, agencyId }, people['lain-0']!, null, now)).toBeNull()
    expect(await viewPersonHistory({ id: officer.id, agencyId }, 'tidak-ada', null, now)).toBeNull()
    expect(await viewPersonHistory({ id: officer.id, agencyId }, people.lulus!, [units[1]!.id], now)).toBeNull()
    expect(await views()).toHaveLength(1)
  })
})
