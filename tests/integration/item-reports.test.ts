import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startAttempt, submitAttempt } from '@/lib/assessment/attempts.server'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { itemReportSchema } from '@/lib/assessment/item-report-input'
import { decideItem, getReportQueue, listLearnerReports, rescoreAttemptsWithoutWithdrawn, reportItem } from '@/lib/assessment/item-reports.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { getItemAnalysis } from '@/lib/hr/dashboard.server'
import { primaryArea, type BankItem, type ItemResponse, type Responses } from '@/lib/quiz'
import { seedUser } from '@/prisma/seed/seeders'
import { refusal, seedAgencies, uniqueNip } from './helpers'

// Issue 17, "Questioning an item" (decision 035): reports, the admin's decisions, draws that skip
// items out of service, and re-scoring without a withdrawn item, on both providers.

let agencyId: string
let cohortId: string
let adminId: string
let sequence = 0

beforeAll(async () => {
  agencyId = (await seedAgencies()).agency.id
  cohortId = (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Orientasi Laporan Soal' } })).id
  adminId = (await seedUser(db, { name: 'Admin Platform', email: 'admin-soal@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'admin' })).id
})

afterEach(async () => {
  // Every test starts with every item in service and no report: draws are random, so a later test
  // may meet an item an earlier one reported and left undecided.
  await db.itemReport.deleteMany()
  await db.itemStatus.deleteMany()
})

async function learner() {
  const n = sequence++
  const user = await seedUser(db, {
    name: `Peserta Laporan ${n}`,
    email: `laporan-${n}@contoh.go.id`,
    password: 'Kata-sandi-benar-9',
    nip: uniqueNip(),
    employmentType: 'PNS',
    agencyId,
  })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date() })),
  })
  return { id: user.id, agencyId, nip: user.nip, enrolmentId: enrolment.id }
}

/** The fully right response to a bank item. */
function rightResponse(item: BankItem): ItemResponse {
  if (item.type === 'single') return { optionId: item.options.find((o) => o.credit === 1)!.id }
  if (item.type === 'multi') return { optionIds: item.options.filter((o) => o.correct).map((o) => o.id) }
  return { verdict: item.verdict, reasonId: item.reasons.find((r) => r.correct)!.id }
}

function itemIdsOf(items: string): string[] {
  return (JSON.parse(items) as { items: { itemId: string }[] }).items.map((item) => item.itemId)
}

/** A post-test started through the app and submitted with `right` items fully right, the rest unanswered. */
async function submittedPostTest(person: Awaited<ReturnType<typeof learner>>, right: number) {
  const attemptId = await startAttempt(person, 'posttest')
  const { items } = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })
  const itemIds = itemIdsOf(items)
  const { bank } = getQuestionBank()
  const responses: Responses = Object.fromEntries(itemIds.slice(0, right).map((id) => [id, rightResponse(bank.itemById.get(id)!)]))
  const result = await submitAttempt(person, attemptId, responses)
  return { attemptId, itemIds, result, wrong: itemIds.slice(right) }
}

const reason = 'Menurut SE 137/2018 pilihan lain juga benar.'

describe('reporting an item', () => {
  it('records a report on an item of the learner’s own submitted attempt, once while undecided, shown back to them', async () => {
    const person = await learner()
    const { attemptId, itemIds } = await submittedPostTest(person, 12)
    const itemId = itemIds[0]!
    const report = await reportItem(person, itemReportSchema.parse({ attemptId, itemId, reason: `<script>alert(1)</script> ${reason}` }))
    expect(report.status).toBe('open')
    // One undecided report per learner per item, even when sent twice at once.
    const twice = await Promise.allSettled([
      reportItem(person, itemReportSchema.parse({ attemptId, itemId: itemIds[1]!, reason })),
      reportItem(person, itemReportSchema.parse({ attemptId, itemId: itemIds[1]!, reason })),
    ])
    expect(twice.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    expect((twice.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409 })
    expect((await refusal(reportItem(person, itemReportSchema.parse({ attemptId, itemId, reason })))).status).toBe(409)
    expect(await db.itemReport.count({ where: { userId: person.id } })).toBe(2)
    // Stored as typed (the pages escape it), listed for the learner with its outcome.
    const mine = await listLearnerReports(person.id, itemIds)
    expect(mine.get(itemId)).toMatchObject({ status: 'open', reason: `<script>alert(1)</script> ${reason}` })
    expect(await db.auditLog.count({ where: { actorId: person.id, action: 'item.reported' } })).toBe(2)
  })

  it('refuses an item not in the learner’s attempt, another learner’s or an unsubmitted attempt, and an option the item lacks', async () => {
    const person = await learner()
    const other = await learner()
    const { attemptId, itemIds } = await submittedPostTest(person, 5)
    const notInAttempt = getQuestionBank().bank.items.find((item) => !itemIds.includes(item.id))!.id
    const open = await startAttempt(other, 'posttest')
    // Read before any report starts: an await between them would leave a refused report without
    // its handler for that long (an unhandled rejection on a slow database).
    const openItemId = itemIdsOf((await db.quizAttempt.findUniqueOrThrow({ where: { id: open } })).items)[0]!
    const cases = [
      reportItem(person, itemReportSchema.parse({ attemptId, itemId: notInAttempt, reason })),
      reportItem(other, itemReportSchema.parse({ attemptId, itemId: itemIds[0]!, reason })),
      reportItem(other, itemReportSchema.parse({ attemptId: open, itemId: openItemId, reason })),
      reportItem(person, itemReportSchema.parse({ attemptId: 'tidak-ada', itemId: itemIds[0]!, reason })),
    ]
    for (const refused of await Promise.all(cases.map(refusal))) {
      expect(refused).toMatchObject({ status: 404, userMessage: 'Soal ini tidak ditemukan dalam percobaan Anda.' })
    }
    const badOption = await refusal(reportItem(person, itemReportSchema.parse({ attemptId, itemId: itemIds[0]!, reason, suggestedOptionId: 'zzz' })))
    expect(badOption.status).toBe(422)
    expect(await db.itemReport.count({ where: { userId: { in: [person.id, other.id] } } })).toBe(0)
  })

  it('limits a learner to 5 reports an hour, counted in the database', async () => {
    const person = await learner()
    const { attemptId, itemIds } = await submittedPostTest(person, 5)
    for (const itemId of itemIds.slice(0, 5)) await reportItem(person, itemReportSchema.parse({ attemptId, itemId, reason }))
    const refused = await refusal(reportItem(person, itemReportSchema.parse({ attemptId, itemId: itemIds[5]!, reason })))
    expect(refused.status).toBe(429)
    expect(refused.userMessage).toMatch(/Coba lagi dalam \d+ menit/)
    expect(await db.itemReport.count({ where: { userId: person.id } })).toBe(5)
  })
})

describe('the admin’s decisions', () => {
  it('an item under review leaves the very next draw; dismissing the reports brings it back', async () => {
    const { bank } = getQuestionBank()
    const size = 6 // the pre-test (settings default)
    // One item per area stays in service; everything else goes under review: a draw that ignored
    // the review would pick from ~all of the bank.
    const keep = new Map<string, string>()
    for (const item of bank.items) if (!keep.has(primaryArea(bank, item))) keep.set(primaryArea(bank, item), item.id)
    expect(keep.size).toBe(size)
    const kept = new Set(keep.values())
    const underReview = bank.items.filter((item) => !kept.has(item.id)).map((item) => item.id)
    for (const itemId of underReview) await decideItem({ id: adminId }, { decision: 'tinjau', itemId })
    const person = await learner()
    const attemptId = await startAttempt(person, 'pretest')
    const drawn = itemIdsOf((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).items)
    expect(new Set(drawn)).toEqual(kept)
    expect(await db.auditLog.count({ where: { actorId: adminId, action: 'item.under_review' } })).toBeGreaterThanOrEqual(underReview.length)

    await decideItem({ id: adminId }, { decision: 'tolak', itemId: underReview[0]!, note: 'Kunci sudah benar.' })
    expect(await db.itemStatus.findUnique({ where: { itemId: underReview[0]! } })).toBeNull()
  })

  it('a report joins the item’s review; the decision closes every undecided report with the reply the learner sees', async () => {
    const a = await learner()
    const b = await learner()
    const first = await submittedPostTest(a, 5)
    const itemId = first.itemIds[0]!
    await reportItem(a, itemReportSchema.parse({ attemptId: first.attemptId, itemId, reason }))
    await decideItem({ id: adminId }, { decision: 'tinjau', itemId })
    expect((await listLearnerReports(a.id, [itemId])).get(itemId)?.status).toBe('under_review')
    // b met the item earlier (an attempt created before the review); reporting it now joins the review.
    const attempt = await db.quizAttempt.create({
      data: { userId: b.id, enrolmentId: b.enrolmentId, kind: 'posttest', contentVersion: 't', seed: 's', items: (await db.quizAttempt.findUniqueOrThrow({ where: { id: first.attemptId } })).items, expiresAt: new Date(Date.now() + 3_600_000), submittedAt: new Date(), score: 10, passed: false },
    })
    expect((await reportItem(b, itemReportSchema.parse({ attemptId: attempt.id, itemId, reason }))).status).toBe('under_review')
    const queue = await getReportQueue()
    const entry = queue.find((q) => q.itemId === itemId)!
    expect(entry).toMatchObject({ state: 'under_review', undecided: 2 })
    expect(entry.statistics?.itemId).toBe(itemId)
    expect(entry.choices.length).toBeGreaterThan(1)

    const decided = await decideItem({ id: adminId }, { decision: 'koreksi', itemId, note: 'Pilihan C diperjelas di bank soal.' })
    expect(decided.reports).toBe(2)
    for (const person of [a, b]) {
      expect((await listLearnerReports(person.id, [itemId])).get(itemId)).toMatchObject({ status: 'corrected', reply: 'Pilihan C diperjelas di bank soal.' })
    }
    // Decided: the learner may report the item again.
    await reportItem(a, itemReportSchema.parse({ attemptId: first.attemptId, itemId, reason }))
    expect(await db.auditLog.count({ where: { action: 'item.corrected', targetId: itemId, actorId: adminId } })).toBe(1)
  })
})

describe('withdrawing an item as defective', () => {
  it('re-scores the attempts that held it: a fail becomes a pass, and exactly one certificate is issued even when run twice and at once', async () => {
    const person = await learner()
    // 11 of 15 right = 73.3: failed.
    const { attemptId, wrong, result } = await submittedPostTest(person, 11)
    expect(result).toEqual({ score: 73.3, passed: false })
    const [w1, w2] = wrong as [string, string]
    await reportItem(person, itemReportSchema.parse({ attemptId, itemId: w1, reason }))

    // One withdrawn: 11 of 14 = 78.6, still a fail.
    const once = await decideItem({ id: adminId }, { decision: 'tarik', itemId: w1, note: 'Dua pilihan sama benarnya.' })
    expect(once.rescore!.changed).toBeGreaterThanOrEqual(1)
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ score: 78.6, passed: false })
    expect((await listLearnerReports(person.id, [w1])).get(w1)).toMatchObject({ status: 'withdrawn', reply: 'Dua pilihan sama benarnya.' })
    expect(await db.certificate.count({ where: { userId: person.id } })).toBe(0)

    // The second withdrawn, twice at once and once more: 11 of 13 = 84.6, a pass.
    await Promise.all([
      decideItem({ id: adminId }, { decision: 'tarik', itemId: w2 }),
      decideItem({ id: adminId }, { decision: 'tarik', itemId: w2 }),
      rescoreAttemptsWithoutWithdrawn(w2),
    ])
    await decideItem({ id: adminId }, { decision: 'tarik', itemId: w2 })
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ score: 84.6, passed: true })
    const certificates = await db.certificate.findMany({ where: { userId: person.id } })
    expect(certificates).toHaveLength(1)
    expect(certificates[0]).toMatchObject({ attemptId, score: 84.6 })
    // Each change of the attempt is audit-logged once, whoever ran it.
    expect(await db.auditLog.count({ where: { targetId: attemptId, action: 'quiz.posttest.rescored' } })).toBe(2)
    // The enrolment facts follow through the triggers (decision 033).
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: person.enrolmentId } })).toMatchObject({ bestPostTestScore: 84.6 })
    expect((await db.enrolment.findUniqueOrThrow({ where: { id: person.enrolmentId } })).passedAt).not.toBeNull()
    // Gap-free numbering: the counter stands at the number of certificates issued this year.
    const year = certificates[0]!.year
    expect((await db.certificateCounter.findUniqueOrThrow({ where: { year } })).last).toBe(await db.certificate.count({ where: { year } }))

    // Withdrawn is final, new reports on it are refused, and it leaves every draw.
    expect((await refusal(decideItem({ id: adminId }, { decision: 'tolak', itemId: w2, note: 'Kunci sudah benar.' }))).status).toBe(409)
    expect((await refusal(reportItem(person, itemReportSchema.parse({ attemptId, itemId: w2, reason })))).status).toBe(409)
    expect(await db.itemStatus.count({ where: { state: 'withdrawn' } })).toBe(2)
    // The HR item analysis leaves the withdrawn items out: its answers per rule add up to the
    // cohort's answers to items in service, each counted once per rule of the item.
    const analysis = await getItemAnalysis(agencyId, cohortId)
    const inService = await db.quizAnswer.findMany({
      where: { itemId: { notIn: [w1, w2] }, attempt: { kind: 'posttest', submittedAt: { not: null }, enrolment: { cohortId } } },
      select: { itemId: true },
    })
    const expected = inService.reduce((sum, answer) => sum + new Set(getQuestionBank().bank.itemById.get(answer.itemId)!.rules).size, 0)
    expect(expected).toBeGreaterThan(0)
    expect(analysis!.items.reduce((sum, rule) => sum + rule.answered, 0)).toBe(expected)
  })

  it('never lowers a score, and a submission of an attempt holding a withdrawn item is scored without it', async () => {
    const person = await learner()
    const attemptId = await startAttempt(person, 'posttest')
    const itemIds = itemIdsOf((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).items)
    const { bank } = getQuestionBank()
    // Withdrawn while the attempt is open; the learner leaves it unanswered and gets 11 others right.
    await decideItem({ id: adminId }, { decision: 'tarik', itemId: itemIds[14]! })
    await decideItem({ id: adminId }, { decision: 'tarik', itemId: itemIds[13]! })
    const responses: Responses = Object.fromEntries(itemIds.slice(0, 11).map((id) => [id, rightResponse(bank.itemById.get(id)!)]))
    expect(await submitAttempt(person, attemptId, responses)).toEqual({ score: 84.6, passed: true })
    expect(await db.quizAnswer.count({ where: { attemptId } })).toBe(15)
    expect(await db.certificate.count({ where: { userId: person.id } })).toBe(1)

    // 12 of 15 right (80.0, passed); withdrawing a right one would give 11 of 14 = 78.6: kept at 80.0.
    const other = await learner()
    const passed = await submittedPostTest(other, 12)
    const rightOne = passed.itemIds[0]!
    await decideItem({ id: adminId }, { decision: 'tarik', itemId: rightOne })
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id: passed.attemptId } })).toMatchObject({ score: 80, passed: true })
  })
})
