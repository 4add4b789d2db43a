/**
 * One step of the mail chain for an e2e test (e2e/mail-chain.spec.ts), run against the e2e
 * server's database (DATABASE_URL) in a process of its own, with the app's own code:
 *   tick <ISO instant>   one scheduler tick as if the clock said that instant (the scheduler's
 *                        injectable clock: runSchedulerTick(ctx, now)); prints its result
 *   deliver <smtp url> [<ISO instant>]
 *                        the outbox worker's batches (deliverBatch, the worker's one round) to
 *                        that SMTP server until nothing is due, with the worker's clock at that
 *                        instant if given (a message a tick queued "in 23 days" is due then, not
 *                        now); prints what was sent
 * The e2e server runs without SMTP_URL (its messages wait in the outbox), so the test decides
 * when mail leaves and where it goes, and never waits for a 5-minute timer.
 * Usage: tsx --conditions=react-server tests/mail/e2e-mail-step.ts tick|deliver <arg>
 */
import { databaseProvider, db } from '@/lib/db/db.server'
import { parseMailFrom } from '@/lib/mail/mail-config'
import { runSchedulerTick } from '@/lib/mail/scheduler.server'
import { smtpTransport } from '@/lib/mail/transport.server'
import { deliverBatch } from '@/lib/mail/worker.server'
import { DEFAULT_MAIL_FROM } from '@/lib/env'

const [command, arg, at] = process.argv.slice(2)
const baseUrl = process.env.PUBLIC_BASE_URL
if (!baseUrl || !arg || (command !== 'tick' && command !== 'deliver')) {
  console.error('usage: PUBLIC_BASE_URL=… DATABASE_URL=… e2e-mail-step.ts tick <ISO instant> | deliver <smtp url>')
  process.exit(2)
}
if (command === 'tick') {
  const now = new Date(arg)
  if (Number.isNaN(now.getTime())) throw new Error(`not an instant: ${arg}`)
  const result = await runSchedulerTick({ db, provider: databaseProvider, baseUrl }, now)
  console.log(JSON.stringify(result))
} else {
  const transport = smtpTransport(arg)
  const from = parseMailFrom(process.env.MAIL_FROM ?? DEFAULT_MAIL_FROM)
  const total = { sent: 0, failed: 0, retried: 0 }
  const clock = at ? new Date(at) : null
  if (clock && Number.isNaN(clock.getTime())) throw new Error(`not an instant: ${at}`)
  for (;;) {
    const batch = await deliverBatch({ db, provider: databaseProvider, transport, from, ...(clock ? { now: () => clock } : {}) })
    total.sent += batch.sent
    total.failed += batch.failed
    total.retried += batch.retried
    if (batch.claimed === 0 || batch.sent + batch.failed === 0) break
  }
  transport.close?.()
  console.log(JSON.stringify(total))
}
await db.$disconnect()
