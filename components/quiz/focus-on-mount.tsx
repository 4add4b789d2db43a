'use client'

import { useEffect } from 'react'

/** Moves keyboard and screen-reader focus to an element when the page opens (e.g. a result). */
export function FocusOnMount({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus()
  }, [targetId])
  return null
}
