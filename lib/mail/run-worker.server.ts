import 'server-only'
import type { Db } from '@/lib/db/create-client'
import type { Env } from '@/lib/env'
import { smtpTransport } from './transport.server'
import { startScheduler, type RunningScheduler } from './scheduler.server'
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
const holder = globalThis as unknown as { bbsMailWorker?: RunningWorker; bbsMailScheduler?: RunningScheduler }

/** Starts the next round of this process's worker now (a message was just queued), if it runs here. */
export function wakeMailWorker(): void {
  holder.bbsMailWorker?.wake()
}

/**
 * Starts this process's scheduler (due-date reminders and the other timed messages, decision
 * 036): a tick now and every 5 minutes. It runs with or without SMTP_URL: without it the messages
 * wait in the outbox for the admin's "Kotak keluar", as every other message does. Started once
 * per process; several instances may each run one (the outbox keys make them harmless).
 */
export function startMailScheduler(
  env: Pick<Env, 'PUBLIC_BASE_URL'>,
  db: Db,
  provider: 'sqlite' | 'postgresql',
  options: { everyMs?: number; log?: (line: string) => void } = {},
): RunningScheduler {
  holder.bbsMailScheduler ??= startScheduler({ db, provider, baseUrl: env.PUBLIC_BASE_URL }, { ...options, afterQueue: wakeMailWorker })
  return holder.bbsMailScheduler
}

/** This process's scheduler, if it runs here (the admin's "Periksa sekarang" runs a tick through it). */
export function runningMailScheduler(): RunningScheduler | undefined {
  return holder.bbsMailScheduler
}
