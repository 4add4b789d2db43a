import { describe, expect, it } from 'vitest'
import { activityNeedsRefresh, sessionEndReason, verifiedSessionToken } from './session-timeouts'

const timeouts = { staffIdleMinutes: 30, staffAbsoluteHours: 12 }
const at = (iso: string) => new Date(`2027-03-01T${iso}:00+07:00`)
const session = (role: 'learner' | 'hr' | 'admin', created: string, active: string) => ({
  staff: role !== 'learner',
  createdAt: at(created),
  lastActiveAt: at(active),
  expiresAt: new Date(at(created).getTime() + 7 * 86_400_000),
})

describe('sessionEndReason', () => {
  it('ends HR and admin sessions after 30 idle minutes and 12 hours in all', () => {
    expect(sessionEndReason(session('hr', '08:00', '08:10'), timeouts, at('08:39'))).toBeNull()
    expect(sessionEndReason(session('hr', '08:00', '08:10'), timeouts, at('08:40'))).toBe('idle')
    expect(sessionEndReason(session('admin', '08:00', '19:50'), timeouts, at('19:59'))).toBeNull()
    expect(sessionEndReason(session('admin', '08:00', '19:50'), timeouts, at('20:00'))).toBe('absolute')
  })

  it("keeps a learner's session until better-auth's expiry", () => {
    expect(sessionEndReason(session('learner', '08:00', '08:00'), timeouts, at('23:00'))).toBeNull()
    const old = session('learner', '08:00', '08:00')
    expect(sessionEndReason(old, timeouts, new Date(old.expiresAt.getTime()))).toBe('expired')
  })
})

describe('activityNeedsRefresh', () => {
  it('writes the activity time at most once a minute', () => {
    expect(activityNeedsRefresh(at('08:00'), new Date(at('08:00').getTime() + 59_999))).toBe(false)
    expect(activityNeedsRefresh(at('08:00'), at('08:01'))).toBe(true)
  })
})

/** better-call's signCookieValue (not exported), the way it computes it: WebCrypto HMAC, btoa. */
async function signCookieValue(value: string, secret: string) {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(value))
  return encodeURIComponent(`${value}.${btoa(String.fromCharCode(...new Uint8Array(signature)))}`)
}

describe('verifiedSessionToken', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters'
  it("reads better-auth's signed token cookie and refuses a wrong signature", async () => {
    const cookie = await signCookieValue('AbCdEf0123456789AbCdEf0123456789', secret)
    expect(verifiedSessionToken(cookie, secret)).toBe('AbCdEf0123456789AbCdEf0123456789')
    expect(verifiedSessionToken(cookie, 'another-secret-of-at-least-thirty-two-chars')).toBeNull()
    expect(verifiedSessionToken('AbCdEf0123456789AbCdEf0123456789', secret)).toBeNull()
    expect(verifiedSessionToken('%E0%A4%A', secret)).toBeNull()
    expect(verifiedSessionToken(null, secret)).toBeNull()
  })
})
