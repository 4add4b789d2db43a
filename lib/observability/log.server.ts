import 'server-only'
import pino, { type Logger } from 'pino'
import { env } from '@/lib/env.server'
import { createLogger } from './log'

// One logger per process, shared by every bundle that imports it (instrumentation, route
// handlers, pages, server actions are bundled separately): kept on globalThis.
const holder = globalThis as unknown as { bbsLogger?: Logger; bbsRequestLogger?: Logger; bbsLogDestination?: pino.DestinationStream }

const destination = () => (holder.bbsLogDestination ??= pino.destination({ dest: 1, sync: true }))

/** The process's JSON logger on stdout (lib/observability/log.ts); LOG_LEVEL chooses the level. */
export function logger(): Logger {
  return (holder.bbsLogger ??= createLogger(destination(), env.LOG_LEVEL))
}

/**
 * The request lines' logger: the same stdout, without key redaction (the line's fields are fixed,
 * request-log.ts; the shape scrubbing still applies). Only for `requestLine`'s output.
 */
export function requestLogger(): Logger {
  return (holder.bbsRequestLogger ??= createLogger(destination(), env.LOG_LEVEL, { redact: false }))
}
