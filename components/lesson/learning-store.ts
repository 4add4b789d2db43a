'use client'

import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

/**
 * What a learner did on each lesson page, kept in the browser (localStorage) so a reload or a
 * dropped connection loses nothing, and synced to the server by LessonProgressSync.
 * Keys are the lesson slug, then the component's `id` (unique within a lesson).
 */
export type LessonState = {
  /** Checklist id → ticked item ids. */
  checklists: Record<string, string[]>
  /** Knowledge-check id → question id → chosen option id. */
  answers: Record<string, Record<string, string>>
  /** Mock-post id → the learner's verdict. */
  verdicts: Record<string, 'ya' | 'tidak'>
  /** The id of the last section heading the learner reached, to resume there. */
  position: string | null
  reachedEnd: boolean
  /** Bumped on every change; the sync sends the state while it is ahead of syncedRevision. */
  revision: number
  /** The revision the server last confirmed. */
  syncedRevision: number
  completed: boolean
}

export const emptyLessonState = (): LessonState => ({
  checklists: {},
  answers: {},
  verdicts: {},
  position: null,
  reachedEnd: false,
  revision: 0,
  syncedRevision: 0,
  completed: false,
})

type LearningStore = {
  /** The user this browser's state belongs to; a different user starts from nothing. */
  owner: string | null
  lessons: Record<string, LessonState>
  adoptOwner: (userId: string) => void
  toggleChecklistItem: (lesson: string, checklist: string, item: string) => void
  answerQuestion: (lesson: string, check: string, question: string, option: string) => void
  judgePost: (lesson: string, post: string, verdict: 'ya' | 'tidak') => void
  setPosition: (lesson: string, position: string) => void
  markReachedEnd: (lesson: string) => void
  /** Adopts what the server has (another device) where this browser knows less. */
  mergeFromServer: (lesson: string, server: Partial<LessonState> & { completed: boolean }) => void
  markSynced: (lesson: string, revision: number, completed: boolean) => void
  /** The server completed the lesson (on a heartbeat, once enough reading time accrued). */
  markCompleted: (lesson: string) => void
  /** Forgets everything (signing out on a shared computer). */
  reset: () => void
}

function update(
  set: (fn: (store: LearningStore) => Partial<LearningStore>) => void,
  lesson: string,
  change: (state: LessonState) => Partial<LessonState>,
  bumpRevision = true,
) {
  set((store) => {
    const current = store.lessons[lesson] ?? emptyLessonState()
    const next = { ...current, ...change(current) }
    if (bumpRevision) next.revision = current.revision + 1
    return { lessons: { ...store.lessons, [lesson]: next } }
  })
}

export const useLearningStore = create<LearningStore>()(
  persist(
    (set) => ({
      owner: null,
      lessons: {},
      // State made before anyone was known (e.g. answers given before the first sync returned)
      // is the current user's; only another user's state is dropped.
      adoptOwner: (userId) =>
        set((store) =>
          store.owner === userId ? {} : store.owner === null ? { owner: userId } : { owner: userId, lessons: {} },
        ),
      reset: () => set({ owner: null, lessons: {} }),
      toggleChecklistItem: (lesson, checklist, item) =>
        update(set, lesson, (state) => {
          const ticked = state.checklists[checklist] ?? []
          const next = ticked.includes(item) ? ticked.filter((id) => id !== item) : [...ticked, item]
          return { checklists: { ...state.checklists, [checklist]: next } }
        }),
      answerQuestion: (lesson, check, question, option) =>
        update(set, lesson, (state) => ({
          answers: { ...state.answers, [check]: { ...state.answers[check], [question]: option } },
        })),
      judgePost: (lesson, post, verdict) =>
        update(set, lesson, (state) => ({ verdicts: { ...state.verdicts, [post]: verdict } })),
      setPosition: (lesson, position) =>
        update(set, lesson, (state) => (state.position === position ? {} : { position })),
      markReachedEnd: (lesson) => update(set, lesson, (state) => (state.reachedEnd ? {} : { reachedEnd: true })),
      mergeFromServer: (lesson, server) =>
        update(
          set,
          lesson,
          (state) => ({
            checklists: { ...server.checklists, ...state.checklists },
            answers: { ...server.answers, ...state.answers },
            verdicts: { ...server.verdicts, ...state.verdicts },
            position: state.position ?? server.position ?? null,
            reachedEnd: state.reachedEnd || !!server.reachedEnd,
            completed: state.completed || server.completed,
          }),
          false,
        ),
      markSynced: (lesson, revision, completed) =>
        // A completion is never undone: a slower response saying "not yet" does not override one that completed.
        update(set, lesson, (state) => ({ syncedRevision: Math.max(state.syncedRevision, revision), completed: state.completed || completed }), false),
      markCompleted: (lesson) => update(set, lesson, (state) => (state.completed ? {} : { completed: true }), false),
    }),
    {
      name: 'bbs-learning',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (store) => ({ owner: store.owner, lessons: store.lessons }),
    },
  ),
)

/** One lesson's state, as a stable selector result. */
export function useLessonState(lesson: string): LessonState {
  return useLearningStore((store) => store.lessons[lesson]) ?? EMPTY
}
const EMPTY = emptyLessonState()
