import { describe, expect, it } from 'vitest'
import { afterFailure, backoffMs, classifyFailure, MAX_ATTEMPTS } from './retry'

const now = new Date('2027-01-01T00:00:00Z')

describe('classifyFailure', () => {
  it('treats 5xx replies as permanent and 4xx, connection errors and timeouts as temporary', () => {
    expect(classifyFailure({ responseCode: 550, code: 'EENVELOPE', response: '550 5.1.1 Mailbox unknown' })).toMatchObject({ permanent: true })
    expect(classifyFailure({ responseCode: 451, code: 'EENVELOPE', response: '451 4.7.1 Try again later' })).toMatchObject({ permanent: false })
    expect(classifyFailure({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:2525' })).toMatchObject({ permanent: false })
    expect(classifyFailure({ code: 'ETIMEDOUT', message: 'Greeting never received' })).toMatchObject({ permanent: false })
    expect(classifyFailure(new Error('boom'))).toMatchObject({ permanent: false, reason: 'boom' })
  })
})

describe('afterFailure', () => {
  it('backs off exponentially, capped', () => {
    expect(backoffMs(1)).toBe(60_000)
    expect(backoffMs(2)).toBe(120_000)
    expect(backoffMs(4)).toBe(480_000)
    expect(backoffMs(30)).toBe(6 * 3_600_000)
    expect(afterFailure({ responseCode: 421 }, 3, now)).toMatchObject({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 240_000) })
  })

  it('fails at once on a permanent error and after the last attempt on a temporary one', () => {
    expect(afterFailure({ responseCode: 553 }, 1, now).status).toBe('failed')
    expect(afterFailure({ responseCode: 451 }, MAX_ATTEMPTS, now)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('Menyerah') })
  })
})
