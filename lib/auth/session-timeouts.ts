import { createHmac, timingSafeEqual } from 'node:crypto'

/** Session.lastActiveAt is written at most this often (one conditional UPDATE per minute per session). */
export const ACTIVITY_REFRESH_MS = 60_000

/** `staff`: the person holds a capability (HR, unit, admin), so staff timeouts apply. */
export type SessionTimes = { staff: boolean; createdAt: Date; lastActiveAt: Date; expiresAt: Date }
export type StaffTimeouts = { staffIdleMinutes: number; staffAbsoluteHours: number }

/**
 * Why a stored session no longer counts at `now`, or null when it does. Everyone: better-auth's
 * expiry (7 days for learners). Anyone holding a capability (decision 037) also: idle and absolute timeouts (settings).
 */
export function sessionEndReason(session: SessionTimes, timeouts: StaffTimeouts, now: Date): 'expired' | 'idle' | 'absolute' | null {
  if (session.expiresAt.getTime() <= now.getTime()) return 'expired'
  if (!session.staff) return null
  if (now.getTime() - session.createdAt.getTime() >= timeouts.staffAbsoluteHours * 3_600_000) return 'absolute'
  if (now.getTime() - session.lastActiveAt.getTime() >= timeouts.staffIdleMinutes * 60_000) return 'idle'
  return null
}

export function activityNeedsRefresh(lastActiveAt: Date, now: Date): boolean {
  return now.getTime() - lastActiveAt.getTime() >= ACTIVITY_REFRESH_MS
}

/**
 * The session token from better-auth's signed session cookie (`<token>.<base64 HMAC-SHA256>`,
 * URL-encoded, as better-call's signCookieValue writes it), or null when the signature is wrong.
 */
export function verifiedSessionToken(cookieValue: string | null | undefined, secret: string): string | null {
  if (!cookieValue) return null
  let value: string
  try {
    value = decodeURIComponent(cookieValue)
  } catch {
    return null
  }
  const dot = value.lastIndexOf('.')
  if (dot <= 0) return null
  const token = value.slice(0, dot)
  const given = Buffer.from(value.slice(dot + 1))
  const expected = Buffer.from(createHmac('sha256', secret).update(token).digest('base64'))
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null
}
