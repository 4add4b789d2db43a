import { describe, expect, it } from 'vitest'
import { itemChoices, keyedVerdict } from './item-choices'
import { syntheticBank } from './test-fixtures'

const bank = syntheticBank()

describe('itemChoices', () => {
  it('lists every option (reasons for a judge item) with how the key rates it', () => {
    for (const item of bank.items) {
      const choices = itemChoices(item)
      const source = item.type === 'judge' ? item.reasons : item.options
      expect(choices.map((c) => c.id)).toEqual(source.map((o) => o.id))
      if (item.type === 'single') expect(choices.filter((c) => c.key === 'terbaik')).toHaveLength(1)
      if (item.type === 'judge') {
        expect(choices.filter((c) => c.key === 'benar')).toHaveLength(1)
        expect(keyedVerdict(item)).toMatch(/diunggah$/)
      } else expect(keyedVerdict(item)).toBeNull()
    }
  })
})
