/**
 * The follow-up 30 days after passing (issue 14, decision 048): five questions from the bank for
 * retrieval practice. Plain functions: the drawing, the day arithmetic and the result summary.
 */
import { courseForm, draw } from '@/lib/quiz/draw'
import type { Attempt, Bank } from '@/lib/quiz/types'

/** Questions in a follow-up. */
export const FOLLOW_UP_SIZE = 5
/** Jakarta days after the pass that the follow-up is offered. */
export const FOLLOW_UP_AFTER_DAYS = 30
/**
 * Days a late scheduler may still offer it: passes up to this many days older than 30 are offered
 * by the next tick (an outage of the app over a day loses nobody's follow-up), never twice.
 */
export const FOLLOW_UP_CATCH_UP_DAYS = 6

/**
 * Draws a follow-up's five items: the course blueprint at size 5, so the five come from five
 * different areas (each item's primary rule in a different area) with the course's difficulty
 * mix; items the learner saw in their quizzes come only when an area has no unseen item left
 * (retrieval of the rules, not recall of the same question); items under review or withdrawn are
 * never drawn. Deterministic for a seed.
 */
export function drawFollowUp(bank: Bank, seed: string, options: { seenItemIds?: Iterable<string>; excludedItemIds?: Iterable<string> } = {}): Attempt {
  return draw(bank, courseForm(FOLLOW_UP_SIZE), seed, options)
}

const DAY_MS = 86_400_000

/**
 * The Jakarta calendar days (YYYY-MM-DD) whose passes a tick at `now` offers a follow-up for:
 * 30 days before today, then the catch-up days before that, newest first.
 */
export function followUpPassDays(now: Date): string[] {
  const days: string[] = []
  for (let back = FOLLOW_UP_AFTER_DAYS; back <= FOLLOW_UP_AFTER_DAYS + FOLLOW_UP_CATCH_UP_DAYS; back++) {
    days.push(new Date(now.getTime() + 7 * 3_600_000 - back * DAY_MS).toISOString().slice(0, 10))
  }
  return days
}

/** A Jakarta calendar day as the instant range [00:00, 24:00) at UTC+7. */
export function jakartaDayRange(day: string): { from: Date; to: Date } {
  const from = new Date(`${day}T00:00:00+07:00`)
  return { from, to: new Date(from.getTime() + DAY_MS) }
}
