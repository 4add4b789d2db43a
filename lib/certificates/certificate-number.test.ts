import { describe, expect, it } from 'vitest'
import { formatCertificateNumber, isCertificateNumber, parseCertificateNumber } from './certificate-number'

describe('certificate numbers', () => {
  it('formats year and zero-padded sequence', () => {
    expect(formatCertificateNumber(2026, 123)).toBe('BBS/2026/000123')
    expect(formatCertificateNumber(2027, 1)).toBe('BBS/2027/000001')
    expect(formatCertificateNumber(2026, 999_999)).toBe('BBS/2026/999999')
  })

  it('rejects out-of-range input', () => {
    expect(() => formatCertificateNumber(2026, 0)).toThrow(RangeError)
    expect(() => formatCertificateNumber(2026, 1_000_000)).toThrow(RangeError)
    expect(() => formatCertificateNumber(2026, 1.5)).toThrow(RangeError)
    expect(() => formatCertificateNumber(26, 1)).toThrow(RangeError)
  })

  it('parses what it formats', () => {
    for (const [y, s] of [[2026, 123], [2030, 1], [2099, 999_999]] as const) {
      expect(parseCertificateNumber(formatCertificateNumber(y, s))).toEqual({ year: y, sequence: s })
    }
    expect(parseCertificateNumber('  bbs/2026/000123 ')).toEqual({ year: 2026, sequence: 123 })
  })

  it('rejects malformed numbers', () => {
    for (const bad of ['', 'BBS/2026/123', 'BBS-2026-000123', 'XYZ/2026/000123', 'BBS/2026/000000', 'BBS/1999/000001', 'BBS/2026/0001234']) {
      expect(parseCertificateNumber(bad)).toBeNull()
      expect(isCertificateNumber(bad)).toBe(false)
    }
    expect(isCertificateNumber('BBS/2026/000123')).toBe(true)
  })
})
