import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { looksLikeFormula, neutralizeCell } from './cell-values'

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
