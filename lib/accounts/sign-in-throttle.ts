/**
 * Pure rules of the per-identifier sign-in throttle: after MAX_FAILURES wrong passwords for
 * one email or NIP within WINDOW_MS, sign-in for it is refused for LOCK_MS, from any address.
 */
export const MAX_FAILURES = 5
export const WINDOW_MS = 15 * 60 * 1000
export const LOCK_MS = 15 * 60 * 1000

export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null }

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now
}

/** The state after one more failed attempt. */
export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const windowExpired = !state || now.getTime() - state.windowStart.getTime() > WINDOW_MS
  const failures = windowExpired ? 1 : state.failures + 1
  return {
    failures,
    windowStart: windowExpired ? now : state.windowStart,
    lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null,
  }
}

/** Minutes left on a lock, rounded up, for the message. */
export function minutesLeft(state: ThrottleState, now: Date): number {
  return Math.max(1, Math.ceil(((state.lockedUntil?.getTime() ?? 0) - now.getTime()) / 60_000))
}
