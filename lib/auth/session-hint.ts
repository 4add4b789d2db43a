/**
 * A readable cookie that only says "this browser sent a session cookie with its last page
 * request" (issue 11 §4). The session cookie itself is httpOnly, and the lesson pages are static
 * (decision 005), so without it a lesson page could not tell a signed-in reader from a visitor
 * of the sample lesson without calling the progress API. `proxy.ts` keeps it in step with the
 * session cookie on every page request. It is a hint for the page's header and for whether to
 * sync progress at all, never evidence: every route still checks the session itself.
 */
export const SESSION_HINT_COOKIE = 'bbs-masuk'

/** What the proxy does with the hint, given whether the request has a session cookie and the hint it sent. */
export function sessionHintChange(hasSessionCookie: boolean, hint: string | undefined): 'set' | 'clear' | null {
  if (hasSessionCookie) return hint === '1' ? null : 'set'
  return hint === undefined ? null : 'clear'
}

/** Does `document.cookie` carry the hint? */
export function hasSessionHint(cookieHeader: string): boolean {
  return cookieHeader.split(/;\s*/).includes(`${SESSION_HINT_COOKIE}=1`)
}
