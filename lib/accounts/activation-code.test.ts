import { describe, expect, it } from 'vitest'
import { activationCodeMatches, hashActivationCode, newActivationCode } from './activation-code'

describe('activation codes', () => {
  it('are 10 unambiguous characters in two groups, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newActivationCode()))
    expect(codes.size).toBe(200)
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
  })

  it('match what people type: any case, with or without the dash, O for 0 and I or L for 1', () => {
    const stored = hashActivationCode('0AB1C-DE2FG')
    expect(activationCodeMatches('oab1c de2fg', stored)).toBe(true)
    expect(activationCodeMatches('0ABIC-DE2FG', stored)).toBe(true)
    expect(activationCodeMatches('0ABLCDE2FG', stored)).toBe(true)
    expect(activationCodeMatches('0AB1C-DE2FH', stored)).toBe(false)
    expect(activationCodeMatches('', stored)).toBe(false)
  })
})
