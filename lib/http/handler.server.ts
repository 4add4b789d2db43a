import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import { getRequestSessionUser } from '@/lib/auth/request-session.server'
import { getCurrentUser } from '@/lib/auth/session.server'
import { env } from '@/lib/env.server'
import { createEntry } from './handler'

export { formStrings, type FormState } from './handler'

/**
 * `route`, `action` and `formAction` with the real session checks (database session every time,
 * HR/admin timeouts; the cookie cache only for `learner-cached`), the site's origins (the public
 * address and the address this request was sent to) and Next's redirect/forbidden (decision 029).
 * Every app/**\/route.ts and actions.ts goes through these.
 */
export const { route, action, formAction } = createEntry({
  currentUser: getCurrentUser,
  cachedUser: getRequestSessionUser,
  siteOrigins: (request) => [env.PUBLIC_BASE_URL, request.url],
  signIn: (returnTo) => redirect(`/masuk?kembali=${encodeURIComponent(returnTo)}`),
  forbidden: () => forbidden(),
  logError: (where, error) => console.error(`[${where}] unexpected error`, error),
})
