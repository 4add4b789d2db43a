/** How the worker treats failures (decision 032). Pure: the worker and its tests share it. */

/** Attempts before a temporary failure is given up as permanent. */
export const MAX_ATTEMPTS = 8
const BASE_DELAY_MS = 60_000
const MAX_DELAY_MS = 6 * 3_600_000

/** Wait before the next try after `attempts` tries: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20))
  return Math.min(BASE_DELAY_MS * 2 ** exponent, MAX_DELAY_MS)
}

export type FailureClass = { permanent: boolean; reason: string }

type SmtpLikeError = { responseCode?: unknown; code?: unknown; message?: unknown; response?: unknown }

/**
 * A 5xx reply from the SMTP server (unknown mailbox, refused sender, message rejected) will not
 * change by retrying: permanent. A 4xx reply (mailbox busy, greylisting, try later), a refused or
 * dropped connection and a timeout are temporary: retried with backoff.
 */
export function classifyFailure(error: unknown): FailureClass {
  const e = (error ?? {}) as SmtpLikeError
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined
  const code = typeof e.code === 'string' ? e.code : undefined
  const text = (typeof e.response === 'string' && e.response) || (typeof e.message === 'string' && e.message) || String(error)
  const reason = `${code ? `${code}: ` : ''}${text}`.replace(/\s+/g, ' ').slice(0, 500)
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600) return { permanent: true, reason }
  return { permanent: false, reason }
}

/** What a failed attempt leaves: give up, or try again at `nextAttemptAt`. */
export function afterFailure(error: unknown, attempts: number, now: Date): { status: 'failed' | 'pending'; nextAttemptAt: Date; lastError: string } {
  const failure = classifyFailure(error)
  if (failure.permanent) return { status: 'failed', nextAttemptAt: now, lastError: failure.reason }
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: now, lastError: `Menyerah setelah ${attempts} percobaan: ${failure.reason}` }
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError: failure.reason }
}
