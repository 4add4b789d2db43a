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

/**
 * The key of a weekly message (the HR digest): kind, person, subject and the ISO week in
 * Asia/Jakarta (e.g. 2027-W11) instead of the date, so every tick of that week finds it queued.
 */
export function weeklyIdempotencyKey(parts: { kind: string; userId: string; subject: string; at: Date }): string {
  // The same checks as a daily key; its date is then replaced by the week.
  const daily = idempotencyKey(parts)
  return `${daily.slice(0, daily.lastIndexOf('|'))}|${jakartaIsoWeek(parts.at)}`
}

/** The ISO 8601 week (Monday to Sunday) of the Jakarta calendar date of `at`, as YYYY-Www. */
export function jakartaIsoWeek(at: Date): string {
  const day = new Date(`${jakartaDate(at)}T00:00:00Z`)
  const weekday = day.getUTCDay() || 7 // Monday 1 … Sunday 7
  // The Thursday of this week decides the ISO year.
  const thursday = new Date(day.getTime() + (4 - weekday) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** Monday to Sunday (1–7) and the hour (0–23) in Asia/Jakarta. */
export function jakartaWeekdayAndHour(at: Date): { weekday: number; hour: number } {
  const local = new Date(at.getTime() + 7 * 3_600_000)
  return { weekday: local.getUTCDay() || 7, hour: local.getUTCHours() }
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
