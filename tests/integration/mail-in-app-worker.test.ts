import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '@/tests/mail/smtp-sink'

// instrumentation.ts starts the outbox worker in the app process when SMTP_URL is set (and
// MAIL_WORKER is not "off"); a message queued in the app is then delivered without `npm run
// worker`. (Checked by hand under `next start` too: decision 032.)
let sink: SmtpSink

beforeAll(async () => {
  sink = await startSmtpSink()
  // Before anything reads the environment (lib/env.server.ts parses it once).
  process.env.SMTP_URL = sink.url
  process.env.MAIL_FROM = 'Bijak Bermedia Sosial <noreply@contoh.go.id>'
  process.env.NEXT_RUNTIME = 'nodejs'
})

afterAll(async () => {
  const { wakeMailWorker } = await import('@/lib/mail/run-worker.server')
  wakeMailWorker()
  const holder = globalThis as unknown as { bbsMailWorker?: { stop(): Promise<void> } }
  await holder.bbsMailWorker?.stop()
  await sink.stop()
  delete process.env.NEXT_RUNTIME
  delete process.env.SMTP_URL
  delete process.env.MAIL_FROM
})

it('register() starts the worker, which delivers what the app queues', async () => {
  const { register } = await import('@/instrumentation')
  await register()
  const { db } = await import('@/lib/db/db.server')
  const { queueMail } = await import('@/lib/mail/outbox.server')
  const { wakeMailWorker } = await import('@/lib/mail/run-worker.server')
  await queueMail(db, { idempotencyKey: 'test|in-app|1|2027-01-01', kind: 'test', userId: null, to: 'dalam-aplikasi@contoh.go.id', toName: 'A', subject: 'Dari proses aplikasi', text: 't', html: '<p>h</p>' })
  wakeMailWorker()
  await expect.poll(() => sink.received.map((mail) => mail.parsed.subject), { timeout: 30_000 }).toEqual(['Dari proses aplikasi'])
  await expect.poll(async () => (await db.outboxMessage.findFirstOrThrow()).status, { timeout: 10_000 }).toBe('sent')
})
