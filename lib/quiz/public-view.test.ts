import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBank } from './bank'
import { draw } from './draw'
import { AttemptError } from './errors'
import { toPublicItems } from './public-view'
import { bankArb, COVERAGE, judgeItem, multiItem, singleItem } from './test-fixtures'
import type { Attempt } from './types'

const bank = createBank(
  [singleItem('s', ['a1'], [0, 1, 0.5]), multiItem('m', ['b1']), judgeItem('j', ['c1'], 'tidak', 2, 4)],
  COVERAGE,
)
const attempt: Attempt = {
  version: 1,
  seed: 'x',
  items: [
    { itemId: 'j', type: 'judge', reasonOrder: ['r3', 'r1', 'r0', 'r2'] },
    { itemId: 's', type: 'single', optionOrder: ['c', 'a', 'b'] },
    { itemId: 'm', type: 'multi', optionOrder: ['d', 'c', 'b', 'a'] },
  ],
}

describe('toPublicItems', () => {
  it('shows items in attempt order and options in drawn order', () => {
    const items = toPublicItems(bank, attempt)
    expect(items).toEqual([
      {
        itemId: 'j',
        type: 'judge',
        stem: 'Stem j',
        post: { platform: 'Instagram', author: 'rina.pns', text: 'Post j', time: '21.10' },
        verdicts: ['ya', 'tidak'],
        reasons: [
          { id: 'r3', text: 'Reason 3 of j' },
          { id: 'r1', text: 'Reason 1 of j' },
          { id: 'r0', text: 'Reason 0 of j' },
          { id: 'r2', text: 'Reason 2 of j' },
        ],
      },
      {
        itemId: 's',
        type: 'single',
        stem: 'Stem s',
        options: [
          { id: 'c', text: 'Option 2 of s' },
          { id: 'a', text: 'Option 0 of s' },
          { id: 'b', text: 'Option 1 of s' },
        ],
      },
      {
        itemId: 'm',
        type: 'multi',
        stem: 'Stem m',
        options: [
          { id: 'd', text: 'Option 3 of m' },
          { id: 'c', text: 'Option 2 of m' },
          { id: 'b', text: 'Option 1 of m' },
          { id: 'a', text: 'Option 0 of m' },
        ],
      },
    ])
  })

  it('omits the post time when the item has none', () => {
    const base = judgeItem('k', ['a1'])
    if (base.type !== 'judge') throw new Error('judge expected')
    const { time: _time, ...post } = base.post
    const b = createBank([{ ...base, post }], COVERAGE)
    const [item] = toPublicItems(b, { version: 1, seed: 'x', items: [{ itemId: 'k', type: 'judge', reasonOrder: ['r0', 'r1', 'r2'] }] })
    expect(item?.type === 'judge' && item.post).toEqual({ platform: 'Instagram', author: 'rina.pns', text: 'Post k' })
  })

  it('never leaks credits, correct flags, verdicts, explanations, rules, sources or difficulty', () => {
    fc.assert(
      fc.property(bankArb(6, 25), fc.string(), (b, seed) => {
        const a = draw(b, { size: b.items.length, perAreaMin: 0 }, seed)
        const json = JSON.stringify(toPublicItems(b, a))
        for (const key of ['credit', 'correct', '"verdict"', 'explanation', 'Explanation', 'rules', 'sources', 'difficulty']) {
          expect(json).not.toContain(key)
        }
        for (const item of JSON.parse(json) as Record<string, unknown>[]) {
          const keys = Object.keys(item).sort()
          expect(keys).toEqual(item.type === 'judge' ? ['itemId', 'post', 'reasons', 'stem', 'type', 'verdicts'] : ['itemId', 'options', 'stem', 'type'])
        }
      }),
      { numRuns: 100 },
    )
  })

  it('refuses an attempt that no longer fits the bank', () => {
    expect(() => toPublicItems(bank, { version: 1, seed: 'x', items: [{ itemId: 's', type: 'single', optionOrder: ['a', 'b'] }] })).toThrow(AttemptError)
    expect(() => toPublicItems(bank, { version: 1, seed: 'x', items: [{ itemId: 'gone', type: 'single', optionOrder: [] }] })).toThrow(/not in the bank/)
  })
})
