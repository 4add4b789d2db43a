/**
 * Re-scoring an attempt without withdrawn items (issue 17, decision 035).
 *
 * An item an admin withdraws as defective stops counting in every attempt that held it, past and
 * future. The attempt's score becomes the mean credit of its remaining items (× 100, rounded as
 * every score is: `percent` in score.ts), the pass mark stays the course's, and the change only
 * ever helps the learner:
 *
 * - score = max(the score with every item, the score without the withdrawn ones): a learner never
 *   loses points because we asked a defective question (a right answer to it stops counting
 *   only when that does not lower the score);
 * - passed = passed as recorded, or the new score reaches the pass mark: a pass (and the
 *   certificate it earned) is never taken back;
 * - an attempt whose every item was withdrawn keeps its score (there is nothing left to score).
 *
 * It is computed from the recorded credits of every item, never from a previously re-scored
 * total, so applying it again (a second withdrawal run, two at once) gives the same result.
 */
import { percent } from './score'

export interface RecordedCredit {
  readonly itemId: string
  /** 0–1, as stored with the answer. */
  readonly credit: number
}

export interface Rescored {
  /** 0–100, one decimal. */
  readonly score: number
  readonly passed: boolean
  /** Items that still count. */
  readonly countedItems: number
  /** Items of the attempt that were withdrawn. */
  readonly withdrawnItems: number
}

export function rescoreWithout(
  credits: readonly RecordedCredit[],
  withdrawn: ReadonlySet<string>,
  options: { passMark: number; recordedPassed: boolean },
): Rescored {
  const { passMark, recordedPassed } = options
  if (!Number.isFinite(passMark) || passMark < 0 || passMark > 100) {
    throw new RangeError(`passMark must be between 0 and 100, got ${passMark}`)
  }
  let sumAll = 0
  let sumRemaining = 0
  let remaining = 0
  for (const { itemId, credit } of credits) {
    sumAll += credit
    if (withdrawn.has(itemId)) continue
    sumRemaining += credit
    remaining++
  }
  const original = percent(sumAll, credits.length)
  const withoutWithdrawn = remaining > 0 ? percent(sumRemaining, remaining) : original
  const score = Math.max(original, withoutWithdrawn)
  return {
    score,
    passed: recordedPassed || score >= passMark,
    countedItems: remaining > 0 ? remaining : credits.length,
    withdrawnItems: credits.length - remaining,
  }
}
