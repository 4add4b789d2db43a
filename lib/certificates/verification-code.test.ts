import { describe, expect, it } from 'vitest'
import {
  VERIFICATION_CODE_BYTES,
  VERIFICATION_CODE_LENGTH,
  buildVerifyUrl,
  formatVerificationCodeForDisplay,
  isWellFormedVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
} from './verification-code'

describe('verification codes', () => {
  it('carries at least 80 random bits', () => {
    expect(VERIFICATION_CODE_BYTES * 8).toBeGreaterThanOrEqual(80)
    expect(VERIFICATION_CODE_LENGTH * 5).toBe(VERIFICATION_CODE_BYTES * 8)
  })

  it('produces well-formed, distinct codes using the whole alphabet', () => {
    const codes = new Set<string>()
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const code = newVerificationCode()
      expect(code).toHaveLength(24)
      expect(isWellFormedVerificationCode(code)).toBe(true)
      expect(code).not.toMatch(/[ilou]/)
      codes.add(code)
      for (const ch of code) seen.add(ch)
    }
    expect(codes.size).toBe(2000)
    expect(seen.size).toBe(32)
  })

  it('rejects malformed codes quickly', () => {
    for (const bad of ['', 'abc', '7k3m9qxdh2c4a8ty5nw0b6r', '7k3m9qxdh2c4a8ty5nw0b6rzz', '7K3M9QXDH2C4A8TY5NW0B6RZ', '7k3m9qxdh2c4a8ty5nw0b6ru', '7k3m-9qxd-h2c4-a8ty-5nw0-b6rz', '../../etc/passwd000000000']) {
      expect(isWellFormedVerificationCode(bad)).toBe(false)
    }
  })

  it('normalises typed input and formats for display', () => {
    const code = '7k3m9qxdh2c4a8ty5nw0b6rz'
    expect(formatVerificationCodeForDisplay(code)).toBe('7K3M-9QXD-H2C4-A8TY-5NW0-B6RZ')
    expect(normalizeVerificationCode('7K3M-9QXD-H2C4-A8TY-5NW0-B6RZ')).toBe(code)
    expect(normalizeVerificationCode(' 7k3m 9qxd h2c4 a8ty 5nwO b6rz ')).toBe(code) // O → 0
    expect(normalizeVerificationCode('Lk3m9qxdh2c4a8ty5nw0b6rz')).toBe('1k3m9qxdh2c4a8ty5nw0b6rz')
    expect(normalizeVerificationCode('hello')).toBeNull()
  })

  it('builds the verify URL on the public base URL', () => {
    const code = '7k3m9qxdh2c4a8ty5nw0b6rz'
    expect(buildVerifyUrl('https://bijak.example.go.id', code)).toBe(`https://bijak.example.go.id/verify/${code}`)
    expect(buildVerifyUrl('https://bijak.example.go.id/', code)).toBe(`https://bijak.example.go.id/verify/${code}`)
    expect(buildVerifyUrl('https://example.go.id/bbs/', code)).toBe(`https://example.go.id/bbs/verify/${code}`)
    expect(() => buildVerifyUrl('https://example.go.id', 'nope')).toThrow()
  })
})
