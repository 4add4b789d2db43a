import { describe, expect, it } from 'vitest'
import { createBank } from './bank'
import { toResultView } from './result-view'
import { score } from './score'
import { COVERAGE, judgeItem, multiItem, singleItem } from './test-fixtures'
import type { Attempt } from './types'

const bank = createBank([singleItem('s1', ['a1']), multiItem('m1', ['b1']), judgeItem('j1', ['c1'], 'tidak', 0)], COVERAGE)
const attempt: Attempt = {
  version: 1,
  seed: 'x',
  items: [
    { itemId: 's1', type: 'single', optionOrder: ['a', 'b', 'c', 'd'] },
    { itemId: 'm1', type: 'multi', optionOrder: ['a', 'b', 'c', 'd'] },
    { itemId: 'j1', type: 'judge', reasonOrder: ['r0', 'r1', 'r2'] },
  ],
}
// Wrong on every item: the key is what the learner did not pick.
const result = score(bank, attempt, { s1: { optionId: 'c' }, m1: { optionIds: ['c'] }, j1: { verdict: 'ya', reasonId: 'r1' } })

describe('result view', () => {
  it('before a pass: right or wrong, the learner answer, rules and sources, but no key and no explanation', () => {
    const view = toResultView(bank, result, { reveal: false })
    expect(view.keyRevealed).toBe(false)
    expect(view.items.map((item) => item.outcome)).toEqual(['none', 'none', 'none'])
    expect(view.items[0]).toEqual({
      itemId: 's1',
      stem: 'Stem s1',
      outcome: 'none',
      yourAnswer: 'Option 2 of s1',
      rules: ['a1'],
      sources: ['src-000'],
      revealed: null,
      withdrawn: false,
    })
    const text = JSON.stringify(view)
    for (const key of ['Option 0 of s1', 'Option 1 of s1', 'Option 0 of m1', 'Option 1 of m1', 'Reason 0 of j1', 'Tidak boleh diunggah']) {
      expect(text).not.toContain(key)
    }
    expect(text).not.toContain('Explanation')
    expect(view).not.toHaveProperty('items.0.explanation')
    expect(view.total).toBe(result.total)
  })

  it('after a pass: the best answer and the explanation too', () => {
    const view = toResultView(bank, result, { reveal: true })
    expect(view.items.map((item) => item.revealed)).toEqual([
      { bestAnswer: 'Option 0 of s1', explanation: 'Explanation s1' },
      { bestAnswer: 'Option 0 of m1; Option 1 of m1', explanation: 'Explanation m1' },
      { bestAnswer: 'Tidak boleh diunggah — Reason 0 of j1', explanation: 'Explanation j1' },
    ])
    expect(view.items[2]!.yourAnswer).toBe('Boleh diunggah — Reason 1 of j1')
  })
})

describe('per-area table of a result', () => {
  // Items touching several areas: s2 a1+b1+c1, m2 b2+a2, j2 c1+a3+b3, s3 a2 (primary areas A, B, C, A).
  const multiBank = createBank(
    [singleItem('s2', ['a1', 'b1', 'c1']), multiItem('m2', ['b2', 'a2']), judgeItem('j2', ['c1', 'a3', 'b3'], 'tidak', 0), singleItem('s3', ['a2'])],
    COVERAGE,
  )
  const multiAttempt: Attempt = {
    version: 1,
    seed: 'y',
    items: [
      { itemId: 's2', type: 'single', optionOrder: ['a', 'b', 'c', 'd'] },
      { itemId: 'm2', type: 'multi', optionOrder: ['a', 'b', 'c', 'd'] },
      { itemId: 'j2', type: 'judge', reasonOrder: ['r0', 'r1', 'r2'] },
      { itemId: 's3', type: 'single', optionOrder: ['a', 'b', 'c', 'd'] },
    ],
  }
  // s2 right (1), m2 wrong (0), j2 right (1), s3 acceptable (0.5).
  const scored = score(multiBank, multiAttempt, {
    s2: { optionId: 'a' },
    m2: { optionIds: ['c'] },
    j2: { verdict: 'tidak', reasonId: 'r0' },
    s3: { optionId: 'b' },
  })

  it('counts each item once, under the area of its primary rule, so the counts add up to the questions (issue 11)', () => {
    const view = toResultView(multiBank, scored, { reveal: false })
    expect(view.byMainArea).toEqual([
      { area: 'A', score: 75, itemCount: 2 },
      { area: 'B', score: 0, itemCount: 1 },
      { area: 'C', score: 100, itemCount: 1 },
    ])
    expect(view.byMainArea.reduce((sum, area) => sum + area.itemCount, 0)).toBe(multiAttempt.items.length)
    // The every-area breakdown counts items several times (4 items, 9 area counts): not for this table.
    expect(scored.byArea.reduce((sum, area) => sum + area.itemCount, 0)).toBe(9)
  })

  it('marks a withdrawn item and leaves it out of the per-area table (decision 035)', () => {
    const view = toResultView(multiBank, scored, { reveal: false, withdrawn: new Set(['m2']) })
    expect(view.items.map((item) => [item.itemId, item.withdrawn])).toEqual([
      ['s2', false],
      ['m2', true],
      ['j2', false],
      ['s3', false],
    ])
    expect(view.byMainArea).toEqual([
      { area: 'A', score: 75, itemCount: 2 },
      { area: 'C', score: 100, itemCount: 1 },
    ])
  })
})
