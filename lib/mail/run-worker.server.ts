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
  return startWorker({ db, provider, transport: smtpTransport(env.SMTP_URL), from: env.MAIL_FROM, leaseMs: options.leaseMs }, options)
}
