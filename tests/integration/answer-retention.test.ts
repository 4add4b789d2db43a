import { beforeAll, describe, expect, it } from 'vitest'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { rescoreAttemptsWithoutWithdrawn } from '@/lib/assessment/item-reports.server'
import { db } from '@/lib/db/db.server'
import { applyRetention } from '@/lib/privacy/retention.server'
import { getItemStatistics } from '@/lib/quiz/item-statistics.server'
import type { ItemStatistics } from '@/lib/quiz/item-statistics'
import { simulateAttempt, simulationRng } from '@/prisma/seed/recorded-answers'

// Raw quiz answers past `quizAnswerRetentionYears` (decision 047): aggregated, then deleted by the
// retention job; item statistics read the aggregate beside the raw rows and stay the same.
const NOW = new Date('2032-06-01T00:00:00Z')
const USER = 'retensi-jawaban'
const OLD = [new Date('2026-03-10T03:00:00Z'), new Date('2027-02-01T03:00:00Z')] // more than 5 years before NOW
const RECENT = new Date('2031-09-01T03:00:00Z')
let oldAnswers = 0

async function seedAttempts(prefix: string, count: number, at: Date, kind: 'pretest' | 'posttest', submitted: boolean) {
  const { bank } = getQuestionBank()
  const rng = simulationRng(prefix)
  let answers = 0
  for (let index = 0; index < count; index++) {
    const { attempt, answers: scored } = simulateAttempt(bank, index, kind === 'posttest' ? 15 : 6, rng)
    const total = Math.round((scored.reduce((s, a) => s + a.credit, 0) / scored.length) * 1000) / 10
    await db.quizAttempt.create({
      data: {
        id: `${prefix}-${index}`,
        userId: USER,
        kind,
        contentVersion: 't',
        seed: attempt.seed,
        items: JSON.stringify(attempt),
        startedAt: at,
        expiresAt: new Date(at.getTime() + 3_600_000),
        submittedAt: submitted ? at : null,
        score: submitted ? total : null,
        passed: submitted && kind === 'posttest' ? total >= 80 : null,
        answers: { create: scored },
      },
    })
    answers += scored.length
  }
  return answers
}

/** The statistics as numbers rounded to 9 places (sums in another order differ in the last bits). */
const rounded = (stats: ItemStatistics[]) => JSON.parse(JSON.stringify(stats, (_, value: unknown) => (typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : value)))

beforeAll(async () => {
  await db.user.create({ data: { id: USER, name: 'Peserta retensi jawaban', email: 'retensi.jawaban@contoh.go.id' } })
  // The batch is 200 attempts: 230 old post-tests take two batches.
  oldAnswers += await seedAttempts('lama-a', 130, OLD[0]!, 'posttest', true)
  oldAnswers += await seedAttempts('lama-b', 100, OLD[1]!, 'posttest', true)
  oldAnswers += await seedAttempts('lama-awal', 30, OLD[0]!, 'pretest', true)
  await seedAttempts('baru', 40, RECENT, 'posttest', true)
  // Old and never submitted (expired): not a finished attempt, its answers are not touched.
  await seedAttempts('terbuka', 2, OLD[0]!, 'posttest', false)
}, 120_000)

describe('quiz answer retention', () => {
  it('aggregates then deletes the old answers; item statistics are the same before and after', async () => {
    const before = { post: rounded(await getItemStatistics(db, 'posttest')), pre: rounded(await getItemStatistics(db, 'pretest')) }
    const scoresBefore = await db.quizAttempt.findMany({ where: { userId: USER }, orderBy: { id: 'asc' }, select: { id: true, score: true, passed: true, items: true } })
    expect(before.post.reduce((s: number, item: ItemStatistics) => s + item.answers, 0)).toBeGreaterThan(3000)

    const result = await applyRetention(db, NOW)
    expect(result.answers).toBe(oldAnswers)

    expect(await db.quizAnswer.count({ where: { attempt: { id: { startsWith: 'lama-' } } } })).toBe(0)
    expect(await db.quizAnswer.count({ where: { attempt: { id: { startsWith: 'baru-' } } } })).toBe(40 * 15)
    expect(await db.quizAnswer.count({ where: { attempt: { id: { startsWith: 'terbuka-' } } } })).toBe(2 * 15)
    expect(await db.quizAttempt.count({ where: { id: { startsWith: 'lama-' }, answersDeletedAt: NOW } })).toBe(260)
    expect(await db.quizAttempt.count({ where: { answersDeletedAt: null } })).toBe(42)
    // Per year: the two old years are kept apart; the counts add up to the answers deleted.
    const perYear = await db.quizAnswerAggregate.groupBy({ by: ['kind', 'year'], _sum: { n: true }, orderBy: [{ kind: 'asc' }, { year: 'asc' }] })
    expect(perYear.map((row) => [row.kind, row.year, row._sum.n])).toEqual([
      ['posttest', 2026, 130 * 15],
      ['posttest', 2027, 100 * 15],
      ['pretest', 2026, 30 * 6],
    ])

    // Scores, passes and the drawn items (the refresher's "not seen in earlier years") stay.
    expect(await db.quizAttempt.findMany({ where: { userId: USER }, orderBy: { id: 'asc' }, select: { id: true, score: true, passed: true, items: true } })).toEqual(scoresBefore)
    expect(rounded(await getItemStatistics(db, 'posttest'))).toEqual(before.post)
    expect(rounded(await getItemStatistics(db, 'pretest'))).toEqual(before.pre)

    // Nothing left to do: a second run changes nothing.
    expect((await applyRetention(db, NOW)).answers).toBe(0)
    expect(rounded(await getItemStatistics(db, 'posttest'))).toEqual(before.post)
  })

  it('a withdrawal re-scores the attempts that still hold answers and keeps the stored score of the others', async () => {
    const itemId = JSON.parse((await db.quizAttempt.findUniqueOrThrow({ where: { id: 'baru-0' } })).items).items[0].itemId as string
    const oldHolding = await db.quizAnswerAggregate.aggregate({ where: { itemId }, _sum: { n: true } })
    expect(oldHolding._sum.n).toBeGreaterThan(0)
    const oldScores = await db.quizAttempt.findMany({ where: { id: { startsWith: 'lama-' } }, orderBy: { id: 'asc' }, select: { id: true, score: true } })
    await db.itemStatus.create({ data: { itemId, state: 'withdrawn', note: 'uji retensi' } })
    const summary = await rescoreAttemptsWithoutWithdrawn(itemId)
    expect(summary.keptScores).toBe(oldHolding._sum.n)
    // The attempts found through their answers (the open ones too, as before): none of the old ones.
    expect(summary.attempts).toBe(await db.quizAnswer.count({ where: { itemId } }))
    expect(await db.quizAttempt.findMany({ where: { id: { startsWith: 'lama-' } }, orderBy: { id: 'asc' }, select: { id: true, score: true } })).toEqual(oldScores)
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'item.rescored', targetId: itemId } })
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ keptScores: oldHolding._sum.n })
  })
})
