import type { RouteResolver } from './route-pattern'

/** What the request line reads from Node's request and response: nothing else of them reaches the log. */
export type ObservedRequest = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }
export type ObservedResponse = { statusCode: number; writableFinished: boolean }

/** The fields of one request's log line (decision 041). */
export type RequestLine = {
  requestId: string
  method: string
  /** The route pattern (`/sertifikat/[id]`), never the path: paths carry ids and codes. */
  route: string
  status: number
  durationMs: number
  /** The client went away before the response was complete (nginx logs these as 499). */
  aborted?: true
  /** A server action (a POST to a page with a `Next-Action` header). */
  action?: true
  /** A client navigation's React Server Components payload rather than a document. */
  rsc?: true
}

/**
 * The log line of a finished request: a fixed set of fields, so headers (cookies, tokens), the
 * query string, the body and the raw path never reach it, whatever the request carried.
 */
export function requestLine(
  requestId: string,
  request: ObservedRequest,
  response: ObservedResponse,
  durationMs: number,
  resolveRoute: RouteResolver,
): RequestLine {
  const line: RequestLine = {
    requestId,
    method: request.method ?? 'UNKNOWN',
    route: resolveRoute(request.url ?? '/'),
    status: response.statusCode,
    durationMs: Math.round(durationMs * 10) / 10,
  }
  if (!response.writableFinished) line.aborted = true
  if (request.headers['next-action']) line.action = true
  else if (request.headers['rsc'] === '1') line.rsc = true
  return line
}
