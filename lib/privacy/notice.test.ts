import { describe, expect, it } from 'vitest'
import { mustAcceptNotice, PRIVACY_NOTICE_BASELINE, PRIVACY_NOTICE_VERSION } from './notice'

describe('mustAcceptNotice', () => {
  it('asks nobody who accepted the current version or a later one', () => {
    expect(mustAcceptNotice(PRIVACY_NOTICE_VERSION)).toBe(false)
    expect(mustAcceptNotice('2099-01-01')).toBe(false)
  })
  it('asks a person whose latest acceptance is older', () => {
    expect(mustAcceptNotice('2025-01-01')).toBe(true)
    expect(mustAcceptNotice('2026-12-02', '2027-03-01')).toBe(true)
  })
  it('treats no recorded acceptance as the baseline: asked once the version moves past it', () => {
    expect(mustAcceptNotice(null, PRIVACY_NOTICE_BASELINE)).toBe(false)
    expect(mustAcceptNotice(null, '2027-03-01')).toBe(true)
  })
})
