/**
 * Email at a ministry's scale (issue 14, decision 036). `npm run bench:notifications [-- --provider sqlite|postgresql]`
 * (PostgreSQL by default when TEST_POSTGRES_URL is set).
 *
 * 1. Queue: a cohort of 100,000 people (BENCH_PEOPLE) due in 7 days; one scheduler tick queues
 *    everyone's reminder through the app's code (keyset batches, multi-row inserts). A second
 *    tick then queues nothing (the outbox keys).
 * 2. Deliver: the worker's own rounds (lib/mail/worker.server.ts, real nodemailer over SMTP) hand
 *    10,000 of them (BENCH_DELIVER) to a local smtp-server sink that only counts what it accepts.
 * Readable lines, then one JSON line:
 * {"queued": N, "queueMs": x, "delivered": N, "perSecond": x, "peakRssMb": x, ...}
 */
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import { prepareBenchDatabase, type BenchProvider } from './lib/bench-database'
import { postgresWriter, sqliteWriter } from './lib/bench-seed'
import { countingSmtpSink } from './lib/counting-smtp-sink'

const args = process.argv.slice(2)
const providerArg = args.includes('--provider') ? args[args.indexOf('--provider') + 1] : undefined
if (providerArg && providerArg !== 'sqlite' && providerArg !== 'postgresql') throw new Error('--provider sqlite|postgresql')
const provider: BenchProvider = (providerArg as BenchProvider | undefined) ?? (process.env.TEST_POSTGRES_URL ? 'postgresql' : 'sqlite')
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000)
const DELIVER = Number(process.env.BENCH_DELIVER ?? 10_000)
const BASE_URL = 'https://bijak.contoh.go.id'

const { db, agency, file, url } = await prepareBenchDatabase('bench-notifications', BASE_URL, provider)
const { runSchedulerTick } = await import('../lib/mail/scheduler.server')
const { deliverBatch } = await import('../lib/mail/worker.server')
const { smtpTransport } = await import('../lib/mail/transport.server')

// The cohort is due at the end of the Jakarta day 7 days from now: today is its "h-7".
const now = new Date()
const dueDay = new Date(now.getTime() + 7 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10)
const cohort = await db.cohort.create({
  data: { agencyId: agency.id, kind: 'refresher', year: 2027, name: 'Penyegaran 2027', dueDate: new Date(`${dueDay}T23:59:59+07:00`) },
})
console.log(`bench:notifications on ${provider}: ${PEOPLE.toLocaleString('en')} people in one cohort due ${dueDay}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)

let started = performance.now()
const writer = provider === 'sqlite' ? sqliteWriter(file) : postgresWriter(url)
const FIRST = ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Andi', 'Sri', 'Joko', 'Putri', 'Hendra', 'Ayu', 'Made', 'Ketut', 'Yohanes']
const LAST = ['Rahmawati', 'Santoso', 'Wijaya', 'Saputra', 'Hartono', 'Siregar', 'Lubis', 'Pratama', 'Simanjuntak', 'Halim', 'Damanik']
const at = new Date(now.getTime() - 86_400_000)
for (let i = 0; i < PEOPLE; i++) {
  const userId = randomUUID()
  await writer.insert('user', {
    id: userId,
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i % 5 === 0 ? ', S.Sos.' : ''}`,
    email: `peserta${i}@contoh.go.id`,
    emailVerified: true,
    nip: `19900101${String(i).padStart(10, '0')}`,
    employmentType: 'PNS',
    agencyId: agency.id,
    identityStatus: 'verified',
    claimedAt: at,
    createdAt: at,
    updatedAt: at,
  })
  await writer.insert('account', { id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: 'bench', createdAt: at, updatedAt: at })
  await writer.insert('enrolment', { id: randomUUID(), userId, cohortId: cohort.id, cycleKey: 'refresher-2027', assignedAt: at })
}
await writer.close()
console.log(`seeded in ${Math.round(performance.now() - started).toLocaleString('en')} ms`)

const rssBefore = process.memoryUsage().rss
let peak = rssBefore
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25)
started = performance.now()
const tick = await runSchedulerTick({ db, provider, baseUrl: BASE_URL }, now)
const queueMs = Math.round(performance.now() - started)
const queuePeakRssMb = Math.round(peak / 1e6)
console.log(`queue:   ${tick.reminders.queued.toLocaleString('en')} reminders in ${queueMs.toLocaleString('en')} ms (target < 60,000), RSS ${Math.round(rssBefore / 1e6)} MB before, peak ${queuePeakRssMb} MB`)
started = performance.now()
const again = await runSchedulerTick({ db, provider, baseUrl: BASE_URL }, new Date(now.getTime() + 60_000))
const secondTickMs = Math.round(performance.now() - started)
console.log(`second tick: ${again.reminders.queued} queued in ${secondTickMs.toLocaleString('en')} ms`)

const sink = await countingSmtpSink()
const port = sink.port
const transport = smtpTransport(`smtp://127.0.0.1:${port}`)
const from = { name: 'Bijak Bermedia Sosial', address: 'noreply@bkpsdm.contoh.go.id' }
let delivered = 0
started = performance.now()
while (delivered < DELIVER) {
  const round = await deliverBatch({ db, provider, transport, from, workerId: 'bench', batchSize: Math.min(100, DELIVER - delivered) })
  if (round.claimed === 0) break
  delivered += round.sent
  if (round.sent < round.claimed) throw new Error(`a round failed: ${JSON.stringify(round)}`)
}
const deliverMs = Math.round(performance.now() - started)
transport.close()
clearInterval(sampler)
await sink.close()
const perSecond = Math.round((delivered / deliverMs) * 1000 * 10) / 10
const sentRows = await db.outboxMessage.count({ where: { status: 'sent' } })
console.log(`deliver: ${delivered.toLocaleString('en')} messages in ${deliverMs.toLocaleString('en')} ms = ${perSecond} messages/s (sink accepted ${sink.accepted()}, ${sentRows} rows sent)`)
console.log(`peak RSS ${Math.round(peak / 1e6)} MB; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
await db.$disconnect()
console.log(
  JSON.stringify({ provider, people: PEOPLE, queued: tick.reminders.queued, queueMs, secondTickQueued: again.reminders.queued, secondTickMs, delivered, deliverMs, perSecond, queuePeakRssMb, peakRssMb: Math.round(peak / 1e6) }),
)
