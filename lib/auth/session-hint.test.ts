import { describe, expect, it } from 'vitest'
import { hasSessionHint, sessionHintChange } from './session-hint'

describe('session hint', () => {
  it('follows the session cookie, changing the hint only when it differs', () => {
    expect(sessionHintChange(true, undefined)).toBe('set')
    expect(sessionHintChange(true, '0')).toBe('set')
    expect(sessionHintChange(true, '1')).toBeNull()
    expect(sessionHintChange(false, '1')).toBe('clear')
    expect(sessionHintChange(false, undefined)).toBeNull()
  })

  it('reads the hint from a cookie header', () => {
    expect(hasSessionHint('a=b; bbs-masuk=1')).toBe(true)
    expect(hasSessionHint('bbs-masuk=1')).toBe(true)
    expect(hasSessionHint('bbs-masuk=10; x=bbs-masuk=1x')).toBe(false)
    expect(hasSessionHint('')).toBe(false)
  })
})
