/**
 * Active reading time, recorded by the server from the lesson page's heartbeats (issue 10 §3,
 * docs/decisions/011-server-evidenced-lesson-completion.md). Pure: the caller passes the server's
 * `now`, so tests drive time explicitly.
 *
 * - The page sends a `start` heartbeat when it is opened or becomes visible again, and a `beat`
 *   every HEARTBEAT_INTERVAL_SECONDS while it stays visible (document.visibilityState).
 * - A `start` credits nothing: it only starts the clock (time while the page was hidden or
 *   closed is never counted).
 * - A `beat` credits the seconds that really passed on the server since the previous heartbeat
 *   of that lesson, at most MAX_CREDIT_PER_HEARTBEAT_SECONDS. Over any stretch of time the
 *   credit is therefore never more than the time that passed: sending heartbeats faster, or
 *   many at once, gains nothing.
 */

export const HEARTBEAT_INTERVAL_SECONDS = 15
/** The most one heartbeat can earn: the interval plus headroom for a slow network or timer. */
export const MAX_CREDIT_PER_HEARTBEAT_SECONDS = 20

export type HeartbeatKind = 'start' | 'beat'

/** Whole seconds one heartbeat earns, given the previous heartbeat of that lesson (or none). */
export function heartbeatCredit(previous: Date | null, now: Date, kind: HeartbeatKind): number {
  if (kind === 'start' || !previous) return 0
  const elapsed = Math.floor((now.getTime() - previous.getTime()) / 1000)
  if (!Number.isFinite(elapsed) || elapsed <= 0) return 0
  return Math.min(elapsed, MAX_CREDIT_PER_HEARTBEAT_SECONDS)
}

/**
 * The active reading time a lesson needs before it counts as complete: `sharePercent` of its
 * estimated minutes (frontmatter `minutes`), rounded up to whole seconds. 0 turns it off.
 */
export function requiredReadingSeconds(estimatedMinutes: number, sharePercent: number): number {
  if (!(estimatedMinutes > 0) || !(sharePercent > 0)) return 0
  return Math.ceil((estimatedMinutes * 60 * Math.min(sharePercent, 100)) / 100)
}

/** How much longer (whole minutes, at least 1) a learner must read, for the message they see. */
export function remainingReadingMinutes(activeSeconds: number, requiredSeconds: number): number {
  return Math.max(1, Math.ceil(Math.max(0, requiredSeconds - activeSeconds) / 60))
}

const MAX_SECTIONS = 100

/** Sections reached so far (ids in the order first reached), with the position the page just reported. */
export function addSectionReached(sections: readonly string[], position: string | null | undefined): string[] {
  if (!position || sections.includes(position) || sections.length >= MAX_SECTIONS) return [...sections]
  return [...sections, position]
}

/** Reads the stored JSON array of section ids defensively: anything else counts as none. */
export function parseSectionsReached(json: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]')
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string').slice(0, MAX_SECTIONS) : []
  } catch {
    return []
  }
}
