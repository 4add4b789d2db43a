/**
 * Where the worker's delivery time goes, per message (docs/benchmarks.md, "Email at scale").
 * Reuses the database an earlier `npm run bench:notifications` left (its reminders still
 * pending) and runs the worker's own rounds (`deliverBatch`) to a local counting smtp-server
 * sink, timing the SMTP send of each message apart from the rest (claiming the round, recording
 * each outcome: the database).
 *   npm run bench:delivery-steps [-- --provider sqlite|postgresql]   (BENCH_DELIVER, default 1,000)
 * Last line: {"provider", "delivered", "perSecond", "sendMsPerMessage", "databaseMsPerMessage"}
 */
import os from 'node:os'
import { prepareBenchDatabase, type BenchProvider } from './lib/bench-database'
import { countingSmtpSink } from './lib/counting-smtp-sink'

const args = process.argv.slice(2)
const providerArg = args.includes('--provider') ? args[args.indexOf('--provider') + 1] : undefined
if (providerArg && providerArg !== 'sqlite' && providerArg !== 'postgresql') throw new Error('--provider sqlite|postgresql')
const provider: BenchProvider = (providerArg as BenchProvider | undefined) ?? (process.env.TEST_POSTGRES_URL ? 'postgresql' : 'sqlite')
const DELIVER = Number(process.env.BENCH_DELIVER ?? 1_000)

const { db } = await prepareBenchDatabase('bench-notifications', 'https://bijak.contoh.go.id', provider, { reuse: true })
const { deliverBatch } = await import('../lib/mail/worker.server')
const { smtpTransport } = await import('../lib/mail/transport.server')
const pending = await db.outboxMessage.count({ where: { status: 'pending' } })
if (pending < DELIVER) throw new Error(`only ${pending} pending messages: run npm run bench:notifications on ${provider} first`)

const sink = await countingSmtpSink()
const smtp = smtpTransport(`smtp://127.0.0.1:${sink.port}`)
let sendMs = 0
const transport = {
  async send(mail: Parameters<typeof smtp.send>[0]) {
    const started = performance.now()
    try {
      await smtp.send(mail)
    } finally {
      sendMs += performance.now() - started
    }
  },
  close: () => smtp.close(),
}
const from = { name: 'Bijak Bermedia Sosial', address: 'noreply@bkpsdm.contoh.go.id' }
let delivered = 0
const started = performance.now()
while (delivered < DELIVER) {
  const round = await deliverBatch({ db, provider, transport, from, workerId: 'bench-steps', batchSize: Math.min(100, DELIVER - delivered) })
  if (round.claimed === 0) break
  delivered += round.sent
}
const totalMs = performance.now() - started
transport.close()
await sink.close()
await db.$disconnect()
const round1 = (x: number) => Math.round(x * 10) / 10
const result = {
  provider,
  delivered,
  accepted: sink.accepted(),
  perSecond: round1((delivered / totalMs) * 1000),
  sendMsPerMessage: round1(sendMs / delivered),
  databaseMsPerMessage: round1((totalMs - sendMs) / delivered),
  load: os.loadavg().map((l) => round1(l)),
}
console.log(`deliver ${delivered} on ${provider}: ${result.perSecond} messages/s; per message SMTP send ${result.sendMsPerMessage} ms, the rest (claim, record) ${result.databaseMsPerMessage} ms; load ${result.load.join(' ')}`)
console.log(JSON.stringify(result))
