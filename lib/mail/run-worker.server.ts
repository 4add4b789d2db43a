import 'server-only'
import type { Db } from '@/lib/db/create-client'
import type { Env } from '@/lib/env'
import { smtpTransport } from './transport.server'
import { startWorker, type RunningWorker } from './worker.server'

/**
 * Starts the outbox worker for this process with the validated environment, or explains why
 * not: without SMTP_URL messages stay in the outbox for the admin's "Kotak keluar".
 */
export function startMailWorker(
  env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'>,
  db: Db,
  provider: 'sqlite' | 'postgresql',
  options: { pollMs?: number; leaseMs?: number; log?: (line: string) => void } = {},
): RunningWorker | null {
  if (!env.SMTP_URL) return null
  const worker = startWorker({ db, provider, transport: smtpTransport(env.SMTP_URL), from: env.MAIL_FROM, leaseMs: options.leaseMs }, options)
  holder.bbsMailWorker = worker
  return worker
}

// On globalThis: Next may load this module more than once (instrumentation and the routes).
const holder = globalThis as unknown as { bbsMailWorker?: RunningWorker }

/** Starts the next round of this process's worker now (a message was just queued), if it runs here. */
export function wakeMailWorker(): void {
  holder.bbsMailWorker?.wake()
}
