/**
 * Synthetic banks for the quiz tests and the benchmark (never the real content).
 */
import fc from 'fast-check'
import { createBank } from './bank'
import type { Bank, BankItem, CoverageMap, Credit, Difficulty, ItemType } from './types'

export const AREAS = ['A', 'B', 'C', 'D', 'E', 'F'] as const

/** Six areas with three rules each: a1..a3, b1..b3, … */
export const COVERAGE: CoverageMap = {
  areas: AREAS.map((id) => ({ id, title: `Area ${id}` })),
  rules: AREAS.flatMap((area) =>
    [1, 2, 3].map((n) => ({ id: `${area.toLowerCase()}${n}`, area, title: `Rule ${area}${n}` })),
  ),
}

export const RULE_IDS = COVERAGE.rules.map((r) => r.id)

export function singleItem(id: string, rules: [string, ...string[]], credits: readonly Credit[] = [1, 0.5, 0, 0], difficulty: Difficulty = 1): BankItem {
  return {
    id,
    type: 'single',
    rules,
    difficulty,
    stem: `Stem ${id}`,
    explanation: `Explanation ${id}`,
    sources: ['src-000'],
    options: credits.map((credit, i) => ({ id: String.fromCharCode(97 + i), text: `Option ${i} of ${id}`, credit })),
  }
}

export function multiItem(id: string, rules: [string, ...string[]], correct: readonly boolean[] = [true, true, false, false], difficulty: Difficulty = 2): BankItem {
  return {
    id,
    type: 'multi',
    rules,
    difficulty,
    stem: `Stem ${id}`,
    explanation: `Explanation ${id}`,
    sources: ['src-000'],
    options: correct.map((c, i) => ({ id: String.fromCharCode(97 + i), text: `Option ${i} of ${id}`, correct: c })),
  }
}

export function judgeItem(id: string, rules: [string, ...string[]], verdict: 'ya' | 'tidak' = 'tidak', correctReason = 0, reasons = 3, difficulty: Difficulty = 3): BankItem {
  return {
    id,
    type: 'judge',
    rules,
    difficulty,
    stem: `Stem ${id}`,
    explanation: `Explanation ${id}`,
    sources: ['src-000'],
    post: { platform: 'Instagram', author: 'rina.pns', text: `Post ${id}`, time: '21.10' },
    verdict,
    reasons: Array.from({ length: reasons }, (_, i) => ({ id: `r${i}`, text: `Reason ${i} of ${id}`, correct: i === correctReason })),
  }
}

/**
 * A deterministic bank with `perArea[i]` items whose primary rule is in area AREAS[i];
 * types and difficulties cycle, and each item also lists a rule of the next area.
 */
export function syntheticBank(perArea: readonly number[] = [10, 10, 10, 10, 10, 10]): Bank {
  const items: BankItem[] = []
  const types: ItemType[] = ['single', 'multi', 'judge']
  perArea.forEach((count, a) => {
    const area = AREAS[a] ?? 'A'
    const next = AREAS[(a + 1) % AREAS.length] ?? 'A'
    for (let i = 0; i < count; i++) {
      const id = `${area.toLowerCase()}-item-${i}`
      const rules: [string, ...string[]] = [`${area.toLowerCase()}${(i % 3) + 1}`, `${next.toLowerCase()}${((i + 1) % 3) + 1}`]
      const difficulty = ((i % 3) + 1) as Difficulty
      const type = types[(i + a) % 3] ?? 'single'
      if (type === 'single') items.push(singleItem(id, rules, [1, 0.5, 0, 0].slice(0, 3 + (i % 2)) as Credit[], difficulty))
      else if (type === 'multi') items.push(multiItem(id, rules, [true, false, true, false, false].slice(0, 3 + (i % 3)), difficulty))
      else items.push(judgeItem(id, rules, i % 2 ? 'ya' : 'tidak', i % 3, 3 + (i % 3), difficulty))
    }
  })
  return createBank(items, COVERAGE)
}

// ---------------------------------------------------------------------------------------
// fast-check arbitraries
// ---------------------------------------------------------------------------------------

const difficultyArb = fc.constantFrom<Difficulty>(1, 2, 3)
const rulesArb = fc
  .uniqueArray(fc.constantFrom(...RULE_IDS), { minLength: 1, maxLength: 3 })
  .map((r) => r as [string, ...string[]])

const singleArb = (id: string) =>
  fc
    .record({
      rules: rulesArb,
      difficulty: difficultyArb,
      others: fc.array(fc.constantFrom<Credit>(0, 0.5), { minLength: 2, maxLength: 4 }),
      bestAt: fc.nat(),
    })
    .map(({ rules, difficulty, others, bestAt }) => {
      const credits: Credit[] = [...others]
      credits.splice(bestAt % (others.length + 1), 0, 1)
      return singleItem(id, rules, credits, difficulty)
    })

const multiArb = (id: string) =>
  fc
    .record({
      rules: rulesArb,
      difficulty: difficultyArb,
      flags: fc.array(fc.boolean(), { minLength: 3, maxLength: 5 }),
    })
    .filter(({ flags }) => flags.some((f) => f) && flags.some((f) => !f))
    .map(({ rules, difficulty, flags }) => multiItem(id, rules, flags, difficulty))

const judgeArb = (id: string) =>
  fc
    .record({
      rules: rulesArb,
      difficulty: difficultyArb,
      verdict: fc.constantFrom<'ya' | 'tidak'>('ya', 'tidak'),
      count: fc.integer({ min: 3, max: 5 }),
      correct: fc.nat(),
    })
    .map(({ rules, difficulty, verdict, count, correct }) => judgeItem(id, rules, verdict, correct % count, count, difficulty))

export const itemArb = (id: string): fc.Arbitrary<BankItem> => fc.oneof(singleArb(id), multiArb(id), judgeArb(id))

/** A random bank of `min`..`max` items with random rules (so some areas may be empty). */
export const bankArb = (min = 6, max = 40): fc.Arbitrary<Bank> =>
  fc
    .integer({ min, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(`item-${i}`))))
    .map((items) => createBank(items, COVERAGE))
