import { randomUUID } from 'node:crypto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { databaseProvider, db } from '@/lib/db/db.server'
import { FOLLOW_UP_KIND, followUpKey, getFollowUpForLearner, newestFollowUpOf, queueFollowUps, submitFollowUp } from '@/lib/followup/follow-up.server'
import { personalDataOf } from '@/lib/privacy/personal-data.server'
import { runSchedulerTick } from '@/lib/mail/scheduler.server'
import { followUpMail } from '@/lib/mail/templates/follow-up'
import type { Responses } from '@/lib/quiz'
import { refusal, seedAgencies, uniqueNip } from './helpers'

// The follow-up 30 days after passing (issue 14, decision 048): offered and emailed once per pass
// by the scheduler, five questions drawn when first opened, answers recorded once, the
// certificate and the pass untouched. Runs on both providers (scripts/test-integration.sh).
const BASE = 'https://bijak.contoh.go.id'
const ctx = { db, provider: databaseProvider, baseUrl: BASE }
// A pass at 10:00 in Jakarta on 1 March 2027; its follow-up is due on 31 March (Jakarta).
const PASSED_AT = new Date('2027-03-01T03:00:00Z')
const DAY_30 = new Date('2027-03-31T01:00:00Z') // 08:00 WIB on 31 March
const DAY_29 = new Date('2027-03-30T16:00:00Z') // 23:00 WIB on 30 March
let agency: { id: string }
let cohortId: string
let sequence = 0

beforeAll(async () => {
  agency = (await seedAgencies()).agency
  cohortId = (await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2027, name: `Orientasi tindak lanjut ${randomUUID()}` } })).id
})

beforeEach(async () => {
  // Every test starts with no pass on the follow-up's day but its own.
  await db.certificate.updateMany({ data: { completedAt: new Date('2020-01-01T00:00:00Z') } })
  await db.outboxMessage.deleteMany()
})

/** A learner who passed on PASSED_AT, with the certificate issued. */
async function passedLearner(options: { name?: string; email?: string } = {}) {
  const n = ++sequence
  const id = randomUUID()
  const user = await db.user.create({
    data: {
      id,
      name: options.name ?? `Peserta Tindak Lanjut ${n}`,
      email: options.email ?? `tl${n}.${id.slice(0, 6)}@contoh.go.id`,
      nip: uniqueNip(),
      employmentType: 'PNS',
      agencyId: agency.id,
      claimedAt: new Date(),
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: 'hash' } },
    },
  })
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 't', completedAt: PASSED_AT })),
  })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: 'onboarding' } })
  const attempt = await db.quizAttempt.create({
    data: { userId: user.id, enrolmentId: enrolment.id, kind: 'posttest', contentVersion: 't', seed: 's', items: '{"version":1,"seed":"s","items":[]}', expiresAt: PASSED_AT, submittedAt: PASSED_AT, score: 90, passed: true },
  })
  const certificate = await issueCertificateIfEligible(attempt.id)
  if (!certificate) throw new Error('certificate not issued')
  await db.outboxMessage.deleteMany({ where: { userId: user.id } })
  return { user, certificate, enrolmentId: enrolment.id }
}

/** The right answers to every item, or the wrong one where `wrong` says so. */
function answersFor(items: readonly { itemId: string }[], wrong: (index: number) => boolean = () => false): Responses {
  const { bank } = getQuestionBank()
  return Object.fromEntries(
    items.map(({ itemId }, index) => {
      const item = bank.itemById.get(itemId)!
      const bad = wrong(index)
      if (item.type === 'single') return [itemId, { optionId: item.options.find((o) => (bad ? o.credit === 0 : o.credit === 1))!.id }]
      if (item.type === 'multi') return [itemId, { optionIds: item.options.filter((o) => (bad ? !o.correct : o.correct)).map((o) => o.id) }]
      const verdict = bad ? (item.verdict === 'ya' ? 'tidak' : 'ya') : item.verdict
      return [itemId, { verdict, reasonId: item.reasons.find((r) => (bad ? !r.correct : r.correct))!.id }]
    }),
  )
}

describe('queueing the follow-up', () => {
  it('offers it and queues one email 30 Jakarta days after the pass; ticks on two instances and later days queue nothing more', async () => {
    const { user, certificate } = await passedLearner()
    // Day 29: nothing yet.
    expect(await queueFollowUps(ctx, DAY_29)).toEqual({ offered: 0, queued: 0, unreachable: 0 })
    // Day 30: two instances' ticks at the same moment, then a retried tick and the next days (catch-up).
    const [first, second] = await Promise.all([queueFollowUps(ctx, DAY_30), queueFollowUps(ctx, DAY_30)])
    expect(first.offered + second.offered).toBe(1)
    expect(first.queued + second.queued).toBe(1)
    for (const later of [DAY_30, new Date(DAY_30.getTime() + 86_400_000), new Date(DAY_30.getTime() + 6 * 86_400_000)]) {
      expect(await queueFollowUps(ctx, later)).toEqual({ offered: 0, queued: 0, unreachable: 0 })
    }
    expect(await db.followUp.count({ where: { userId: user.id } })).toBe(1)
    const rows = await db.outboxMessage.findMany({ where: { userId: user.id } })
    expect(rows).toHaveLength(1)
    const expected = followUpMail({ name: user.name, baseUrl: BASE })
    expect(rows[0]).toMatchObject({ kind: FOLLOW_UP_KIND, status: 'pending', toAddress: user.email, toName: user.name, subject: expected.subject, text: expected.text, html: expected.html })
    expect(rows[0]!.idempotencyKey).toBe(followUpKey(user.id, PASSED_AT))
    expect(rows[0]!.idempotencyKey).toBe(`follow-up|${user.id}|lulus|2027-03-01`)
    expect(rows[0]!.text).toContain(`${BASE}/tindak-lanjut`)
    expect(await newestFollowUpOf(user.id)).toEqual({ id: certificate.id, answered: false })
  })

  it('is part of the scheduler tick', async () => {
    const { user } = await passedLearner()
    const tick = await runSchedulerTick(ctx, DAY_30)
    expect(tick.followUps).toEqual({ offered: 1, queued: 1, unreachable: 0 })
    expect((await runSchedulerTick(ctx, DAY_30)).followUps).toEqual({ offered: 0, queued: 0, unreachable: 0 })
    expect(await db.outboxMessage.count({ where: { userId: user.id, kind: FOLLOW_UP_KIND } })).toBe(1)
  })

  it('a late scheduler (the app down on day 30) still offers it within the catch-up days, not after', async () => {
    const late = await passedLearner()
    expect((await queueFollowUps(ctx, new Date(DAY_30.getTime() + 3 * 86_400_000))).queued).toBe(1)
    await db.certificate.update({ where: { id: late.certificate.id }, data: { completedAt: new Date('2020-01-01T00:00:00Z') } })
    await passedLearner()
    expect(await queueFollowUps(ctx, new Date(DAY_30.getTime() + 7 * 86_400_000))).toEqual({ offered: 0, queued: 0, unreachable: 0 })
  })

  it('none for a revoked certificate or a disabled account; an unreachable person gets it in the app only; a name with CR/LF is cleaned', async () => {
    const revoked = await passedLearner()
    await db.certificate.update({ where: { id: revoked.certificate.id }, data: { revokedAt: new Date(), revokedReason: 'uji' } })
    const disabled = await passedLearner()
    await db.user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date(), disabledReason: 'pindah instansi' } })
    const unreachable = await passedLearner({ email: 'bukan alamat' })
    const crlf = await passedLearner({ name: 'Budi\r\nBcc: x@jahat.example' })
    const plain = await passedLearner()
    const result = await queueFollowUps(ctx, DAY_30)
    expect(result).toEqual({ offered: 3, queued: 2, unreachable: 1 })
    expect(await db.followUp.findMany({ where: { userId: { in: [revoked.user.id, disabled.user.id] } } })).toEqual([])
    expect(await db.followUp.count({ where: { userId: unreachable.user.id } })).toBe(1)
    expect(await db.outboxMessage.count({ where: { userId: unreachable.user.id } })).toBe(0)
    const cleaned = await db.outboxMessage.findFirstOrThrow({ where: { userId: crlf.user.id } })
    expect(cleaned.toName).toBe('Budi Bcc: x@jahat.example')
    expect(cleaned.text).toContain('Yth. Budi Bcc: x@jahat.example,')
    expect(await db.outboxMessage.count({ where: { userId: plain.user.id } })).toBe(1)
    // Revoked later: the follow-up is gone from the learner's view.
    await db.certificate.update({ where: { id: plain.certificate.id }, data: { revokedAt: new Date(), revokedReason: 'uji' } })
    expect(await newestFollowUpOf(plain.user.id)).toBeNull()
    expect((await refusal(getFollowUpForLearner(plain.user.id, plain.certificate.id))).status).toBe(404)
  })

  it('queues a day of 2,500 passes set-based in keyset batches, each person once', async () => {
    const users = Array.from({ length: 2_500 }, (_, i) => ({ id: randomUUID(), name: `Massal ${i}`, email: `massal${i}.${randomUUID().slice(0, 8)}@contoh.go.id`, agencyId: agency.id }))
    await db.user.createMany({ data: users })
    // Certificates written directly (issuing 2,500 through the app would take minutes): only what the follow-up reads.
    const source = await passedLearner()
    const template = await db.certificate.findUniqueOrThrow({ where: { id: source.certificate.id } })
    const { id: _id, number: _n, sequence: _s, code: _c, userId: _u, enrolmentId: _e, attemptId: _a, ...rest } = template
    for (let start = 0; start < users.length; start += 500) {
      const chunk = users.slice(start, start + 500)
      const enrolments = chunk.map((u) => ({ id: randomUUID(), userId: u.id, cohortId, cycleKey: 'onboarding' }))
      await db.enrolment.createMany({ data: enrolments })
      const attempts = chunk.map((u, i) => ({ id: randomUUID(), userId: u.id, enrolmentId: enrolments[i]!.id, kind: 'posttest' as const, contentVersion: 't', seed: 's', items: '{}', expiresAt: PASSED_AT, submittedAt: PASSED_AT, score: 90, passed: true }))
      await db.quizAttempt.createMany({ data: attempts })
      await db.certificate.createMany({
        data: chunk.map((u, i) => ({ ...rest, id: randomUUID(), number: `TL/${start + i}/${randomUUID().slice(0, 8)}`, sequence: 100_000 + start + i + sequence * 10_000, year: 1900 + sequence, code: randomUUID(), userId: u.id, enrolmentId: enrolments[i]!.id, attemptId: attempts[i]!.id, completedAt: PASSED_AT })),
      })
    }
    const result = await queueFollowUps({ ...ctx, batchSize: 1_000 }, DAY_30)
    expect(result).toEqual({ offered: 2_501, queued: 2_501, unreachable: 0 })
    expect(await queueFollowUps({ ...ctx, batchSize: 1_000 }, DAY_30)).toEqual({ offered: 0, queued: 0, unreachable: 0 })
    expect(await db.outboxMessage.count({ where: { kind: FOLLOW_UP_KIND } })).toBe(2_501)
    // The SQL-filled rows are byte for byte the template module's rendering.
    const one = await db.outboxMessage.findFirstOrThrow({ where: { userId: users[1_234]!.id } })
    const expected = followUpMail({ name: users[1_234]!.name, baseUrl: BASE })
    expect({ text: one.text, html: one.html, subject: one.subject }).toEqual(expected)
  }, 180_000)
})

describe('answering the follow-up', () => {
  it('shows the same five items on every view, records the answers once, and leaves the certificate and the pass unchanged', async () => {
    const { user, certificate, enrolmentId } = await passedLearner()
    await queueFollowUps(ctx, DAY_30)
    const before = {
      certificate: await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } }),
      versions: await db.certificateVersion.findMany({ where: { certificateId: certificate.id } }),
      enrolment: await db.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } }),
      attempts: await db.quizAttempt.findMany({ where: { userId: user.id } }),
    }
    const [a, b] = await Promise.all([getFollowUpForLearner(user.id, certificate.id), getFollowUpForLearner(user.id, certificate.id)])
    if (a.answered || b.answered) throw new Error('not answered yet')
    expect(a.items).toHaveLength(5)
    expect(b.items.map((item) => item.itemId)).toEqual(a.items.map((item) => item.itemId))
    const reload = await getFollowUpForLearner(user.id, certificate.id)
    expect(!reload.answered && reload.items.map((item) => item.itemId)).toEqual(a.items.map((item) => item.itemId))
    // The browser never gets the key.
    expect(JSON.stringify(a.items)).not.toMatch(/"credit"|"correct"|"explanation"/)

    // Four right, one wrong; a simultaneous second submission records nothing.
    const responses = answersFor(a.items, (index) => index === 2)
    const outcomes = await Promise.allSettled([submitFollowUp(user, certificate.id, responses), submitFollowUp(user, certificate.id, responses)])
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled')
    expect(fulfilled).toHaveLength(1)
    expect((fulfilled[0] as PromiseFulfilledResult<{ score: number; correctCount: number }>).value.correctCount).toBe(4)
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason.status).toBe(409)
    expect((await refusal(submitFollowUp(user, certificate.id, responses))).status).toBe(409)
    expect(await db.followUpAnswer.count({ where: { followUpId: certificate.id } })).toBe(5)
    const stored = await db.followUp.findUniqueOrThrow({ where: { certificateId: certificate.id } })
    expect(stored.correctCount).toBe(4)
    expect(stored.answeredAt).not.toBeNull()

    const view = await getFollowUpForLearner(user.id, certificate.id)
    if (!view.answered) throw new Error('answered')
    expect(view.correctCount).toBe(4)
    expect(view.result.items.map((item) => item.outcome)).toEqual(['full', 'full', 'none', 'full', 'full'])
    for (const item of view.result.items) expect(item.revealed?.explanation).toBeTruthy()

    // Nothing about the pass changed.
    expect(await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toEqual(before.certificate)
    expect(await db.certificateVersion.findMany({ where: { certificateId: certificate.id } })).toEqual(before.versions)
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toEqual(before.enrolment)
    expect(await db.quizAttempt.findMany({ where: { userId: user.id } })).toEqual(before.attempts)
    // The person sees it in "Data saya" (docs/privacy.md).
    const data = await personalDataOf(user.id)
    expect(data!.followUps).toEqual([expect.objectContaining({ certificateNumber: certificate.number, correctCount: 4, answers: expect.any(Array) })])
    expect(data!.followUps[0]!.answers).toHaveLength(5)
    // Answered already: a later tick queues no email for it (the catch-up days).
    await db.outboxMessage.deleteMany({ where: { userId: user.id } })
    expect((await queueFollowUps(ctx, new Date(DAY_30.getTime() + 86_400_000))).queued).toBe(0)
  })

  it('another learner cannot open or answer it (404); answers for items it does not hold are refused (400)', async () => {
    const owner = await passedLearner()
    const other = await passedLearner()
    await queueFollowUps(ctx, DAY_30)
    expect((await refusal(getFollowUpForLearner(other.user.id, owner.certificate.id))).status).toBe(404)
    expect((await refusal(getFollowUpForLearner(owner.user.id, 'tidak-ada'))).status).toBe(404)
    // Not opened yet: nothing to answer.
    expect((await refusal(submitFollowUp(owner.user, owner.certificate.id, {}))).status).toBe(409)
    const view = await getFollowUpForLearner(owner.user.id, owner.certificate.id)
    if (view.answered) throw new Error('not answered yet')
    expect((await refusal(submitFollowUp(other.user, owner.certificate.id, answersFor(view.items)))).status).toBe(404)
    expect((await refusal(submitFollowUp(owner.user, owner.certificate.id, { 'bukan-soal': { optionId: 'x' } }))).status).toBe(400)
    expect(await db.followUpAnswer.count({ where: { followUpId: owner.certificate.id } })).toBe(0)
  })
})
