import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { db } from '@/lib/db/db.server'
import { momentsOf, pointBiserial } from '@/lib/quiz/item-statistics'
import { getItemStatistics, readItemAggregates } from '@/lib/quiz/item-statistics.server'
import type { BankItem } from '@/lib/quiz/types'

// Real bank items of each type, answered in attempts written here with known credits.
let single: BankItem
let multi: BankItem
let judge: BankItem

type Answer = { itemId: string; response: object; credit: number }
type Recorded = { kind: 'pretest' | 'posttest'; submitted: boolean; answers: Answer[] }
const recorded: Recorded[] = []

async function attempt(userId: string, kind: 'pretest' | 'posttest', submitted: boolean, answers: Answer[]) {
  recorded.push({ kind, submitted, answers })
  const at = new Date()
  await db.quizAttempt.create({
    data: {
      userId,
      kind,
      contentVersion: 't',
      seed: 's',
      items: '{"version":1,"seed":"s","items":[]}',
      expiresAt: new Date(at.getTime() + 3_600_000),
      submittedAt: submitted ? at : null,
      score: submitted ? 50 : null,
      passed: submitted && kind === 'posttest' ? false : null,
      answers: { create: answers.map((a) => ({ itemId: a.itemId, credit: a.credit, response: JSON.stringify(a.response) })) },
    },
  })
}

/** x and y (rest of the attempt) of every answer to `itemId` in the attempts that count. */
function expectedPairs(itemId: string, kind: 'pretest' | 'posttest') {
  return recorded
    .filter((r) => r.kind === kind && r.submitted)
    .flatMap((r) => {
      const total = r.answers.reduce((s, a) => s + a.credit, 0)
      return r.answers.filter((a) => a.itemId === itemId).map((a) => ({ x: a.credit, y: total - a.credit }))
    })
}

beforeAll(async () => {
  const { bank } = getQuestionBank()
  single = bank.items.find((i) => i.type === 'single')!
  multi = bank.items.find((i) => i.type === 'multi')!
  judge = bank.items.find((i) => i.type === 'judge')!
  const user = await db.user.create({ data: { id: randomUUID(), name: 'Peserta statistik', email: `statistik-${randomUUID()}@contoh.go.id` } })
  const s = single.type === 'single' ? single.options : []
  const m = multi.type === 'multi' ? multi.options : []
  const j = judge.type === 'judge' ? judge.reasons : []
  const best = s.find((o) => o.credit === 1)!
  const wrong = s.find((o) => o.credit === 0)!
  const right = m.filter((o) => o.correct).map((o) => o.id)
  const reason = j.find((r) => r.correct)!
  const badReason = j.find((r) => !r.correct)!
  const verdict = judge.type === 'judge' ? judge.verdict : 'ya'
  const other = verdict === 'ya' ? 'tidak' : 'ya'
  // Strong, average and weak learners: the strong ones get the single item right.
  await attempt(user.id, 'posttest', true, [
    { itemId: single.id, response: { optionId: best.id }, credit: 1 },
    { itemId: multi.id, response: { optionIds: right }, credit: 1 },
    { itemId: judge.id, response: { verdict, reasonId: reason.id }, credit: 1 },
  ])
  await attempt(user.id, 'posttest', true, [
    { itemId: single.id, response: { optionId: best.id }, credit: 1 },
    { itemId: multi.id, response: { optionIds: [...right].reverse() }, credit: 1 },
    { itemId: judge.id, response: { verdict, reasonId: badReason.id }, credit: 0.5 },
  ])
  await attempt(user.id, 'posttest', true, [
    { itemId: single.id, response: { optionId: wrong.id }, credit: 0 },
    { itemId: multi.id, response: { optionIds: right.slice(0, 1) }, credit: 0.5 },
    { itemId: judge.id, response: { verdict: other, reasonId: reason.id }, credit: 0 },
  ])
  await attempt(user.id, 'posttest', true, [
    { itemId: single.id, response: { optionId: wrong.id }, credit: 0 },
    { itemId: multi.id, response: { optionIds: [] }, credit: 0 },
    { itemId: judge.id, response: {}, credit: 0 },
  ])
  // Not counted for the post-test: an unsubmitted attempt, and a pre-test.
  await attempt(user.id, 'posttest', false, [{ itemId: single.id, response: { optionId: best.id }, credit: 1 }])
  await attempt(user.id, 'pretest', true, [
    { itemId: single.id, response: { optionId: best.id }, credit: 1 },
    { itemId: multi.id, response: { optionIds: right }, credit: 0.25 },
  ])
})

describe('item statistics from the database', () => {
  it('sums the moments of submitted attempts of the kind, with y = the attempt total minus the item', async () => {
    const { moments } = await readItemAggregates(db, 'posttest')
    for (const item of [single, multi, judge]) {
      const expected = momentsOf(expectedPairs(item.id, 'posttest'))
      const got = moments.get(item.id)!
      expect(got.n).toBe(4)
      for (const key of ['sumX', 'sumY', 'sumXY', 'sumXX', 'sumYY'] as const) expect(got[key]).toBeCloseTo(expected[key], 9)
    }
    const pre = await readItemAggregates(db, 'pretest')
    expect(pre.moments.get(single.id)).toMatchObject({ n: 1, sumX: 1, sumY: 0.25 })
    expect(pre.moments.has(judge.id)).toBe(false)
  })

  it('counts each stored response per item', async () => {
    const { tallies } = await readItemAggregates(db, 'posttest')
    const singleTallies = Object.fromEntries(tallies.get(single.id)!.map((t) => [t.response, t.count]))
    expect(Object.values(singleTallies).sort()).toEqual([2, 2])
    expect(tallies.get(multi.id)!.reduce((s, t) => s + t.count, 0)).toBe(4)
  })

  it('builds every bank item\'s statistics; figures match the pure functions', async () => {
    const stats = await getItemStatistics(db, 'posttest')
    expect(stats).toHaveLength(getQuestionBank().bank.items.length)
    const s = stats.find((x) => x.itemId === single.id)!
    expect(s.answers).toBe(4)
    expect(s.difficulty).toBeCloseTo(0.5)
    expect(s.discrimination).toBeCloseTo(pointBiserial(momentsOf(expectedPairs(single.id, 'posttest')))!, 9)
    expect(s.discrimination!).toBeGreaterThan(0.5)
    expect(s.flags).toEqual(['belum-cukup-data'])
    const keyShare = s.choices.find((c) => c.role === 'key')!.share
    expect(keyShare).toBeCloseTo(0.5)

    const m = stats.find((x) => x.itemId === multi.id)!
    expect(m.difficulty).toBeCloseTo(2.5 / 4)
    expect(m.unanswered).toBe(1)
    const correct = m.choices.filter((c) => c.role === 'key')
    expect(correct[0]!.count).toBe(3) // full, reversed order, and the half-right pick
    const j = stats.find((x) => x.itemId === judge.id)!
    expect(j.verdicts.find((v) => v.role === 'key')!.count).toBe(2)
    expect(j.unanswered).toBe(1)
    // Unanswered bank items are listed with no figures.
    const untouched = stats.find((x) => ![single.id, multi.id, judge.id].includes(x.itemId))!
    expect(untouched).toMatchObject({ answers: 0, difficulty: null, discrimination: null, flags: ['belum-cukup-data'] })
  })
})
