/**
 * `npm run worker`: delivers the outbox and runs the mail scheduler from a process of its own
 * (decisions 032, 036), for
 * deployments that set MAIL_WORKER=off on the app instances. Stops cleanly on SIGTERM/SIGINT
 * (the message being sent is finished and recorded first).
 */
import { exitUnlessSigningKeyLoads } from '@/lib/certificates/signing-key.server'
import { databaseProvider, db } from '@/lib/db/db.server'
import { parseEnv } from '@/lib/env'
import { startMailScheduler, startMailWorker } from '@/lib/mail/run-worker.server'

const env = parseEnv(process.env)
if (!env.SMTP_URL) {
  console.error('SMTP_URL is not set: nothing to deliver to. Messages stay in the outbox (admin: Kotak keluar).')
  process.exit(1)
}
// The scheduler issues (and so signs) waiting certificates: the same key check as the app's start-up (decision 046).
await exitUnlessSigningKeyLoads(env)
// The process's one client (lib/db/db.server.ts, DATABASE_URL): the scheduler's tick issues
// waiting certificates through it too (decision 042).
const worker = startMailWorker(env, db, databaseProvider)!
// The scheduler (due-date reminders …, decision 036) runs here too: with MAIL_WORKER=off the app
// instances run neither.
const scheduler = startMailScheduler(env, db, databaseProvider)
console.log(`mail worker: delivering the outbox of ${databaseProvider} to ${new URL(env.SMTP_URL).host}`)

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    void Promise.all([scheduler.stop(), worker.stop()]).then(async () => {
      await db.$disconnect()
      process.exit(0)
    })
  })
}
// The worker's timers are unref'd; this keeps the process alive until a signal.
setInterval(() => {}, 1 << 30)
