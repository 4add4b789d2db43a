'use client'

import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export type Answer = { optionId?: string; optionIds?: string[]; verdict?: 'ya' | 'tidak'; reasonId?: string }

type QuizAnswersStore = {
  /** Attempt id → item id → answer in progress. Kept in localStorage until submitted. */
  attempts: Record<string, Record<string, Answer>>
  setAnswer: (attemptId: string, itemId: string, answer: Answer) => void
  clearAttempt: (attemptId: string) => void
}

export const useQuizAnswersStore = create<QuizAnswersStore>()(
  persist(
    (set) => ({
      attempts: {},
      setAnswer: (attemptId, itemId, answer) =>
        set((store) => ({
          attempts: { ...store.attempts, [attemptId]: { ...store.attempts[attemptId], [itemId]: answer } },
        })),
      clearAttempt: (attemptId) =>
        set((store) => {
          const { [attemptId]: _removed, ...rest } = store.attempts
          return { attempts: rest }
        }),
    }),
    { name: 'bbs-quiz-answers', version: 1, storage: createJSONStorage(() => localStorage) },
  ),
)
