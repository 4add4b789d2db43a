import { describe, expect, it } from 'vitest'
import { afterFailure, isLocked, LOCK_MS, MAX_FAILURES, minutesLeft, WINDOW_MS } from './sign-in-throttle'

const t0 = new Date('2026-11-21T08:00:00Z')
const later = (ms: number) => new Date(t0.getTime() + ms)

describe('sign-in throttle', () => {
  it('locks after MAX_FAILURES failures within the window, for LOCK_MS', () => {
    let state = null as ReturnType<typeof afterFailure> | null
    for (let i = 1; i < MAX_FAILURES; i++) {
      state = afterFailure(state, later(i * 1000))
      expect(isLocked(state, later(i * 1000))).toBe(false)
    }
    state = afterFailure(state, later(MAX_FAILURES * 1000))
    expect(isLocked(state, later(MAX_FAILURES * 1000 + 1))).toBe(true)
    expect(minutesLeft(state, later(MAX_FAILURES * 1000))).toBe(LOCK_MS / 60_000)
    expect(isLocked(state, later(MAX_FAILURES * 1000 + LOCK_MS + 1))).toBe(false)
  })

  it('starts counting afresh once the window has passed', () => {
    let state = afterFailure(null, t0)
    for (let i = 0; i < MAX_FAILURES - 2; i++) state = afterFailure(state, later(1000))
    const fresh = afterFailure(state, later(WINDOW_MS + 2000))
    expect(fresh.failures).toBe(1)
    expect(fresh.lockedUntil).toBeNull()
  })
})
