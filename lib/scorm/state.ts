/**
 * The learner's state inside an exported package (decision 051), kept by the LMS: in SCORM 1.2's
 * `cmi.suspend_data` (at most 4096 characters) or a cmi5 xAPI state document. Plain functions,
 * used by the package's browser script and by the tests.
 */

/** Answers by question set id, then question id → option id (knowledge checks and warm-ups). */
export type SetAnswers = Record<string, Record<string, string>>

export type PostTestState = {
  /** Seed of the drawn attempt: the draw is deterministic, so the seed restores the same items. */
  seed: string
  /** Responses so far, by item id (the same shape the hosted course scores). */
  responses: Record<string, { optionId?: string; optionIds?: string[]; verdict?: 'ya' | 'tidak'; reasonId?: string }>
}

export type PostTestResult = { score: number; passed: boolean }

export type CourseState = {
  v: 1
  /** The page the learner was on (package-relative path). */
  at: string
  /** Lessons whose knowledge check is fully answered (by slug). */
  done: string[]
  /** Answers per lesson slug. */
  answers: Record<string, SetAnswers>
  /** Mock-post verdicts per lesson slug → post id → verdict. */
  verdicts: Record<string, Record<string, 'ya' | 'tidak'>>
  /** Ticked checklist items per lesson slug → checklist id → item ids. */
  ticks: Record<string, Record<string, string[]>>
  /** A post-test in progress. */
  test: PostTestState | null
  /** The best finished post-test (a pass is never replaced by a later fail). */
  result: PostTestResult | null
  /** Finished post-test attempts. */
  attempts: number
  /** Events already reported to the LMS that must not repeat (cmi5: completed, passed). */
  sent: string[]
}

export const SUSPEND_DATA_LIMIT = 4096

export function emptyCourseState(start: string): CourseState {
  return { v: 1, at: start, done: [], answers: {}, verdicts: {}, ticks: {}, test: null, result: null, attempts: 0, sent: [] }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads saved state; anything unreadable (or from another version) starts afresh. */
export function decodeCourseState(text: string | null | undefined, start: string): CourseState {
  const fresh = emptyCourseState(start)
  if (!text) return fresh
  try {
    const value: unknown = JSON.parse(text)
    if (!isRecord(value) || value.v !== 1) return fresh
    return {
      v: 1,
      at: typeof value.at === 'string' && /^[\w./-]+$/.test(value.at) ? value.at : start,
      done: Array.isArray(value.done) ? value.done.filter((slug): slug is string => typeof slug === 'string') : [],
      answers: isRecord(value.answers) ? (value.answers as CourseState['answers']) : {},
      verdicts: isRecord(value.verdicts) ? (value.verdicts as CourseState['verdicts']) : {},
      ticks: isRecord(value.ticks) ? (value.ticks as CourseState['ticks']) : {},
      test: isRecord(value.test) && typeof value.test.seed === 'string' && isRecord(value.test.responses) ? (value.test as PostTestState) : null,
      result:
        isRecord(value.result) && typeof value.result.score === 'number' && typeof value.result.passed === 'boolean'
          ? { score: value.result.score, passed: value.result.passed }
          : null,
      attempts: typeof value.attempts === 'number' && value.attempts >= 0 ? Math.floor(value.attempts) : 0,
      sent: Array.isArray(value.sent) ? value.sent.filter((event): event is string => typeof event === 'string') : [],
    }
  } catch {
    return fresh
  }
}

/**
 * The state as suspend data, within `limit` characters: if it is too long, the least needed parts
 * go first (checklist ticks, then mock-post verdicts, then the answers of finished lessons); the
 * progress that decides completion (finished lessons, post-test and result) is always kept.
 */
export function encodeCourseState(state: CourseState, limit = SUSPEND_DATA_LIMIT): string {
  let text = JSON.stringify(state)
  if (text.length <= limit) return text
  const trimmed: CourseState = { ...state, ticks: {} }
  text = JSON.stringify(trimmed)
  if (text.length <= limit) return text
  trimmed.verdicts = {}
  text = JSON.stringify(trimmed)
  if (text.length <= limit) return text
  trimmed.answers = Object.fromEntries(Object.entries(state.answers).filter(([slug]) => !state.done.includes(slug)))
  text = JSON.stringify(trimmed)
  if (text.length <= limit) return text
  trimmed.answers = {}
  return JSON.stringify(trimmed)
}

/** Marks a lesson finished when every question of its knowledge check has an answer. */
export function updateLessonDone(state: CourseState, slug: string, checkId: string, questionIds: readonly string[]): CourseState {
  const answers = state.answers[slug]?.[checkId] ?? {}
  const complete = questionIds.length > 0 && questionIds.every((id) => answers[id] !== undefined)
  if (!complete || state.done.includes(slug)) return state
  return { ...state, done: [...state.done, slug] }
}

export type LmsStatus = 'incomplete' | 'completed' | 'passed' | 'failed'

/**
 * What the LMS is told: `passed`/`failed` once a post-test is finished (its best result), else
 * `completed` when all lessons are done, else `incomplete`.
 */
export function lmsStatus(state: CourseState, lessonSlugs: readonly string[]): LmsStatus {
  if (state.result) return state.result.passed ? 'passed' : 'failed'
  return lessonSlugs.every((slug) => state.done.includes(slug)) ? 'completed' : 'incomplete'
}

/** Records a finished post-test: the best result is kept, a pass is never replaced by a fail. */
export function recordPostTest(state: CourseState, result: PostTestResult): CourseState {
  const best = !state.result || (result.passed && !state.result.passed) || (result.passed === state.result.passed && result.score > state.result.score) ? result : state.result
  return { ...state, test: null, result: best, attempts: state.attempts + 1 }
}
