/**
 * `npm run worker`: delivers the outbox from a process of its own (decision 032), for
 * deployments that set MAIL_WORKER=off on the app instances. Stops cleanly on SIGTERM/SIGINT
 * (the message being sent is finished and recorded first).
 */
import { createDbClient } from '@/lib/db/create-client'
import { parseEnv } from '@/lib/env'
import { startMailWorker } from '@/lib/mail/run-worker.server'

const env = parseEnv(process.env)
if (!env.SMTP_URL) {
  console.error('SMTP_URL is not set: nothing to deliver to. Messages stay in the outbox (admin: Kotak keluar).')
  process.exit(1)
}
const { db, target } = createDbClient(env.DATABASE_URL)
const worker = startMailWorker(env, db, target.provider)!
console.log(`mail worker: delivering the outbox of ${target.provider} to ${new URL(env.SMTP_URL).host}`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    void worker.stop().then(async () => {
      await db.$disconnect()
      process.exit(0)
    })
  })
}
// The worker's timers are unref'd; this keeps the process alive until a signal.
setInterval(() => {}, 1 << 30)
