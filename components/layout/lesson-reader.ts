import { useSyncExternalStore } from 'react'
import type { NavCapabilities } from '@/lib/auth/capabilities'
import { hasSessionHint } from '@/lib/auth/session-hint'

/**
 * Who reads a static lesson page, as far as the browser knows: the session hint cookie
 * (lib/auth/session-hint.ts) until the progress API has answered, then its answer (signed in
 * with what the navigation offers them, or not signed in after all). Shared by the lesson header and the progress sync.
 */
export type Reader = { status: 'signed-in' | 'anonymous' | null; nav: NavCapabilities | null }

let reader: Reader = { status: null, nav: null }
const listeners = new Set<() => void>()
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const UNKNOWN: Reader = { status: null, nav: null }

export function setReader(next: Reader) {
  reader = next
  listeners.forEach((listener) => listener())
}

export function useReader(): Reader {
  return useSyncExternalStore(subscribe, () => reader, () => UNKNOWN)
}

const noopSubscribe = () => () => {}
/** The hint cookie: true/false in the browser, null while rendering on the server. */
export function useSessionHint(): boolean | null {
  return useSyncExternalStore(noopSubscribe, () => hasSessionHint(document.cookie), () => null)
}
