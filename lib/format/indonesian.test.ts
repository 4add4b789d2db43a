import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatDateTimeWib,
  formatFraction,
  formatLoggedMomentWib,
  formatLongDate,
  formatNumber,
  formatPercent,
  formatScore,
  formatShortDate,
  formatTimeWib,
  isoDateWib,
  TIME_ZONE,
  wibDayAsUtcMidnight,
  yearWib,
} from './indonesian'

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

describe('WIB calendar days', () => {
  const intlDay = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })

  it('agrees with Intl in Asia/Jakarta (and with the certificate date)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const date = new Date(ms)
        const iso = isoDateWib(date)
        expect(iso).toBe(intlDay.format(date))
        expect(yearWib(date)).toBe(Number(iso.slice(0, 4)))
        expect(wibDayAsUtcMidnight(date).toISOString()).toBe(`${iso}T00:00:00.000Z`)
        const [, , day] = iso.split('-')
        expect(formatLongDate(date).startsWith(`${Number(day)} `)).toBe(true)
      }),
    )
  })

  it('rolls over at 17:00 UTC', () => {
    expect(isoDateWib(new Date('2026-11-20T16:59:59Z'))).toBe('2026-11-20')
    expect(isoDateWib(new Date('2026-11-20T17:00:00Z'))).toBe('2026-11-21')
    expect(yearWib(new Date('2026-12-31T17:30:00Z'))).toBe(2027)
  })

  it('rejects invalid dates', () => {
    expect(() => isoDateWib(new Date('nope'))).toThrow(RangeError)
    expect(() => wibDayAsUtcMidnight(new Date('nope'))).toThrow(RangeError)
  })
})

describe('times of day and logged moments (WIB)', () => {
  it('writes a deadline as hours.minutes WIB, whatever the server time zone', () => {
    expect(formatTimeWib(new Date('2026-11-21T07:05:00Z'))).toBe('14.05 WIB')
    expect(formatTimeWib(new Date('2026-11-21T17:00:00Z'))).toBe('00.00 WIB')
    expect(() => formatTimeWib(new Date('nope'))).toThrow(RangeError)
  })

  it('writes an audit moment to the second, with a short month', () => {
    expect(formatLoggedMomentWib(new Date('2026-05-05T07:03:07Z'))).toBe('5 Mei 2026 14.03.07 WIB')
    expect(formatLoggedMomentWib(new Date('2026-12-31T17:00:00Z'))).toBe('1 Jan 2027 00.00.00 WIB')
  })
})
