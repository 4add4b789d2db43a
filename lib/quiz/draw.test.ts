import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBank, primaryArea } from './bank'
import { apportion, courseForm, draw, POST_TEST_BLUEPRINT, PRE_TEST_BLUEPRINT } from './draw'
import { DrawError } from './errors'
import { bankArb, COVERAGE, syntheticBank } from './test-fixtures'
import type { Attempt, Bank } from './types'

const bank = syntheticBank()

const areasOf = (b: Bank, a: Attempt) =>
  new Set(a.items.map((d) => {
    const item = b.itemById.get(d.itemId)
    if (!item) throw new Error(d.itemId)
    return primaryArea(b, item)
  }))

const nonEmptyAreas = (b: Bank) => new Set(b.items.map((i) => primaryArea(b, i)))

const difficultiesOf = (b: Bank, a: Attempt) =>
  [1, 2, 3].map((level) => a.items.filter((d) => b.itemById.get(d.itemId)?.difficulty === level).length)

const areaCounts = (b: Bank, a: Attempt) => {
  const counts = new Map<string, number>()
  for (const d of a.items) {
    const item = b.itemById.get(d.itemId)
    if (item) counts.set(primaryArea(b, item), (counts.get(primaryArea(b, item)) ?? 0) + 1)
  }
  return [...counts.values()]
}

describe('draw', () => {
  it('draws the blueprint size, distinct items, with every option shuffled but complete', () => {
    const attempt = draw(bank, POST_TEST_BLUEPRINT, 'learner-1/cycle-1')
    expect(attempt.version).toBe(1)
    expect(attempt.seed).toBe('learner-1/cycle-1')
    expect(attempt.items).toHaveLength(15)
    expect(new Set(attempt.items.map((d) => d.itemId)).size).toBe(15)
    for (const d of attempt.items) {
      const item = bank.itemById.get(d.itemId)
      expect(item?.type).toBe(d.type)
      if (!item) continue
      const ids = item.type === 'judge' ? item.reasons.map((r) => r.id) : item.options.map((o) => o.id)
      const order = d.type === 'judge' ? d.reasonOrder : d.optionOrder
      expect([...order].sort()).toEqual([...ids].sort())
    }
  })

  it('is JSON-serialisable without loss', () => {
    const attempt = draw(bank, POST_TEST_BLUEPRINT, 'json')
    expect(JSON.parse(JSON.stringify(attempt))).toEqual(attempt)
  })

  it('represents every area in a 15-item post-test and a 6-item pre-test', () => {
    expect(areasOf(bank, draw(bank, POST_TEST_BLUEPRINT, 'a')).size).toBe(6)
    expect(areasOf(bank, draw(bank, PRE_TEST_BLUEPRINT, 'b')).size).toBe(6)
  })

  it('spreads the remaining slots evenly (15 over 6 areas: 2 or 3 each)', () => {
    const attempt = draw(bank, POST_TEST_BLUEPRINT, 'even')
    const counts = new Map<string, number>()
    for (const d of attempt.items) {
      const item = bank.itemById.get(d.itemId)
      if (item) counts.set(primaryArea(bank, item), (counts.get(primaryArea(bank, item)) ?? 0) + 1)
    }
    expect([...counts.values()].sort()).toEqual([2, 2, 2, 3, 3, 3])
  })

  it('mixes types, and difficulties as the course blueprint says (1 : 2 : 1)', () => {
    const attempt = draw(bank, POST_TEST_BLUEPRINT, 'mix')
    const items = attempt.items.map((d) => bank.itemById.get(d.itemId))
    expect(difficultiesOf(bank, attempt)).toEqual([4, 7, 4])
    expect(difficultiesOf(bank, draw(bank, PRE_TEST_BLUEPRINT, 'mix'))).toEqual([2, 3, 1])
    expect(new Set(items.map((i) => i?.type)).size).toBe(3)
  })

  it('without difficulty shares only mixes difficulties', () => {
    const byDifficulty = difficultiesOf(bank, draw(bank, { size: 15 }, 'plain'))
    expect(Math.max(...byDifficulty) - Math.min(...byDifficulty)).toBeLessThanOrEqual(2)
  })

  it('apportions slots by largest remainder', () => {
    expect(apportion(15, [1, 2, 1])).toEqual([4, 7, 4])
    expect(apportion(6, [0.25, 0.5, 0.25])).toEqual([2, 3, 1])
    expect(apportion(3, [1, 1, 1])).toEqual([1, 1, 1])
    expect(apportion(7, [0, 1, 0])).toEqual([0, 7, 0])
    expect(() => apportion(5, [0, 0, 0])).toThrow(DrawError)
  })

  it('does not depend on the order of the bank items', () => {
    const reversed = createBank([...bank.items].reverse(), COVERAGE)
    expect(draw(reversed, POST_TEST_BLUEPRINT, 'order')).toEqual(draw(bank, POST_TEST_BLUEPRINT, 'order'))
  })

  it('honours perAreaMin and explicit areas', () => {
    const attempt = draw(bank, { size: 12, perAreaMin: 2 }, 'min2')
    const counts = new Map<string, number>()
    for (const d of attempt.items) {
      const item = bank.itemById.get(d.itemId)
      if (item) counts.set(primaryArea(bank, item), (counts.get(primaryArea(bank, item)) ?? 0) + 1)
    }
    expect([...counts.values()]).toEqual([2, 2, 2, 2, 2, 2])
    const onlyAB = draw(bank, { size: 2, areas: ['A', 'B'] }, 'ab')
    expect(areasOf(bank, onlyAB)).toEqual(new Set(['A', 'B']))
  })

  it('skips areas without items by default', () => {
    const partial = syntheticBank([5, 5, 0, 5, 0, 5])
    const attempt = draw(partial, { size: 4 }, 'skip')
    expect(areasOf(partial, attempt)).toEqual(new Set(['A', 'B', 'D', 'F']))
  })

  it('throws DrawError with a clear message when the bank or blueprint cannot work', () => {
    const small = syntheticBank([2, 2, 0, 0, 0, 0])
    expect(() => draw(small, { size: 5 }, 's')).toThrow(DrawError)
    expect(() => draw(small, { size: 5 }, 's')).toThrow('the bank has 4 items but the blueprint asks for 5')
    expect(() => draw(bank, { size: 5, perAreaMin: 1 }, 's')).toThrow(/cannot represent 6 areas/)
    expect(() => draw(small, { size: 2, areas: ['C'] }, 's')).toThrow(/no item whose primary rule is in it/)
    expect(() => draw(small, { size: 2, areas: ['Z'] }, 's')).toThrow(/unknown area "Z"/)
    expect(() => draw(bank, { size: 0 }, 's')).toThrow(/size/)
    expect(() => draw(bank, { size: 2.5 }, 's')).toThrow(/size/)
    expect(() => draw(bank, { size: 6, perAreaMin: -1 }, 's')).toThrow(/perAreaMin/)
  })

  it('covers a seeded choice of areas, one item each, when a short form cannot cover them all', () => {
    const attempt = draw(bank, courseForm(4), 'short')
    expect(areasOf(bank, attempt).size).toBe(4)
    const others = new Set(Array.from({ length: 20 }, (_, i) => [...areasOf(bank, draw(bank, courseForm(4), `short-${i}`))].sort().join('')))
    expect(others.size).toBeGreaterThan(1)
  })

  it('can draw the whole bank', () => {
    const tiny = syntheticBank([1, 1, 1, 1, 1, 1])
    const attempt = draw(tiny, { size: 6 }, 'all')
    expect(new Set(attempt.items.map((d) => d.itemId))).toEqual(new Set(tiny.items.map((i) => i.id)))
  })

  describe('items out of service (excludedItemIds, decision 035)', () => {
    it('never draws an excluded item, whatever the seed, and still fills the blueprint', () => {
      const excluded = bank.items.filter((i) => primaryArea(bank, i) === 'A').slice(0, 4).map((i) => i.id)
      for (const seed of ['x1', 'x2', 'x3', 'x4', 'x5', 'x6']) {
        const attempt = draw(bank, POST_TEST_BLUEPRINT, seed, { excludedItemIds: excluded })
        expect(attempt.items).toHaveLength(15)
        expect(attempt.items.filter((d) => excluded.includes(d.itemId))).toEqual([])
        expect(areasOf(bank, attempt).size).toBe(6)
      }
    })

    it('draws as before when nothing is excluded, and refuses when too few items are left in service', () => {
      expect(draw(bank, POST_TEST_BLUEPRINT, 'same', { excludedItemIds: [] })).toEqual(draw(bank, POST_TEST_BLUEPRINT, 'same'))
      const allButTen = bank.items.slice(10).map((i) => i.id)
      expect(() => draw(bank, POST_TEST_BLUEPRINT, 'few', { excludedItemIds: allButTen })).toThrow(DrawError)
    })
  })

  describe('refresher (seenItemIds)', () => {
    it('prefers items not seen before', () => {
      const first = draw(bank, POST_TEST_BLUEPRINT, 'cycle-1')
      const seen = first.items.map((d) => d.itemId)
      const second = draw(bank, POST_TEST_BLUEPRINT, 'cycle-2', { seenItemIds: seen })
      expect(second.items.filter((d) => seen.includes(d.itemId))).toEqual([])
      const third = draw(bank, POST_TEST_BLUEPRINT, 'cycle-3', { seenItemIds: [...seen, ...second.items.map((d) => d.itemId)] })
      expect(third.items.filter((d) => seen.includes(d.itemId) || second.items.some((s) => s.itemId === d.itemId))).toEqual([])
    })

    it('falls back to seen items in an area without unseen ones, keeping the areas even', () => {
      const seen = bank.items.filter((i) => primaryArea(bank, i) !== 'F').map((i) => i.id)
      const attempt = draw(bank, POST_TEST_BLUEPRINT, 'fallback', { seenItemIds: seen })
      const unseenDrawn = attempt.items.filter((d) => !seen.includes(d.itemId))
      expect(attempt.items).toHaveLength(15)
      // F, the only area with unseen items, gets one of the three extra slots, not all ten.
      expect(unseenDrawn).toHaveLength(3)
      expect(areaCounts(bank, attempt).sort()).toEqual([2, 2, 2, 3, 3, 3])
    })

    it('still represents an area whose items were all seen, with its even share', () => {
      const seen = bank.items.filter((i) => primaryArea(bank, i) === 'C').map((i) => i.id)
      const attempt = draw(bank, POST_TEST_BLUEPRINT, 'c-seen', { seenItemIds: seen })
      expect(areasOf(bank, attempt).size).toBe(6)
      expect(attempt.items.filter((d) => seen.includes(d.itemId))).toHaveLength(2)
    })

    it('brings back the items seen longest ago first', () => {
      const areaA = bank.items.filter((i) => primaryArea(bank, i) === 'A').map((i) => i.id)
      const lastSeen = new Map<string, number>()
      areaA.slice(0, 5).forEach((id) => lastSeen.set(id, 2024))
      areaA.slice(5).forEach((id) => lastSeen.set(id, 2026))
      for (const seed of ['y1', 'y2', 'y3', 'y4']) {
        const drawnA = draw(bank, POST_TEST_BLUEPRINT, seed, { seenItemIds: lastSeen }).items.filter((d) => areaA.includes(d.itemId))
        expect(drawnA.length).toBeGreaterThanOrEqual(2)
        expect(drawnA.every((d) => lastSeen.get(d.itemId) === 2024)).toBe(true)
      }
    })
  })
})

describe('draw: properties', () => {
  const drawArb = bankArb(6, 40).chain((b) =>
    fc.record({
      bank: fc.constant(b),
      seed: fc.string({ maxLength: 30 }),
      size: fc.integer({ min: nonEmptyAreas(b).size, max: b.items.length }),
      seen: fc.subarray(b.items.map((i) => i.id)),
    }),
  )

  it('draws the same attempt for the same seed', () => {
    fc.assert(
      fc.property(drawArb, ({ bank: b, seed, size, seen }) => {
        expect(draw(b, { size }, seed, { seenItemIds: seen })).toEqual(draw(b, { size }, seed, { seenItemIds: [...seen] }))
      }),
      { numRuns: 200 },
    )
  })

  it('usually draws different attempts for different seeds', () => {
    let differ = 0
    const runs = 200
    fc.assert(
      fc.property(fc.string(), fc.string(), (s1, s2) => {
        fc.pre(s1 !== s2)
        const a = draw(bank, POST_TEST_BLUEPRINT, s1)
        const b = draw(bank, POST_TEST_BLUEPRINT, s2)
        if (JSON.stringify(a.items) !== JSON.stringify(b.items)) differ++
      }),
      { numRuns: runs },
    )
    expect(differ).toBeGreaterThanOrEqual(runs * 0.99)
  })

  it('represents every area that has items, with distinct items', () => {
    fc.assert(
      fc.property(drawArb, ({ bank: b, seed, size, seen }) => {
        const attempt = draw(b, { size }, seed, { seenItemIds: seen })
        expect(attempt.items).toHaveLength(size)
        expect(new Set(attempt.items.map((d) => d.itemId)).size).toBe(size)
        expect(areasOf(b, attempt)).toEqual(nonEmptyAreas(b))
      }),
      { numRuns: 300 },
    )
  })

  it('draws an item seen in a year only when its area has no unseen or earlier-seen item left', () => {
    const withYears = drawArb.chain((input) =>
      fc.record({ input: fc.constant(input), years: fc.array(fc.integer({ min: 2022, max: 2026 }), { minLength: input.seen.length, maxLength: input.seen.length }) }),
    )
    fc.assert(
      fc.property(withYears, fc.boolean(), ({ input: { bank: b, seed, size, seen }, years }, withShares) => {
        const lastSeen = new Map(seen.map((id, i) => [id, years[i]!]))
        const blueprint = withShares ? courseForm(size) : { size }
        const attempt = draw(b, blueprint, seed, { seenItemIds: lastSeen })
        const drawn = new Set(attempt.items.map((d) => d.itemId))
        const freshness = (id: string) => lastSeen.get(id) ?? 0
        for (const id of drawn) {
          const item = b.itemById.get(id)!
          const fresherLeft = b.items.filter(
            (other) => !drawn.has(other.id) && primaryArea(b, other) === primaryArea(b, item) && freshness(other.id) < freshness(id),
          )
          expect(fresherLeft).toEqual([])
        }
      }),
      { numRuns: 300 },
    )
  })

  it('spreads areas evenly (counts differ by at most one where the bank allows)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 6, max: 40 }), (seed, size) => {
        const counts = areaCounts(bank, draw(bank, courseForm(size), seed))
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
      }),
      { numRuns: 200 },
    )
  })

  it('meets the blueprint difficulty quotas exactly when the bank has enough fresh items of each', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 3, max: 30 }), (seed, size) => {
        expect(difficultiesOf(bank, draw(bank, courseForm(size), seed))).toEqual(apportion(size, [1, 2, 1]))
      }),
      { numRuns: 300 },
    )
    // A few items seen before (at most 8 of the 18 medium ones) leave enough unseen ones for a 15-item form.
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 3, max: 15 }), fc.subarray(bank.items.map((i) => i.id), { maxLength: 8 }), (seed, size, seen) => {
        expect(difficultiesOf(bank, draw(bank, courseForm(size), seed, { seenItemIds: seen }))).toEqual(apportion(size, [1, 2, 1]))
      }),
      { numRuns: 300 },
    )
  })
})
