import { describe, expect, it } from 'vitest'
import { formatDateTimeWib, formatScore } from './indonesian'

describe('formatScore', () => {
  it.each([
    [33.3, '33,3'],
    [33.333, '33,3'],
    [80, '80,0'],
    [100, '100,0'],
    [0, '0,0'],
    [92.5, '92,5'],
  ])('%s → %s', (value, text) => {
    expect(formatScore(value)).toBe(text)
  })

  it('refuses what is not a number', () => {
    expect(() => formatScore(Number.NaN)).toThrow(RangeError)
  })
})

describe('formatDateTimeWib', () => {
  it('shows the moment in Jakarta time, Indonesian style', () => {
    expect(formatDateTimeWib(new Date('2026-11-21T07:05:00Z'))).toBe('21 November 2026 pukul 14.05 WIB')
  })
  it('moves to the next day in WIB after 17:00 UTC', () => {
    expect(formatDateTimeWib(new Date('2026-12-31T17:30:00Z'))).toBe('1 Januari 2027 pukul 00.30 WIB')
  })
})
