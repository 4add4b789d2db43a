/**
 * Pure rules of the rate limiter (lib/rate-limit/limiter.server.ts applies them in one SQL
 * statement per hit). A counter per key counts hits in a fixed window; once `free` hits have been
 * made in the window, each further hit blocks the key for a delay that grows (or, for a plain
 * request limit, until the window ends). A hit on a blocked key is refused and changes nothing.
 */
export type LimitPolicy =
  | {
      kind: 'window'
      /** Hits allowed per window. */
      limit: number
      windowMs: number
    }
  | {
      kind: 'growing'
      /** Hits allowed before the first delay. */
      free: number
      /** The first delay; each further hit doubles it, up to maxDelayMs. */
      baseDelayMs: number
      maxDelayMs: number
      /** The count starts again this long after the window's first hit (when not blocked). */
      windowMs: number
    }

export type CounterState = { count: number; windowStart: number; blockedUntil: number }

/** Whether the key's window is over at `now`: the next hit starts a new window. */
export function windowExpired(state: CounterState, policy: LimitPolicy, now: number): boolean {
  return state.windowStart + policy.windowMs <= now
}

/** The threshold: the hit with this count is the last one allowed before a block. */
export function threshold(policy: LimitPolicy): number {
  return policy.kind === 'window' ? policy.limit : policy.free
}

/**
 * How long a key is blocked after the hit that brought it to `count`, for a growing policy:
 * 0 below `free`; at `free`, the base delay; then doubling up to the cap.
 */
export function delayAfter(count: number, policy: Extract<LimitPolicy, { kind: 'growing' }>): number {
  if (count < policy.free) return 0
  const doublings = count - policy.free
  // 2^31 overflows nothing here: the cap is reached long before.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(doublings, 30))
}

/**
 * The delays of a growing policy by count, from `free` until the cap: [count, delayMs][]. The SQL
 * statement writes them as a CASE ladder; any count past the last step gets the cap.
 */
export function delayLadder(policy: Extract<LimitPolicy, { kind: 'growing' }>): [number, number][] {
  const steps: [number, number][] = []
  for (let count = policy.free; ; count++) {
    const delay = delayAfter(count, policy)
    steps.push([count, delay])
    if (delay >= policy.maxDelayMs) return steps
  }
}

/**
 * The reference implementation of one hit (the SQL statement does exactly this, atomically):
 * `null` when the key is blocked at `now` (refused, nothing changes), else the new state.
 */
export function hit(state: CounterState | null, policy: LimitPolicy, now: number): CounterState | null {
  if (state && state.blockedUntil > now) return null
  const fresh = !state || windowExpired(state, policy, now)
  const count = fresh ? 1 : state.count + 1
  const windowStart = fresh ? now : state.windowStart
  return { count, windowStart, blockedUntil: blockedUntilAfter(count, windowStart, policy, now) }
}

/** When a key is blocked until after the hit that brought it to `count` (0: not blocked). */
export function blockedUntilAfter(count: number, windowStart: number, policy: LimitPolicy, now: number): number {
  if (policy.kind === 'window') return count >= policy.limit ? windowStart + policy.windowMs : 0
  const delay = delayAfter(count, policy)
  return delay > 0 ? now + delay : 0
}

/** Whole minutes (at least 1) until `until`, for "coba lagi dalam N menit". */
export function minutesUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 60_000))
}

/** "Coba lagi dalam 3 menit" / "dalam 40 detik" for a refusal message. */
export function retryPhrase(until: number, now: number): string {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000))
  if (seconds < 60) return `${seconds} detik`
  const minutes = minutesUntil(until, now)
  if (minutes < 120) return `${minutes} menit`
  return `${Math.ceil(minutes / 60)} jam`
}
