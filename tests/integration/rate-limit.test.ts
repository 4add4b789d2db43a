import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { hit, type CounterState, type LimitPolicy } from '@/lib/rate-limit/limiter'
import { hitLimit, readLimit, refundHit } from '@/lib/rate-limit/limiter.server'
import { clientAddress, consumeRateLimit } from '@/lib/rate-limit/rate-limit.server'

const MIN = 60_000
const T0 = 1_800_000_000_000
const growing: LimitPolicy = { kind: 'growing', free: 5, baseDelayMs: MIN, maxDelayMs: 15 * MIN, windowMs: 24 * 60 * MIN }

describe('hitLimit (one INSERT … ON CONFLICT … RETURNING per hit)', () => {
  it('counts every one of 50 parallel hits exactly once', async () => {
    const policy: LimitPolicy = { kind: 'window', limit: 1000, windowMs: MIN }
    const results = await Promise.all(Array.from({ length: 50 }, () => hitLimit('test:parallel', policy, T0)))
    expect(results.every((result) => result.allowed)).toBe(true)
    expect(results.map((result) => (result.allowed ? result.count : 0)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(await readLimit('test:parallel')).toEqual({ count: 50, windowStart: T0, blockedUntil: 0 })
  })

  it('lets exactly `limit` of 50 parallel hits through a window limit', async () => {
    const policy: LimitPolicy = { kind: 'window', limit: 7, windowMs: MIN }
    const results = await Promise.all(Array.from({ length: 50 }, () => hitLimit('test:parallel-limit', policy, T0)))
    expect(results.filter((result) => result.allowed)).toHaveLength(7)
    expect(await readLimit('test:parallel-limit')).toEqual({ count: 7, windowStart: T0, blockedUntil: T0 + MIN })
  })

  it('agrees with the pure rules hit by hit, growing delays and window reset included', async () => {
    const times = [0, 1, 2, 3, 4, 5, MIN, MIN + 4, MIN + 5, 3 * MIN + 5, 3 * MIN + 6, 24 * 60 * MIN + 10 * MIN, 24 * 60 * MIN + 10 * MIN + 1].map((t) => T0 + t)
    let expected: CounterState | null = null
    for (const now of times) {
      const next = hit(expected, growing, now)
      const result = await hitLimit('test:growing', growing, now)
      expect(result.allowed, `hit at +${now - T0} ms`).toBe(next !== null)
      if (next) expected = next
      expect(await readLimit('test:growing')).toEqual(expected)
    }
  })

  it('gives back a hit that turned out to be a success, clearing a block it caused', async () => {
    const policy: LimitPolicy = { kind: 'window', limit: 2, windowMs: MIN }
    await hitLimit('test:refund', policy, T0)
    expect((await hitLimit('test:refund', policy, T0)).allowed).toBe(true)
    expect((await hitLimit('test:refund', policy, T0)).allowed).toBe(false)
    await refundHit('test:refund', 2)
    expect(await readLimit('test:refund')).toEqual({ count: 1, windowStart: T0, blockedUntil: 0 })
    expect((await hitLimit('test:refund', policy, T0)).allowed).toBe(true)
  })

  it('keeps keys apart', async () => {
    const policy: LimitPolicy = { kind: 'window', limit: 1, windowMs: MIN }
    expect((await hitLimit('test:a', policy, T0)).allowed).toBe(true)
    expect((await hitLimit('test:a', policy, T0)).allowed).toBe(false)
    expect((await hitLimit('test:b', policy, T0)).allowed).toBe(true)
    expect(await db.rateLimitCounter.count({ where: { key: { startsWith: 'test:' } } })).toBeGreaterThan(2)
  })
})

describe('consumeRateLimit', () => {
  it('refuses over the limit with the seconds to wait', async () => {
    const policy: LimitPolicy = { kind: 'window', limit: 3, windowMs: MIN }
    const results = []
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit('verify', '203.0.113.7', policy))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0)
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect((await consumeRateLimit('verify', '203.0.113.8', policy)).allowed).toBe(true)
  })
})

describe('clientAddress', () => {
  // Behaviour changed on purpose (issue 10): the first forwarded hop is whatever the client wrote.
  it('takes the socket peer (right-most entry) when no proxy is trusted', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.4, ::ffff:10.0.0.1' }))).toBe('10.0.0.1')
    expect(clientAddress(new Headers())).toBe('unknown')
  })
})
