import 'server-only'
import { subscribe } from 'node:diagnostics_channel'
import { readdirSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { logger, requestLogger } from './log.server'
import { metrics } from './metrics.server'
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id'
import { requestLine } from './request-log'
import { createRouteResolver, type RouteResolver, type RoutesManifest } from './route-pattern'

const holder = globalThis as unknown as { bbsRequestObservation?: boolean }

/**
 * Gives every request an id and, when its response is done, writes its log line and counts it
 * in the metrics (decision 041). Node publishes `http.server.request.start` for every request of
 * every http.Server in the process before the server's listener (Next) runs, so:
 *
 * - the id (nginx's `X-Request-Id` when well-formed, otherwise a new one) is put on the request's
 *   headers, where pages (`headers()`), route handlers and server actions read it, and on the
 *   response as `X-Request-Id`;
 * - the response's `close` event gives the status Next finally sent and the whole duration, for
 *   pages, route handlers, server actions, static files and 404s alike.
 *
 * What it cannot see: who the user is, or what went wrong inside (errors are logged where they
 * are caught, with the same request id: handler.server.ts, instrumentation.ts `onRequestError`).
 * Called once from instrumentation.ts.
 */
export function installRequestObservation(distDir = process.env.NEXT_DIST_DIR || '.next'): void {
  if (holder.bbsRequestObservation) return
  holder.bbsRequestObservation = true
  const resolveRoute = loadRouteResolver(distDir)
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse }
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER])
    request.headers[REQUEST_ID_HEADER] = requestId
    response.setHeader('X-Request-Id', requestId)
    const started = performance.now()
    response.once('close', () => {
      const durationMs = performance.now() - started
      const line = requestLine(requestId, request, response, durationMs, resolveRoute)
      metrics().observeRequest(line.method, line.route, line.status, durationMs / 1000)
      requestLogger().info(line, 'request')
    })
  })
}

/** The build's route patterns (routes-manifest.json) and the public folder's entries, read once. */
function loadRouteResolver(distDir: string): RouteResolver {
  let manifest: RoutesManifest | null = null
  try {
    manifest = JSON.parse(readFileSync(path.join(process.cwd(), distDir, 'routes-manifest.json'), 'utf8')) as RoutesManifest
  } catch (error) {
    logger().warn({ err: error }, 'request log: no routes-manifest.json; every route is logged as (unmatched)')
  }
  const folders: string[] = []
  const files: string[] = []
  try {
    for (const entry of readdirSync(path.join(process.cwd(), 'public'), { withFileTypes: true })) (entry.isDirectory() ? folders : files).push(entry.name)
  } catch {
    // No public folder.
  }
  return createRouteResolver(manifest, { folders, files })
}
