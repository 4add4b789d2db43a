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
