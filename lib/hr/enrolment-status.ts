import type { EnrolmentStatus } from '@/lib/vocabulary/statuses'

// The statuses and their labels are vocabulary (lib/vocabulary/statuses.ts); re-exported here
// for the modules that read the rule and the statuses together.
export {
  ENROLMENT_STATUS_LABELS,
  isPersonStatus,
  PERSON_STATUS_LABELS,
  PERSON_STATUSES,
  UNASSIGNED,
  type EnrolmentStatus,
  type PersonStatus,
} from '@/lib/vocabulary/statuses'

/**
 * The status of one person in one cohort, as HR sees it on the dashboard and in every report:
 *   lulus        passed the post-test of this enrolment
 *   terlambat    not passed, and the due date has passed
 *   sedang       started (a lesson done or a quiz attempt), not passed, not overdue
 *   belum-mulai  nothing yet
 */
export function enrolmentStatus(facts: {
  passed: boolean
  lessonsDone: number
  attempts: number
  dueDate: Date | null
  now?: Date
}): EnrolmentStatus {
  if (facts.passed) return 'lulus'
  if (facts.dueDate && (facts.now ?? new Date()) > facts.dueDate) return 'terlambat'
  return facts.lessonsDone > 0 || facts.attempts > 0 ? 'sedang' : 'belum-mulai'
}
