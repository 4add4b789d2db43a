import 'server-only'
import { env } from '@/lib/env.server'
import { jsonError } from './json-response'
import { CROSS_ORIGIN_MESSAGE, isSameOriginRequest } from './same-origin'

/** The site's origins: the public address, and the address this request was sent to. */
function siteOrigins(request: Request): string[] {
  return [env.PUBLIC_BASE_URL, request.url]
}

/**
 * Wraps every POST/PUT/PATCH/DELETE route handler in app/api: a request from another site gets
 * 403 before the handler runs (nothing read, nothing written).
 * tests/integration/mutating-routes.test.ts calls every such export with a foreign Origin.
 */
export function sameOriginOnly<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Response | Promise<Response>,
): (request: Request, ...args: Args) => Promise<Response> {
  const guarded = async (request: Request, ...args: Args) => {
    if (!isSameOriginRequest(request.headers, siteOrigins(request))) {
      await request.body?.cancel().catch(() => {})
      return jsonError(403, CROSS_ORIGIN_MESSAGE)
    }
    return handler(request, ...args)
  }
  return Object.assign(guarded, { sameOriginOnly: true as const })
}
