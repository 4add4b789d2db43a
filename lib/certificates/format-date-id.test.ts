import { describe, expect, it } from 'vitest'
import { formatDateId, formatNumberId } from './format-date-id'

describe('formatDateId', () => {
  it('writes Indonesian long dates', () => {
    expect(formatDateId(new Date('2026-11-21T03:00:00Z'))).toBe('21 November 2026')
    const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']
    months.forEach((month, i) => {
      expect(formatDateId(new Date(Date.UTC(2027, i, 5, 5)))).toBe(`5 ${month} 2027`)
    })
  })

  it('uses the Asia/Jakarta (UTC+7) calendar day', () => {
    expect(formatDateId(new Date('2026-11-20T16:59:59Z'))).toBe('20 November 2026')
    expect(formatDateId(new Date('2026-11-20T17:00:00Z'))).toBe('21 November 2026')
    expect(formatDateId(new Date('2026-12-31T17:30:00Z'))).toBe('1 Januari 2027')
  })

  it('rejects invalid dates', () => {
    expect(() => formatDateId(new Date('nope'))).toThrow(RangeError)
  })
})

describe('formatNumberId', () => {
  it('uses a decimal comma', () => {
    expect(formatNumberId(92.5)).toBe('92,5')
    expect(formatNumberId(100)).toBe('100')
    expect(formatNumberId(2)).toBe('2')
  })
})
