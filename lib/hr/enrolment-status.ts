/**
 * The status of one person in one cohort, as HR sees it on the dashboard and in every report:
 *   lulus        passed the post-test of this enrolment
 *   terlambat    not passed, and the due date has passed
 *   sedang       started (a lesson done or a quiz attempt), not passed, not overdue
 *   belum-mulai  nothing yet
 */
export type EnrolmentStatus = 'belum-mulai' | 'sedang' | 'lulus' | 'terlambat'

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  'belum-mulai': 'Belum mulai',
  sedang: 'Sedang belajar',
  lulus: 'Lulus',
  terlambat: 'Terlambat',
}

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

/** A person of the agency in no cohort yet (the people list only; never an enrolment's status). */
export const UNASSIGNED = 'belum-ditugaskan'
export type PersonStatus = EnrolmentStatus | typeof UNASSIGNED

export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = { ...ENROLMENT_STATUS_LABELS, [UNASSIGNED]: 'Belum ditugaskan' }

export const PERSON_STATUSES = Object.keys(PERSON_STATUS_LABELS) as PersonStatus[]

export function isPersonStatus(value: unknown): value is PersonStatus {
  return typeof value === 'string' && (PERSON_STATUSES as string[]).includes(value)
}
