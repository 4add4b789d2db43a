import { describe, expect, it } from 'vitest'
import { bearerMatches } from './metrics-token'
import { createMetrics } from './metrics'

describe('createMetrics', () => {
  it('counts requests by method, route and status, and observes their durations by route', async () => {
    const metrics = createMetrics({ readOutbox: async () => ({ counts: {}, oldestPendingSeconds: null }) })
    metrics.observeRequest('GET', '/verify/[code]', 200, 0.012)
    metrics.observeRequest('GET', '/verify/[code]', 200, 0.3)
    metrics.observeRequest('BREW', '/', 405, 0.001)
    const text = await metrics.registry.metrics()
    expect(text).toContain('bbs_http_requests_total{method="GET",route="/verify/[code]",status="200"} 2')
    expect(text).toContain('bbs_http_requests_total{method="OTHER",route="/",status="405"} 1')
    expect(text).toContain('bbs_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/verify/[code]"} 1')
    expect(text).toContain('bbs_http_request_duration_seconds_count{method="GET",route="/verify/[code]"} 2')
  })

  it('reads the outbox once per scrape for its three gauges, and reports a failed read without stale figures', async () => {
    let reads = 0
    let fail = false
    const errors: unknown[] = []
    const metrics = createMetrics({
      readOutbox: async () => {
        reads++
        if (fail) throw new Error('database unreachable')
        return { counts: { pending: 3, sent: 7 }, oldestPendingSeconds: 42 }
      },
      onReadError: (error) => errors.push(error),
    })
    const first = await metrics.registry.metrics()
    expect(reads).toBe(1)
    for (const expected of ['bbs_outbox_messages{status="pending"} 3', 'bbs_outbox_messages{status="sent"} 7', 'bbs_outbox_messages{status="failed"} 0', 'bbs_outbox_messages{status="expired"} 0', 'bbs_outbox_oldest_pending_seconds 42', 'bbs_outbox_read_ok 1'])
      expect(first).toContain(expected)
    fail = true
    const second = await metrics.registry.metrics()
    expect(reads).toBe(2)
    expect(errors).toHaveLength(1)
    expect(second).toContain('bbs_outbox_read_ok 0')
    expect(second).not.toContain('bbs_outbox_messages{')
    // (A gauge without labels always prints a value: 0 here, to be read with read_ok.)
    expect(second).toContain('bbs_outbox_oldest_pending_seconds 0')
  })
})

describe('bearerMatches', () => {
  const token = 'a-metrics-token-of-some-length'
  it('accepts only "Bearer <the token>"', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true)
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true)
    for (const header of [null, '', token, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`, 'Bearer ', `Bearer ${token} extra`]) expect(bearerMatches(header, token)).toBe(false)
  })
})
