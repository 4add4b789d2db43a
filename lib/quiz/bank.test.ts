import { describe, expect, it } from 'vitest'
import { createBank, primaryArea } from './bank'
import { BankError } from './errors'
import { COVERAGE, singleItem } from './test-fixtures'

describe('createBank', () => {
  it('indexes items and rule areas', () => {
    const bank = createBank([singleItem('x', ['c2', 'a1'])], COVERAGE)
    expect(bank.itemById.get('x')?.id).toBe('x')
    expect(bank.areaOfRule.get('c2')).toBe('C')
    const item = bank.itemById.get('x')
    if (item) expect(primaryArea(bank, item)).toBe('C')
  })

  it('throws BankError on duplicate ids, unknown rules and unknown areas', () => {
    expect(() => createBank([singleItem('x', ['a1']), singleItem('x', ['a2'])], COVERAGE)).toThrow(BankError)
    expect(() => createBank([singleItem('x', ['nope'])], COVERAGE)).toThrow(/unknown rule "nope"/)
    expect(() => createBank([], { areas: [{ id: 'A' }], rules: [{ id: 'r', area: 'Q' }] })).toThrow(/unknown area "Q"/)
  })
})
