'use client'

import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import { emptyLessonState, useLessonState, useLearningStore, type LessonState } from './learning-store'

const LessonSlugContext = createContext<string | null>(null)

/** Tells the interactive lesson components which lesson they belong to (keys their saved state). */
export function LessonProvider({ slug, children }: { slug: string; children: ReactNode }) {
  return <LessonSlugContext value={slug}>{children}</LessonSlugContext>
}

export function useLessonSlug(): string {
  const slug = useContext(LessonSlugContext)
  if (!slug) throw new Error('Lesson components must be rendered inside <LessonProvider slug="…">')
  return slug
}

const subscribeToHydration = (onChange: () => void) => useLearningStore.persist.onFinishHydration(onChange)
const isHydrated = () => useLearningStore.persist.hasHydrated()
const notHydrated = () => false

/**
 * False on the server and during the first client render (hydration), true once the persisted
 * store (localStorage) is available: render saved state only when this is true, so the first
 * client render matches the server's markup.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeToHydration, isHydrated, notHydrated)
}

const EMPTY = emptyLessonState()

/** The current lesson's saved state, empty until hydrated. */
export function useCurrentLessonState(): { slug: string; state: LessonState; hydrated: boolean } {
  const slug = useLessonSlug()
  const saved = useLessonState(slug)
  const hydrated = useHydrated()
  return { slug, state: hydrated ? saved : EMPTY, hydrated }
}
