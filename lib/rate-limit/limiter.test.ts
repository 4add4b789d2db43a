import { describe, expect, it } from 'vitest'
import { blockedUntilAfter, delayAfter, delayLadder, hit, retryPhrase, type CounterState, type LimitPolicy } from './limiter'

const MIN = 60_000
const growing: Extract<LimitPolicy, { kind: 'growing' }> = { kind: 'growing', free: 5, baseDelayMs: MIN, maxDelayMs: 15 * MIN, windowMs: 24 * 60 * MIN }
const window: LimitPolicy = { kind: 'window', limit: 3, windowMs: MIN }

/** Hits at the given times; null for a refused hit. */
function run(policy: LimitPolicy, times: number[]) {
  let state: CounterState | null = null
  return times.map((now) => {
    const next = hit(state, policy, now)
    if (next) state = next
    return next
  })
}

describe('growing delays', () => {
  it('allows `free` hits, then 1, 2, 4, 8 minutes, capped', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 20].map((count) => delayAfter(count, growing) / MIN)).toEqual([0, 1, 2, 4, 8, 15, 15, 15])
    expect(delayLadder(growing).map(([count, delay]) => [count, delay / MIN])).toEqual([[5, 1], [6, 2], [7, 4], [8, 8], [9, 15]])
  })

  it('refuses a hit while blocked, without counting it or extending the block', () => {
    const results = run(growing, [0, 1, 2, 3, 4, 5, MIN - 1, 4 + MIN])
    expect(results.slice(0, 5).map((state) => state?.count)).toEqual([1, 2, 3, 4, 5])
    expect(results[4]?.blockedUntil).toBe(4 + MIN)
    expect(results[5]).toBeNull()
    expect(results[6]).toBeNull()
    // After the first minute: counted as the 6th, blocked for 2 minutes.
    expect(results[7]).toEqual({ count: 6, windowStart: 0, blockedUntil: 4 + MIN + 2 * MIN })
  })

  it('starts again once the window is over and the key is not blocked', () => {
    const results = run(growing, [0, 1, 2, growing.windowMs + 10])
    expect(results[3]).toEqual({ count: 1, windowStart: growing.windowMs + 10, blockedUntil: 0 })
  })
})

describe('fixed window', () => {
  it('allows `limit` hits per window and blocks until the window ends', () => {
    const results = run(window, [0, 10, 20, 30, MIN - 1, MIN])
    expect(results.map((state) => state?.count ?? null)).toEqual([1, 2, 3, null, null, 1])
    expect(results[2]?.blockedUntil).toBe(MIN)
    expect(blockedUntilAfter(2, 0, window, 20)).toBe(0)
  })
})

describe('retryPhrase', () => {
  it('says seconds, minutes or hours in Bahasa Indonesia', () => {
    expect(retryPhrase(40_000, 0)).toBe('40 detik')
    expect(retryPhrase(90_000, 0)).toBe('2 menit')
    expect(retryPhrase(3 * 60 * MIN, 0)).toBe('3 jam')
  })
})
