/**
 * The outbox's idempotency key: what kind of message, for whom, about what, and on which day
 * (Asia/Jakarta). Queuing the same key twice inserts nothing, so a retried request, a double
 * click or a second app instance never sends the message twice. Each kind chooses its subject
 * key: a cohort id for a reminder, a certificate number, a time window for a reset link.
 */
export function idempotencyKey(parts: { kind: string; userId: string; subject: string; at: Date }): string {
  for (const [name, value] of Object.entries({ kind: parts.kind, userId: parts.userId, subject: parts.subject })) {
    if (!value || value.includes('|')) throw new Error(`idempotency key: ${name} must be non-empty and contain no "|"`)
  }
  return [parts.kind, parts.userId, parts.subject, jakartaDate(parts.at)].join('|')
}

/** The calendar date in Asia/Jakarta (UTC+7, no daylight saving), YYYY-MM-DD. */
export function jakartaDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
}

/** The start of the `minutes`-long window that `at` falls in, as HH:MM in Asia/Jakarta. */
export function jakartaWindow(at: Date, minutes: number): string {
  const local = new Date(at.getTime() + 7 * 3_600_000)
  const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes()
  const start = Math.floor(minuteOfDay / minutes) * minutes
  return `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`
}
