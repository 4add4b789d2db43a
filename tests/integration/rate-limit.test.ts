import { describe, expect, it } from 'vitest'
import { clientAddress, consumeRateLimit } from '@/lib/rate-limit/rate-limit.server'

describe('consumeRateLimit', () => {
  it('allows the limit within a window, refuses the next, and starts afresh after the window', async () => {
    const window = { limit: 3, windowMs: 400 }
    const results = []
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit('verify', '203.0.113.7', window))
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false])
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0)
    expect((await consumeRateLimit('verify', '203.0.113.8', window)).allowed).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 450))
    expect((await consumeRateLimit('verify', '203.0.113.7', window)).allowed).toBe(true)
  })

  it('takes the first forwarded address', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.4, 10.0.0.1' }))).toBe('198.51.100.4')
    expect(clientAddress(new Headers())).toBe('unknown')
  })
})
