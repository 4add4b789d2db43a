import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TIME_ZONE, formatLongDate } from '@/lib/format/indonesian'
import { isoDateWib, looksLikeFormula, neutralizeCell, wibDayAsUtcMidnight, yearWib } from './cell-values'

describe('neutralizeCell', () => {
  it('prefixes formula-like text with an apostrophe', () => {
    expect(neutralizeCell('=HYPERLINK("http://evil.example","klik")')).toBe('\'=HYPERLINK("http://evil.example","klik")')
    expect(neutralizeCell('+62 812 3456')).toBe("'+62 812 3456")
    expect(neutralizeCell('-1+1')).toBe("'-1+1")
    expect(neutralizeCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)")
    expect(neutralizeCell('\t=1+1')).toBe("'\t=1+1")
    expect(neutralizeCell('\r=1+1')).toBe("'\r=1+1")
    expect(neutralizeCell('  =1+1')).toBe("'  =1+1")
    expect(neutralizeCell('\uFF1D1+1')).toBe("'\uFF1D1+1")
  })

  it('leaves ordinary text alone, apostrophes and Indonesian names included', () => {
    for (const text of [
      "Muh. Ma'ruf O'Neil, S.H.",
      'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.',
      'BBS/2026/000123',
      '198609262015052001',
      'a=b',
      'Biro Umum - Bagian TU',
      '',
    ]) {
      expect(neutralizeCell(text)).toBe(text)
      expect(looksLikeFormula(text)).toBe(false)
    }
  })

  it('never leaves a formula trigger first, and only ever adds one apostrophe', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = neutralizeCell(text)
        expect(out === text || out === `'${text}`).toBe(true)
        expect(looksLikeFormula(out)).toBe(false)
      }),
    )
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
