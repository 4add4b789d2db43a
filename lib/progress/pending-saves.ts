/**
 * Lesson state the browser has not yet had confirmed by the server (issue 11 §1). The lesson
 * page keeps each lesson's state in localStorage (components/lesson/learning-store.ts, a zustand
 * `persist` store under LEARNING_STORAGE_KEY) with a `revision` bumped on every change and the
 * `syncedRevision` the server last confirmed. A lesson whose revision is ahead was not saved
 * (the page was left before its save, or the save failed): any page of the site sends it again
 * when it loads. Pure: reading and updating the stored JSON, no browser or framework imports.
 */

export const LEARNING_STORAGE_KEY = 'bbs-learning'

/** The fields of a lesson's state the progress API accepts (lib/progress/lesson-progress.ts). */
export type LessonStatePayload = {
  checklists: Record<string, string[]>
  answers: Record<string, Record<string, string>>
  verdicts: Record<string, 'ya' | 'tidak'>
  position: string | null
  reachedEnd: boolean
}

type StoredLesson = LessonStatePayload & { revision: number; syncedRevision: number; completed: boolean }

/** The body of a progress POST for one lesson's state, naming the user the state belongs to (when known). */
export function progressBody(state: LessonStatePayload, owner: string | null): { state: LessonStatePayload; owner?: string } {
  const { checklists, answers, verdicts, position, reachedEnd } = state
  return { state: { checklists, answers, verdicts, position, reachedEnd }, ...(owner ? { owner } : {}) }
}

export type PendingSave = { slug: string; revision: number; body: ReturnType<typeof progressBody> }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function storedLessons(persisted: unknown): { owner: string | null; lessons: Record<string, unknown> } | null {
  if (!isRecord(persisted) || !isRecord(persisted.state) || !isRecord(persisted.state.lessons)) return null
  const owner = typeof persisted.state.owner === 'string' ? persisted.state.owner : null
  return { owner, lessons: persisted.state.lessons }
}

function asStoredLesson(value: unknown): StoredLesson | null {
  if (!isRecord(value) || typeof value.revision !== 'number' || typeof value.syncedRevision !== 'number') return null
  return {
    checklists: isRecord(value.checklists) ? (value.checklists as StoredLesson['checklists']) : {},
    answers: isRecord(value.answers) ? (value.answers as StoredLesson['answers']) : {},
    verdicts: isRecord(value.verdicts) ? (value.verdicts as StoredLesson['verdicts']) : {},
    position: typeof value.position === 'string' ? value.position : null,
    reachedEnd: value.reachedEnd === true,
    revision: value.revision,
    syncedRevision: value.syncedRevision,
    completed: value.completed === true,
  }
}

/** Every lesson whose stored state is ahead of what the server confirmed, oldest slug order. */
export function pendingSaves(persisted: unknown): PendingSave[] {
  const stored = storedLessons(persisted)
  if (!stored) return []
  return Object.entries(stored.lessons).flatMap(([slug, value]) => {
    const lesson = asStoredLesson(value)
    if (!lesson || lesson.revision <= lesson.syncedRevision) return []
    return [{ slug, revision: lesson.revision, body: progressBody(lesson, stored.owner) }]
  })
}

/**
 * The stored JSON after the server confirmed `revision` of a lesson (and whether it completed
 * it). A revision made since (another tab) stays pending; a completion is never undone.
 */
export function markSaved(persisted: unknown, slug: string, revision: number, completed: boolean): unknown {
  const stored = storedLessons(persisted)
  const lesson = stored && asStoredLesson(stored.lessons[slug])
  if (!stored || !lesson || !isRecord(persisted) || !isRecord(persisted.state)) return persisted
  const current = stored.lessons[slug] as Record<string, unknown>
  const updated = { ...current, syncedRevision: Math.max(lesson.syncedRevision, revision), completed: lesson.completed || completed }
  return { ...persisted, state: { ...persisted.state, lessons: { ...stored.lessons, [slug]: updated } } }
}
