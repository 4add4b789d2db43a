import { beforeAll, describe, expect, it } from 'vitest'
import { submitAttempt } from '@/lib/assessment/attempts.server'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { db } from '@/lib/db/db.server'
import { draw, POST_TEST_BLUEPRINT, type Attempt } from '@/lib/quiz'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

let learner: { id: string; agencyId: string | null }
let enrolmentId: string
let sequence = 0

beforeAll(async () => {
  const { agency } = await seedAgencies()
  const user = await seedUser(db, { name: 'Peserta Uji', email: 'uji@contoh.go.id', password: 'Kata-sandi-benar-9', agencyId: agency.id })
  learner = { id: user.id, agencyId: agency.id }
  const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Uji' } })
  enrolmentId = (await db.enrolment.create({ data: { userId: user.id, cohortId: cohort.id, cycleKey: 'onboarding' } })).id
})

async function openAttempt(expiresInMs = 3_600_000): Promise<{ id: string; drawn: Attempt }> {
  const drawn = draw(getQuestionBank().bank, POST_TEST_BLUEPRINT, `seed-${sequence++}`)
  const attempt = await db.quizAttempt.create({
    data: {
      userId: learner.id,
      enrolmentId,
      kind: 'posttest',
      contentVersion: 'test',
      seed: drawn.seed,
      items: JSON.stringify(drawn),
      expiresAt: new Date(Date.now() + expiresInMs),
    },
  })
  return { id: attempt.id, drawn }
}

describe('submitAttempt', () => {
  it('records one result when the same attempt is submitted twice at once', async () => {
    const { id } = await openAttempt()
    const outcomes = await Promise.allSettled([submitAttempt(learner, id, {}), submitAttempt(learner, id, {})])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason).toMatchObject({ status: 409 })
    expect(await db.quizAnswer.count({ where: { attemptId: id } })).toBe(POST_TEST_BLUEPRINT.size)
    expect(await db.auditLog.count({ where: { targetId: id, action: 'quiz.posttest.submitted' } })).toBe(1)
    await expect(submitAttempt(learner, id, {})).rejects.toMatchObject({ status: 409 })
  })

  it('scores on the server and stores every answer with its credit', async () => {
    const { id, drawn } = await openAttempt()
    const first = drawn.items[0]!
    const response = first.type === 'judge' ? { verdict: 'ya' as const } : first.type === 'multi' ? { optionIds: [first.optionOrder[0]!] } : { optionId: first.optionOrder[0]! }
    const result = await submitAttempt(learner, id, { [first.itemId]: response })
    const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id }, include: { answers: true } })
    expect(stored.score).toBe(result.score)
    expect(stored.passed).toBe(false)
    expect(stored.answers).toHaveLength(POST_TEST_BLUEPRINT.size)
    expect(JSON.parse(stored.answers.find((a) => a.itemId === first.itemId)!.response)).toEqual(response)
  })

  it("refuses someone else's attempt, an expired one, and answers for items not in it, writing nothing", async () => {
    const foreign = await openAttempt()
    await expect(submitAttempt({ id: 'someone-else', agencyId: null }, foreign.id, {})).rejects.toMatchObject({ status: 404 })
    const expired = await openAttempt(-10 * 60_000)
    await expect(submitAttempt(learner, expired.id, {})).rejects.toMatchObject({ status: 410 })
    await expect(submitAttempt(learner, foreign.id, { 'tidak-ada': { optionId: 'a' } })).rejects.toMatchObject({ status: 400 })
    const written = await db.quizAnswer.count({ where: { attemptId: { in: [foreign.id, expired.id] } } })
    expect(written).toBe(0)
    expect(await db.quizAttempt.count({ where: { id: { in: [foreign.id, expired.id] }, submittedAt: { not: null } } })).toBe(0)
  })
})
