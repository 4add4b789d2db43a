import { randomUUID } from 'node:crypto'

/** The header that carries a request's id, from nginx (`$request_id`) to the app and back to the browser. */
export const REQUEST_ID_HEADER = 'x-request-id'

/**
 * What an incoming id may look like: nginx's `$request_id` is 32 hex digits; other proxies send
 * UUIDs or similar tokens. Anything else (too long, spaces, quotes, control characters) is
 * replaced, so a client cannot write into the log line or the error page through this header.
 */
const ACCEPTED = /^[A-Za-z0-9._:-]{8,64}$/

/** The id of a request: the proxy's when it is well-formed, otherwise a new one. */
export function requestIdFrom(incoming: string | string[] | undefined | null): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming
  return value && ACCEPTED.test(value) ? value : randomUUID().replaceAll('-', '')
}
