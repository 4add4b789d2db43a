import { describe, expect, it } from 'vitest'
import { formatDateTimeWib, formatFraction, formatLongDate, formatNumber, formatPercent, formatScore, formatShortDate } from './indonesian'

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

  it('writes a dash for a missing score', () => {
    expect(formatScore(null)).toBe('–')
    expect(formatScore(undefined)).toBe('–')
    expect(formatScore(Number.NaN)).toBe('–')
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

describe('formatNumber', () => {
  it('uses a decimal comma, a thousands point and at most one decimal', () => {
    expect(formatNumber(92.5)).toBe('92,5')
    expect(formatNumber(33.333)).toBe('33,3')
    expect(formatNumber(100)).toBe('100')
    expect(formatNumber(1250)).toBe('1.250')
    expect(formatNumber(100000)).toBe('100.000')
    expect(formatNumber(null)).toBe('–')
  })

  it('writes whole percentages', () => {
    expect(formatPercent(1, 3)).toBe('33%')
    expect(formatPercent(0, 0)).toBe('0%')
  })
})

describe('formatLongDate', () => {
  it('writes Indonesian long dates', () => {
    expect(formatLongDate(new Date('2026-11-21T03:00:00Z'))).toBe('21 November 2026')
    const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']
    months.forEach((month, i) => {
      expect(formatLongDate(new Date(Date.UTC(2027, i, 5, 5)))).toBe(`5 ${month} 2027`)
    })
  })

  it('uses the Asia/Jakarta (UTC+7) calendar day', () => {
    expect(formatLongDate(new Date('2026-11-20T16:59:59Z'))).toBe('20 November 2026')
    expect(formatLongDate(new Date('2026-11-20T17:00:00Z'))).toBe('21 November 2026')
    expect(formatLongDate(new Date('2026-12-31T17:30:00Z'))).toBe('1 Januari 2027')
    expect(formatShortDate(new Date('2026-12-31T17:30:00Z'))).toBe('1 Jan 2027')
  })

  it('rejects invalid dates', () => {
    expect(() => formatLongDate(new Date('nope'))).toThrow(RangeError)
  })
})

describe('formatFraction', () => {
  it('writes two decimals with a decimal comma; missing values as a dash', () => {
    expect(formatFraction(0.873)).toBe('0,87')
    expect(formatFraction(1)).toBe('1,00')
    expect(formatFraction(-0.054)).toBe('-0,05')
    expect(formatFraction(null)).toBe('–')
    expect(formatFraction(Number.NaN)).toBe('–')
  })
})
