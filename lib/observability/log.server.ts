import 'server-only'
import type { Logger } from 'pino'
import { env } from '@/lib/env.server'
import { createLogger } from './log'

// One logger per process, shared by every bundle that imports it (instrumentation, route
// handlers, pages, server actions are bundled separately): kept on globalThis.
const holder = globalThis as unknown as { bbsLogger?: Logger }

/** The process's JSON logger on stdout (lib/observability/log.ts); LOG_LEVEL chooses the level. */
export function logger(): Logger {
  return (holder.bbsLogger ??= createLogger(undefined, env.LOG_LEVEL))
}
