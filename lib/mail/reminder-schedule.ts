import { jakartaDate } from './idempotency'

/**
 * Which due-date reminder a learner who has not finished gets on a given day (issue 14,
 * decision 036). All dates are calendar dates in Asia/Jakarta (YYYY-MM-DD):
 *   h-7      7 days before the cohort's due date
 *   h-1      the day before
 *   lewat-N  N weeks after the due date (N = 1 … MAX_OVERDUE_WEEKS), "weekly while overdue"
 * Any other day: none. The scheduler runs several times a day; the outbox key (person + day)
 * makes every run after the first queue nothing, and caps a person at one reminder a day.
 */
export type ReminderStage = { kind: 'h-7' } | { kind: 'h-1' } | { kind: 'lewat'; weeks: number } | ManualReminderStage

/**
 * A reminder HR or a unit operator sends by hand ("Kirim pengingat", decision 037): on any day,
 * saying how many days are left (negative: overdue), or null when the cohort has no due date.
 */
export type ManualReminderStage = { kind: 'manual'; daysLeft: number | null }

/** The manual reminder's stage on Jakarta date `today` for a cohort due at `dueDate` (or none). */
export function manualStageOn(dueDate: Date | null, today: string): ManualReminderStage {
  return { kind: 'manual', daysLeft: dueDate ? daysBetween(today, jakartaDate(dueDate)) : null }
}

/** Weekly reminders stop after this many weeks overdue: by then HR follows up in person. */
export const MAX_OVERDUE_WEEKS = 8

const DAY_MS = 86_400_000

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/** The reminder due on Jakarta date `today` for a cohort due at `dueDate`, or null. */
export function reminderStageOn(dueDate: Date, today: string): ReminderStage | null {
  const daysLeft = daysBetween(today, jakartaDate(dueDate))
  if (daysLeft === 7) return { kind: 'h-7' }
  if (daysLeft === 1) return { kind: 'h-1' }
  if (daysLeft < 0 && -daysLeft % 7 === 0) {
    const weeks = -daysLeft / 7
    return weeks <= MAX_OVERDUE_WEEKS ? { kind: 'lewat', weeks } : null
  }
  return null
}

/** A stage as a short stable label, e.g. for the outbox row's kind detail and logs. */
export function stageLabel(stage: ReminderStage): string {
  return stage.kind === 'lewat' ? `lewat-${stage.weeks}` : stage.kind
}

/** The Jakarta dates on which a cohort due at `dueDate` sends reminders, in order (for previews and tests). */
export function reminderDates(dueDate: Date): string[] {
  const due = jakartaDate(dueDate)
  const shift = (days: number) => new Date(Date.parse(`${due}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
  return [shift(-7), shift(-1), ...Array.from({ length: MAX_OVERDUE_WEEKS }, (_, index) => shift(7 * (index + 1)))]
}
