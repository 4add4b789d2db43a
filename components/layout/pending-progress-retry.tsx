'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { hasSessionHint } from '@/lib/auth/session-hint'
import { LEARNING_STORAGE_KEY, markSaved, pendingSaves } from '@/lib/progress/pending-saves'

function readStored(): unknown {
  try {
    return JSON.parse(localStorage.getItem(LEARNING_STORAGE_KEY) ?? 'null')
  } catch {
    return null
  }
}

/**
 * On every App Router page: sends lesson state a lesson page could not save (left before its
 * save, or the save failed; issue 11 §1), straight from localStorage, without the lesson store's
 * code. Only for a browser with a session (the hint cookie); the server refuses state held for
 * another user. When a save completes a lesson, the page is refreshed so it shows it.
 */
export function PendingProgressRetry() {
  const router = useRouter()
  useEffect(() => {
    if (!hasSessionHint(document.cookie)) return
    const saves = pendingSaves(readStored())
    if (saves.length === 0) return
    let cancelled = false
    void Promise.all(
      saves.map(async ({ slug, revision, body }) => {
        try {
          const response = await fetch(`/api/progress/${slug}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          })
          if (!response.ok) return false
          const { completed } = (await response.json()) as { completed: boolean }
          // Re-read: a lesson page in another tab may have written meanwhile.
          localStorage.setItem(LEARNING_STORAGE_KEY, JSON.stringify(markSaved(readStored(), slug, revision, completed)))
          return completed
        } catch {
          return false // kept in localStorage: the next page load tries again
        }
      }),
    ).then((completed) => {
      if (!cancelled && completed.some(Boolean)) router.refresh()
    })
    return () => {
      cancelled = true
    }
  }, [router])
  return null
}
