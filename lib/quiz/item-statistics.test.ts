import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countChoices,
  difficultyOf,
  itemStatistics,
  measuredLabelOf,
  MIN_ANSWERS,
  momentsOf,
  pointBiserial,
  type ResponseTally,
} from './item-statistics'
import { judgeItem, multiItem, singleItem } from './test-fixtures'

const single = singleItem('s', ['a1'], [0, 1, 0.5, 0], 2) // b best, c acceptable, a and d distractors
const multi = multiItem('m', ['b1'], [true, false, true, false, false], 2) // a, c correct
const judge = judgeItem('j', ['c1'], 'tidak', 1, 3, 3) // verdict tidak, reason r1

/** Pearson correlation the textbook way (two passes), to check the one-pass formula. */
function pearson(pairs: readonly { x: number; y: number }[]): number | null {
  const n = pairs.length
  if (n < 2) return null
  const mx = pairs.reduce((s, p) => s + p.x, 0) / n
  const my = pairs.reduce((s, p) => s + p.y, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (const p of pairs) {
    sxy += (p.x - mx) * (p.y - my)
    sxx += (p.x - mx) ** 2
    syy += (p.y - my) ** 2
  }
  if (sxx === 0 || syy === 0) return null
  return sxy / Math.sqrt(sxx * syy)
}

const credit = fc.constantFrom(0, 0.5, 1, 1 / 3, 2 / 3)
/** An answer: the item's credit x and the rest of a 15-item test y (0–14). */
const pair = fc.record({ x: credit, y: fc.integer({ min: 0, max: 28 }).map((v) => v / 2) })

describe('difficulty and discrimination', () => {
  it('difficulty is the mean credit', () => {
    expect(difficultyOf(momentsOf([{ x: 1, y: 0 }, { x: 0, y: 0 }, { x: 0.5, y: 0 }, { x: 1, y: 0 }]))).toBeCloseTo(0.625)
    expect(difficultyOf(momentsOf([]))).toBeNull()
  })

  it('point-biserial matches a hand-computed example', () => {
    // x = 1,1,0,0 with rest scores 10,8,6,4: Σ(dx·dy) = 4, Σdx² = 1, Σdy² = 20, r = 4 / √20
    expect(pointBiserial(momentsOf([{ x: 1, y: 10 }, { x: 1, y: 8 }, { x: 0, y: 6 }, { x: 0, y: 4 }]))).toBeCloseTo(0.894427, 5)
    expect(pointBiserial(momentsOf([{ x: 1, y: 4 }, { x: 0, y: 10 }]))).toBeCloseTo(-1, 9)
  })

  it('a constant item (or rest score) has no discrimination: null, not NaN', () => {
    expect(pointBiserial(momentsOf(Array.from({ length: 50 }, (_, i) => ({ x: 1, y: i % 7 }))))).toBeNull()
    expect(pointBiserial(momentsOf(Array.from({ length: 50 }, (_, i) => ({ x: 0.1, y: i % 7 }))))).toBeNull()
    expect(pointBiserial(momentsOf(Array.from({ length: 50 }, (_, i) => ({ x: i % 2, y: 3 }))))).toBeNull()
    expect(pointBiserial(momentsOf([{ x: 1, y: 3 }]))).toBeNull()
  })

  it('property: difficulty in [0, 1]', () => {
    fc.assert(fc.property(fc.array(pair, { minLength: 1, maxLength: 200 }), (pairs) => {
      const d = difficultyOf(momentsOf(pairs))!
      expect(d).toBeGreaterThanOrEqual(0)
      expect(d).toBeLessThanOrEqual(1)
    }))
  })

  it('property: point-biserial is null or in [-1, 1], never NaN, and equals the two-pass Pearson correlation', () => {
    fc.assert(fc.property(fc.array(pair, { maxLength: 200 }), (pairs) => {
      const r = pointBiserial(momentsOf(pairs))
      const expected = pearson(pairs)
      if (r === null) {
        // Only when a column is (numerically) constant.
        expect(expected === null || new Set(pairs.map((p) => p.x)).size === 1 || new Set(pairs.map((p) => p.y)).size === 1).toBe(true)
      } else {
        expect(Number.isNaN(r)).toBe(false)
        expect(r).toBeGreaterThanOrEqual(-1)
        expect(r).toBeLessThanOrEqual(1)
        expect(r).toBeCloseTo(expected!, 6)
      }
    }))
  })

  it('property: invariant to the order of answers', () => {
    fc.assert(fc.property(fc.array(pair, { minLength: 2, maxLength: 100 }).chain((pairs) => fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length }))), ([pairs, shuffled]) => {
      const a = pointBiserial(momentsOf(pairs))
      const b = pointBiserial(momentsOf(shuffled))
      if (a === null || b === null) expect(a).toBe(b)
      else expect(a).toBeCloseTo(b, 9)
      expect(difficultyOf(momentsOf(shuffled))).toBeCloseTo(difficultyOf(momentsOf(pairs))!, 12)
    }))
  })

  it('property: a constant item has undefined discrimination, whatever the rest scores', () => {
    fc.assert(fc.property(credit, fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 300 }), (x, ys) => {
      expect(pointBiserial(momentsOf(ys.map((y) => ({ x, y }))))).toBeNull()
    }))
  })

  it('property: invariant to shifting and scaling the rest score (a linear change of scale)', () => {
    fc.assert(fc.property(fc.array(pair, { minLength: 2, maxLength: 100 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: -5, max: 5 }), (pairs, a, b) => {
      const r = pointBiserial(momentsOf(pairs))
      const s = pointBiserial(momentsOf(pairs.map((p) => ({ x: p.x, y: a * p.y + b }))))
      if (r === null) expect(s).toBeNull()
      else expect(s).toBeCloseTo(r, 6)
    }))
  })
})

const tally = (response: object | string, count: number): ResponseTally => ({ response: typeof response === 'string' ? response : JSON.stringify(response), count })

describe('choice counts', () => {
  it('reads single, multi and judge responses as score.ts writes them', () => {
    const s = countChoices(single, [tally({ optionId: 'b' }, 5), tally({ optionId: 'a' }, 2), tally({}, 1), tally({ optionId: 'zz' }, 1), tally('not json', 1)])
    expect(Object.fromEntries(s.choice)).toEqual({ b: 5, a: 2 })
    expect(s.unanswered).toBe(3)

    const m = countChoices(multi, [tally({ optionIds: ['a', 'c'] }, 4), tally({ optionIds: ['c', 'a', 'a'] }, 2), tally({ optionIds: ['b'] }, 1), tally({ optionIds: [] }, 3)])
    expect(Object.fromEntries(m.choice)).toEqual({ a: 6, c: 6, b: 1 })
    expect(m.unanswered).toBe(3)

    const j = countChoices(judge, [tally({ verdict: 'tidak', reasonId: 'r1' }, 7), tally({ reasonId: 'r0', verdict: 'ya' }, 2), tally({ verdict: null }, 1)])
    expect(Object.fromEntries(j.verdict)).toEqual({ tidak: 7, ya: 2 })
    expect(Object.fromEntries(j.choice)).toEqual({ r1: 7, r0: 2 })
    expect(j.unanswered).toBe(1)
  })

  it('property: a single item\'s option counts plus unanswered add up to the answers', () => {
    const response = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'x').map((optionId) => ({ optionId })), fc.constant({}))
    fc.assert(fc.property(fc.array(fc.record({ response, count: fc.integer({ min: 1, max: 50 }) }), { maxLength: 20 }), (rows) => {
      const tallies = rows.map((r) => tally(r.response, r.count))
      const counted = countChoices(single, tallies)
      const total = rows.reduce((s, r) => s + r.count, 0)
      expect([...counted.choice.values()].reduce((s, c) => s + c, 0) + counted.unanswered).toBe(total)
    }))
  })

  it('property: multi selection shares are each in [0, 1]', () => {
    const picks = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 })
    fc.assert(fc.property(fc.array(fc.record({ picks, count: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 20 }), (rows) => {
      const n = rows.reduce((s, r) => s + r.count, 0)
      const stats = itemStatistics(multi, 'B', { n, sumX: 0, sumY: 0, sumXY: 0, sumXX: 0, sumYY: 0 }, rows.map((r) => tally({ optionIds: r.picks }, r.count)))
      for (const choice of stats.choices) {
        expect(choice.share).toBeGreaterThanOrEqual(0)
        expect(choice.share).toBeLessThanOrEqual(1)
      }
    }))
  })
})

/** Moments of `n` answers with `correct` of them fully right, rest scores spread so r is defined. */
function momentsWith(n: number, correct: number, related = true) {
  return momentsOf(Array.from({ length: n }, (_, i) => {
    const x = i < correct ? 1 : 0
    return { x, y: related ? (x ? 10 + (i % 4) : 4 + (i % 4)) : i % 5 }
  }))
}

describe('flags', () => {
  const spread = (ids: string[], n: number) => ids.map((optionId, i) => tally({ optionId }, Math.floor(n / ids.length) + (i === 0 ? n % ids.length : 0)))

  it('says "belum cukup data" below 30 answers and raises nothing else', () => {
    const stats = itemStatistics(single, 'A', momentsWith(MIN_ANSWERS - 1, MIN_ANSWERS - 1), [tally({ optionId: 'b' }, MIN_ANSWERS - 1)])
    expect(stats.flags).toEqual(['belum-cukup-data'])
    expect(stats.measuredLabel).toBeNull()
    expect(itemStatistics(single, 'A', undefined, []).flags).toEqual(['belum-cukup-data'])
  })

  it('too easy (> 0.95), label disagreeing, weak distractors', () => {
    const stats = itemStatistics(single, 'A', momentsWith(40, 39), [tally({ optionId: 'b' }, 39), tally({ optionId: 'a' }, 1)])
    expect(stats.difficulty).toBeCloseTo(0.975)
    expect(stats.flags).toEqual(['terlalu-mudah', 'pengecoh-lemah', 'label-perlu-ditinjau'])
    expect(stats.weakDistractors).toEqual(['d']) // a: 1/40 = 2.5% is not weak; d: 0
    expect(stats.measuredLabel).toBe(1)
  })

  it('too hard (< 0.2) and low discrimination', () => {
    const stats = itemStatistics(single, 'A', momentsWith(50, 5, false), spread(['a', 'c', 'd', 'b'], 50))
    expect(stats.difficulty).toBeCloseTo(0.1)
    expect(stats.discrimination).not.toBeNull()
    expect(stats.discrimination!).toBeLessThan(0.1)
    expect(stats.flags).toEqual(['terlalu-sulit', 'daya-beda-rendah', 'label-perlu-ditinjau'])
  })

  it('a well-behaved item has no flags; exactly 0.95 and 0.2 are not flagged', () => {
    const ok = itemStatistics(single, 'A', momentsWith(40, 26), spread(['b', 'a', 'c', 'd'], 40))
    expect(ok.difficulty).toBeCloseTo(0.65)
    expect(ok.discrimination!).toBeGreaterThan(0.5)
    expect(ok.flags).toEqual([])
    expect(itemStatistics(multiItem('m2', ['b1'], [true, false], 1), 'B', momentsWith(40, 38), [tally({ optionIds: ['a'] }, 38), tally({ optionIds: ['b'] }, 2)]).flags).toEqual([])
    const hard = itemStatistics(judge, 'C', momentsWith(40, 8), [tally({ verdict: 'tidak', reasonId: 'r1' }, 8), tally({ verdict: 'ya', reasonId: 'r0' }, 16), tally({ verdict: 'ya', reasonId: 'r2' }, 16)])
    expect(hard.difficulty).toBeCloseTo(0.2)
    expect(hard.flags).toEqual([])
  })

  it('a constant item shows no discrimination and no low-discrimination flag', () => {
    const stats = itemStatistics(single, 'A', momentsWith(40, 40), [tally({ optionId: 'b' }, 40)])
    expect(stats.discrimination).toBeNull()
    expect(stats.flags).not.toContain('daya-beda-rendah')
    expect(stats.flags).toContain('terlalu-mudah')
  })

  it('judge items: verdict and reason shares; the wrong verdict is not a distractor option', () => {
    const stats = itemStatistics(judge, 'C', momentsWith(40, 20), [tally({ verdict: 'tidak', reasonId: 'r1' }, 20), tally({ verdict: 'ya', reasonId: 'r0' }, 20)])
    expect(stats.verdicts.map((v) => [v.id, v.role, v.share])).toEqual([['ya', 'distractor', 0.5], ['tidak', 'key', 0.5]])
    expect(stats.choices.map((c) => [c.id, c.role, c.share])).toEqual([['r0', 'distractor', 0.5], ['r1', 'key', 0.5], ['r2', 'distractor', 0]])
    expect(stats.weakDistractors).toEqual(['r2'])
  })

  it('measured label: > 0.8 mudah, < 0.5 sulit, otherwise sedang', () => {
    expect(measuredLabelOf(0.81)).toBe(1)
    expect(measuredLabelOf(0.8)).toBe(2)
    expect(measuredLabelOf(0.5)).toBe(2)
    expect(measuredLabelOf(0.49)).toBe(3)
  })

  it('property: no flag but "belum cukup data" below 30 answers; never "belum cukup data" from 30', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 80 }), fc.nat(), (n, k) => {
      const correct = n === 0 ? 0 : k % (n + 1)
      const stats = itemStatistics(single, 'A', momentsWith(n, correct), [tally({ optionId: 'b' }, correct), tally({ optionId: 'a' }, n - correct)])
      if (n < MIN_ANSWERS) expect(stats.flags).toEqual(['belum-cukup-data'])
      else expect(stats.flags).not.toContain('belum-cukup-data')
    }))
  })
})
