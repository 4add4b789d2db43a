import 'server-only'
import { headers } from 'next/headers'
import { forbidden, redirect } from 'next/navigation'
import { getRequestSessionUser } from '@/lib/auth/request-session.server'
import { getCurrentUser } from '@/lib/auth/session.server'
import { env } from '@/lib/env.server'
import { logger } from '@/lib/observability/log.server'
import { REQUEST_ID_HEADER } from '@/lib/observability/request-id'
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
  // With the request's id (lib/observability/request-log.server.ts), so the line joins its
  // request line; the stack stays in the server's log.
  logError: async (where, error, request) => {
    const requestId = request ? request.headers.get(REQUEST_ID_HEADER) : await headers().then((h) => h.get(REQUEST_ID_HEADER)).catch(() => null)
    logger().error({ requestId: requestId ?? undefined, where, err: error }, 'unexpected error')
  },
})
