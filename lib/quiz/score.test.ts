import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBank } from './bank'
import { draw } from './draw'
import { AttemptError, ResponseError } from './errors'
import { findResponseProblems, percent, score } from './score'
import { bankArb, COVERAGE, judgeItem, multiItem, singleItem, syntheticBank } from './test-fixtures'
import type { Attempt, Bank, DrawnItem, ItemResponse, Responses } from './types'

// A hand-made bank: one item of each type, rules in areas A, B, C.
const single = singleItem('s', ['a1', 'b1'], [0, 1, 0.5, 0]) // b best, c acceptable
const multi = multiItem('m', ['b2'], [true, false, true, false, false]) // a, c correct; b, d, e wrong
const judge = judgeItem('j', ['c1', 'a1'], 'tidak', 1, 3) // verdict tidak, reason r1
const bank = createBank([single, multi, judge], COVERAGE)

function attemptOf(b: Bank, ids: readonly string[]): Attempt {
  return {
    version: 1,
    seed: 'fixed',
    items: ids.map((id): DrawnItem => {
      const item = b.itemById.get(id)
      if (!item) throw new Error(id)
      return item.type === 'judge'
        ? { itemId: id, type: 'judge', reasonOrder: item.reasons.map((r) => r.id) }
        : { itemId: id, type: item.type, optionOrder: item.options.map((o) => o.id) }
    }),
  }
}

const attempt = attemptOf(bank, ['s', 'm', 'j'])
const only = (id: string, response: ItemResponse) => score(bank, attemptOf(bank, [id]), { [id]: response })
const earned = (id: string, response: ItemResponse) => only(id, response).items[0]?.earned

describe('score: single', () => {
  it('gives the credit of the picked option', () => {
    expect(earned('s', { optionId: 'b' })).toBe(1)
    expect(earned('s', { optionId: 'c' })).toBe(0.5)
    expect(earned('s', { optionId: 'a' })).toBe(0)
  })

  it('scores no answer as 0 and not answered', () => {
    for (const response of [{}, { optionId: null }]) {
      const fb = only('s', response).items[0]
      expect(fb).toMatchObject({ earned: 0, answered: false, outcome: 'none', type: 'single', picked: null })
    }
    const fb = score(bank, attemptOf(bank, ['s']), {}).items[0]
    expect(fb).toMatchObject({ earned: 0, answered: false })
  })

  it('scores an unknown option id as 0 and reports it', () => {
    const fb = only('s', { optionId: 'zz' }).items[0]
    expect(fb).toMatchObject({ earned: 0, answered: false, picked: null, unknownOptionIds: ['zz'] })
  })

  it('gives the best and acceptable answers in the feedback', () => {
    const fb = only('s', { optionId: 'a' }).items[0]
    expect(fb).toMatchObject({
      type: 'single',
      picked: { id: 'a', text: 'Option 0 of s' },
      best: { id: 'b', text: 'Option 1 of s' },
      acceptable: [{ id: 'c', text: 'Option 2 of s' }],
      explanation: 'Explanation s',
      rules: ['a1', 'b1'],
      outcome: 'none',
    })
  })
})

describe('score: multi', () => {
  const cases: [string, string[], number][] = [
    ['exactly the correct options', ['a', 'c'], 1],
    ['one of two correct', ['a'], 0.5],
    ['one correct and one wrong', ['a', 'b'], 0.5 - 1 / 3],
    ['both correct and one wrong', ['a', 'c', 'd'], 1 - 1 / 3],
    ['only wrong options (never below 0)', ['b', 'd'], 0],
    ['all options', ['a', 'b', 'c', 'd', 'e'], 0],
    ['nothing', [], 0],
  ]
  it.each(cases)('%s', (_name, optionIds, expected) => {
    expect(earned('m', { optionIds })).toBeCloseTo(expected, 12)
  })

  it('counts duplicate picks once', () => {
    expect(earned('m', { optionIds: ['a', 'a', 'a'] })).toBe(0.5)
    expect(earned('m', { optionIds: ['a', 'c', 'a', 'c'] })).toBe(1)
    expect(earned('m', { optionIds: ['b', 'b', 'a'] })).toBeCloseTo(0.5 - 1 / 3, 12)
  })

  it('ignores unknown option ids (no gain, no penalty) and reports them', () => {
    const fb = only('m', { optionIds: ['a', 'c', 'x', 'y', 'x'] }).items[0]
    expect(fb).toMatchObject({ earned: 1, unknownOptionIds: ['x', 'y'], rightPicks: 2, wrongPicks: 0 })
    expect(earned('m', { optionIds: ['x'] })).toBe(0)
    expect(only('m', { optionIds: ['x'] }).items[0]?.answered).toBe(false)
  })

  it('reports picks, the correct options and the missed ones', () => {
    const fb = only('m', { optionIds: ['b', 'a'] }).items[0]
    expect(fb).toMatchObject({
      type: 'multi',
      picked: [{ id: 'a' }, { id: 'b' }],
      correctOptions: [{ id: 'a' }, { id: 'c' }],
      missed: [{ id: 'c' }],
      rightPicks: 1,
      wrongPicks: 1,
      outcome: 'partial',
      answered: true,
    })
  })

  it('scores a missing response as 0', () => {
    expect(score(bank, attemptOf(bank, ['m']), {}).items[0]?.earned).toBe(0)
    expect(earned('m', {})).toBe(0)
  })
})

describe('score: judge', () => {
  const cases: [string, ItemResponse, number][] = [
    ['right verdict, right reason', { verdict: 'tidak', reasonId: 'r1' }, 1],
    ['right verdict, wrong reason', { verdict: 'tidak', reasonId: 'r0' }, 0.5],
    ['right verdict, no reason', { verdict: 'tidak' }, 0.5],
    ['right verdict, unknown reason', { verdict: 'tidak', reasonId: 'nope' }, 0.5],
    ['wrong verdict, right reason', { verdict: 'ya', reasonId: 'r1' }, 0],
    ['wrong verdict, wrong reason', { verdict: 'ya', reasonId: 'r2' }, 0],
    ['no verdict, right reason', { reasonId: 'r1' }, 0],
    ['nothing', {}, 0],
    ['explicit nulls', { verdict: null, reasonId: null }, 0],
  ]
  it.each(cases)('%s', (_name, response, expected) => {
    expect(earned('j', response)).toBe(expected)
  })

  it('gives the verdict and the best reason in the feedback', () => {
    const fb = only('j', { verdict: 'ya', reasonId: 'r0' }).items[0]
    expect(fb).toMatchObject({
      type: 'judge',
      verdictGiven: 'ya',
      verdict: 'tidak',
      verdictRight: false,
      reasonGiven: { id: 'r0', text: 'Reason 0 of j' },
      bestReason: { id: 'r1', text: 'Reason 1 of j' },
      reasonRight: false,
      unknownReasonId: null,
      answered: true,
    })
    expect(only('j', { verdict: 'tidak', reasonId: 'q' }).items[0]).toMatchObject({ unknownReasonId: 'q', reasonGiven: null })
  })

  it('ignores a verdict that is not ya/tidak', () => {
    const response = { verdict: 'mungkin', reasonId: 'r1' } as unknown as ItemResponse
    expect(only('j', response).items[0]).toMatchObject({ earned: 0, verdictGiven: null, answered: false })
  })
})

describe('score: totals, rules and areas', () => {
  it('averages the items, rounds to one decimal and applies the pass mark', () => {
    const result = score(bank, attempt, {
      s: { optionId: 'c' }, // 0.5
      m: { optionIds: ['a', 'c'] }, // 1
      j: { verdict: 'tidak', reasonId: 'r1' }, // 1
    })
    expect(result.total).toBe(83.3)
    expect(result.passMark).toBe(80)
    expect(result.passed).toBe(true)
    expect(result.itemCount).toBe(3)
    expect(result.answeredCount).toBe(3)
    expect(score(bank, attempt, { s: { optionId: 'c' }, m: { optionIds: ['a', 'c'] }, j: { verdict: 'tidak', reasonId: 'r1' } }, { passMark: 90 }).passed).toBe(false)
  })

  it('scores empty responses as 0 and failed', () => {
    const result = score(bank, attempt, {})
    expect(result).toMatchObject({ total: 0, passed: false, answeredCount: 0 })
    expect(result.items.map((i) => i.earned)).toEqual([0, 0, 0])
    expect(score(bank, attempt, {}, { passMark: 0 }).passed).toBe(true)
  })

  it('scores everything right as 100', () => {
    const result = score(bank, attempt, { s: { optionId: 'b' }, m: { optionIds: ['c', 'a'] }, j: { verdict: 'tidak', reasonId: 'r1' } })
    expect(result.total).toBe(100)
    expect(result.items.every((i) => i.outcome === 'full')).toBe(true)
  })

  it('reports each rule (any position) and each area touched, in coverage-map order', () => {
    const result = score(bank, attempt, { s: { optionId: 'b' }, m: { optionIds: ['a'] }, j: { verdict: 'ya' } })
    // s: 1 (a1, b1); m: 0.5 (b2); j: 0 (c1, a1)
    expect(result.byRule).toEqual([
      { ruleId: 'a1', area: 'A', score: 50, itemCount: 2 },
      { ruleId: 'b1', area: 'B', score: 100, itemCount: 1 },
      { ruleId: 'b2', area: 'B', score: 50, itemCount: 1 },
      { ruleId: 'c1', area: 'C', score: 0, itemCount: 1 },
    ])
    expect(result.byArea).toEqual([
      { area: 'A', score: 50, itemCount: 2 },
      { area: 'B', score: 75, itemCount: 2 },
      { area: 'C', score: 0, itemCount: 1 },
    ])
  })

  it('counts an item once per area even when it lists two rules of that area', () => {
    const b = createBank([singleItem('x', ['a1', 'a2', 'b1'])], COVERAGE)
    const result = score(b, attemptOf(b, ['x']), { x: { optionId: 'a' } })
    expect(result.byArea).toEqual([
      { area: 'A', score: 100, itemCount: 1 },
      { area: 'B', score: 100, itemCount: 1 },
    ])
    expect(result.byRule.map((r) => r.ruleId)).toEqual(['a1', 'a2', 'b1'])
  })

  it('decides pass on the rounded total (79.95 shows and passes as 80)', () => {
    expect(percent(0.7995, 1)).toBe(80)
    expect(percent(0.79949, 1)).toBe(79.9)
    expect(percent(2, 3)).toBe(66.7)
    expect(percent(1, 3)).toBe(33.3)
    expect(percent(0.125, 1)).toBe(12.5)
    expect(percent(0, 0)).toBe(0)
    // 12 of 15 items fully right = exactly the pass mark.
    const b = syntheticBank()
    const a = draw(b, { size: 15 }, 'pass-mark')
    const responses: Record<string, ItemResponse> = {}
    a.items.slice(0, 12).forEach((d) => {
      const item = b.itemById.get(d.itemId)
      if (!item) return
      if (item.type === 'single') responses[item.id] = { optionId: item.options.find((o) => o.credit === 1)?.id ?? null }
      if (item.type === 'multi') responses[item.id] = { optionIds: item.options.filter((o) => o.correct).map((o) => o.id) }
      if (item.type === 'judge') responses[item.id] = { verdict: item.verdict, reasonId: item.reasons.find((r) => r.correct)?.id ?? null }
    })
    const result = score(b, a, responses)
    expect(result.total).toBe(80)
    expect(result.passed).toBe(true)
  })

  it('rejects a pass mark outside 0–100', () => {
    expect(() => score(bank, attempt, {}, { passMark: 101 })).toThrow(RangeError)
    expect(() => score(bank, attempt, {}, { passMark: Number.NaN })).toThrow(RangeError)
  })
})

describe('score: responses that do not fit the attempt', () => {
  it('throws ResponseError listing items not in the attempt', () => {
    const run = () => score(bank, attemptOf(bank, ['s']), { s: { optionId: 'b' }, m: { optionIds: ['a'] }, ghost: { optionId: 'a' } })
    expect(run).toThrow(ResponseError)
    try {
      run()
    } catch (error) {
      expect(error).toBeInstanceOf(ResponseError)
      expect((error as ResponseError).unknownItemIds).toEqual(['ghost', 'm'])
      expect((error as ResponseError).mismatchedItemIds).toEqual([])
      expect((error as Error).message).toContain('ghost')
    }
  })

  it('throws ResponseError for fields of another item type', () => {
    const responses = { s: { optionIds: ['b'] }, m: { optionId: 'a' }, j: { verdict: 'tidak' } } as Responses
    expect(findResponseProblems(attempt, responses)).toEqual({ unknownItemIds: [], mismatchedItemIds: ['s', 'm'] })
    expect(() => score(bank, attempt, responses)).toThrow(ResponseError)
    const notObject = { s: 'b' } as unknown as Responses
    expect(findResponseProblems(attempt, notObject).mismatchedItemIds).toEqual(['s'])
  })

  it('does not treat inherited keys as responses', () => {
    const responses = Object.create({ s: { optionId: 'b' } }) as Responses
    expect(score(bank, attemptOf(bank, ['s']), responses).total).toBe(0)
  })

  it('throws AttemptError when the attempt no longer fits the bank', () => {
    const missing: Attempt = { version: 1, seed: 'x', items: [{ itemId: 'gone', type: 'single', optionOrder: ['a'] }] }
    expect(() => score(bank, missing, {})).toThrow(AttemptError)
    const changed: Attempt = { version: 1, seed: 'x', items: [{ itemId: 's', type: 'single', optionOrder: ['a', 'b', 'c'] }] }
    expect(() => score(bank, changed, {})).toThrow(/options/)
    const wrongType: Attempt = { version: 1, seed: 'x', items: [{ itemId: 's', type: 'multi', optionOrder: ['a', 'b', 'c', 'd'] }] }
    expect(() => score(bank, wrongType, {})).toThrow(AttemptError)
    const twice: Attempt = { version: 1, seed: 'x', items: [...attemptOf(bank, ['s']).items, ...attemptOf(bank, ['s']).items] }
    expect(() => score(bank, twice, {})).toThrow(/twice/)
    expect(() => score(bank, { version: 1, seed: 'x', items: [] }, {})).toThrow(/no items/)
  })
})

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/** Arbitrary responses for an attempt: known ids, unknown ids, duplicates, nulls, gaps. */
function responsesArb(b: Bank, a: Attempt): fc.Arbitrary<Record<string, ItemResponse>> {
  const entries = a.items.map((d) => {
    const item = b.itemById.get(d.itemId)
    const ids = item ? (item.type === 'judge' ? item.reasons.map((r) => r.id) : item.options.map((o) => o.id)) : []
    const idArb = fc.oneof(fc.constantFrom(...ids), fc.constant('unknown-id'))
    const response: fc.Arbitrary<ItemResponse> =
      d.type === 'single'
        ? fc.record({ optionId: fc.option(idArb, { nil: null }) }, { requiredKeys: [] })
        : d.type === 'multi'
          ? fc.record({ optionIds: fc.array(idArb, { maxLength: 8 }) })
          : fc.record({ verdict: fc.option(fc.constantFrom<'ya' | 'tidak'>('ya', 'tidak'), { nil: null }), reasonId: fc.option(idArb, { nil: null }) }, { requiredKeys: [] })
    return fc.option(response, { nil: undefined }).map((r) => [d.itemId, r] as const)
  })
  return fc.tuple(...entries).map((pairs) => {
    const out: Record<string, ItemResponse> = {}
    for (const [id, r] of pairs) if (r !== undefined) out[id] = r
    return out
  })
}

const scenarioArb = bankArb(6, 30).chain((b) =>
  fc
    .record({ seed: fc.string(), size: fc.integer({ min: 1, max: Math.min(15, b.items.length) }) })
    .map(({ seed, size }) => ({ bank: b, attempt: draw(b, { size, perAreaMin: 0 }, seed) }))
    .chain(({ bank: bk, attempt: a }) => responsesArb(bk, a).map((responses) => ({ bank: bk, attempt: a, responses }))),
)

function permuteOrders(a: Attempt, rotations: readonly number[]): Attempt {
  const rotate = (ids: readonly string[], k: number) => ids.map((_, i) => ids[(i + k) % ids.length] as string).reverse()
  return {
    ...a,
    items: a.items.map((d, i): DrawnItem => {
      const k = rotations[i % Math.max(1, rotations.length)] ?? 0
      return d.type === 'judge' ? { ...d, reasonOrder: rotate(d.reasonOrder, k) } : { ...d, optionOrder: rotate(d.optionOrder, k) }
    }),
  }
}

describe('score: properties', () => {
  it('keeps the total in 0–100 and every item in 0–1', () => {
    fc.assert(
      fc.property(scenarioArb, ({ bank: b, attempt: a, responses }) => {
        const result = score(b, a, responses)
        expect(result.total).toBeGreaterThanOrEqual(0)
        expect(result.total).toBeLessThanOrEqual(100)
        expect(Math.round(result.total * 10) / 10).toBe(result.total)
        for (const item of result.items) {
          expect(item.earned).toBeGreaterThanOrEqual(0)
          expect(item.earned).toBeLessThanOrEqual(1)
        }
        for (const g of [...result.byRule, ...result.byArea]) {
          expect(g.score).toBeGreaterThanOrEqual(0)
          expect(g.score).toBeLessThanOrEqual(100)
        }
        expect(result.passed).toBe(result.total >= result.passMark)
      }),
      { numRuns: 300 },
    )
  })

  it('does not depend on the option order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(6), { minLength: 1, maxLength: 15 }), ({ bank: b, attempt: a, responses }, rotations) => {
        const first = score(b, a, responses)
        const second = score(b, permuteOrders(a, rotations), responses)
        expect(second.total).toBe(first.total)
        expect(second.byRule).toEqual(first.byRule)
        expect(second.byArea).toEqual(first.byArea)
        expect(second.items.map((i) => i.earned)).toEqual(first.items.map((i) => i.earned))
      }),
      { numRuns: 200 },
    )
  })

  it('does not depend on the order of the responses object', () => {
    fc.assert(
      fc.property(scenarioArb, ({ bank: b, attempt: a, responses }) => {
        const reversed = Object.fromEntries(Object.entries(responses).reverse())
        expect(score(b, a, reversed)).toEqual(score(b, a, responses))
      }),
      { numRuns: 100 },
    )
  })

  it('scores a multi item at most as well as its exact answer, and picking all as 0', () => {
    fc.assert(
      fc.property(bankArb(1, 10), fc.array(fc.nat(10), { maxLength: 10 }), (b, picks) => {
        for (const item of b.items) {
          if (item.type !== 'multi') continue
          const a = attemptOf(b, [item.id])
          const exact = score(b, a, { [item.id]: { optionIds: item.options.filter((o) => o.correct).map((o) => o.id) } }).total
          const all = score(b, a, { [item.id]: { optionIds: item.options.map((o) => o.id) } }).total
          const some = score(b, a, { [item.id]: { optionIds: picks.map((p) => item.options[p % item.options.length]?.id ?? 'a') } }).total
          expect(exact).toBe(100)
          expect(all).toBe(0)
          expect(some).toBeLessThanOrEqual(exact)
        }
      }),
      { numRuns: 100 },
    )
  })
})
