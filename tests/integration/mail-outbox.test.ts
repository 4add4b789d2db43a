import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { databaseProvider, db } from '@/lib/db/db.server'
import { createDbClient } from '@/lib/db/create-client'
import { queueMail } from '@/lib/mail/outbox.server'
import { passwordResetMail } from '@/lib/mail/templates/password-reset'
import { smtpTransport } from '@/lib/mail/transport.server'
import { claimDue, deliverBatch, messageIdOf, type WorkerContext } from '@/lib/mail/worker.server'
import { closedPort, startSilentServer, startSmtpSink, type SmtpSink } from '@/tests/mail/smtp-sink'

const FROM = { name: 'Bijak Bermedia Sosial', address: 'noreply@bkpsdm.contoh.go.id' }
let sink: SmtpSink
let sequence = 0

beforeAll(async () => {
  sink = await startSmtpSink()
})

afterAll(async () => {
  await sink.stop()
})

beforeEach(async () => {
  await db.outboxMessage.deleteMany()
  sink.received.length = 0
  sink.behaviour.refuseRecipient = undefined
  sink.behaviour.holdMessage = undefined
})

function context(overrides: Partial<WorkerContext> = {}): WorkerContext {
  return { db, provider: databaseProvider, transport: smtpTransport(sink.url, { connectionMs: 5_000, greetingMs: 5_000, socketMs: 10_000 }), from: FROM, ...overrides }
}

async function queue(overrides: { to?: string; toName?: string; key?: string; subject?: string; sensitive?: boolean; expiresAt?: Date | null } = {}) {
  const n = ++sequence
  const inserted = await queueMail(db, {
    idempotencyKey: overrides.key ?? `test|u${n}|s|2027-01-01`,
    kind: 'test',
    userId: null,
    to: overrides.to ?? `peserta${n}@contoh.go.id`,
    toName: overrides.toName ?? `Peserta ${n}`,
    subject: overrides.subject ?? `Pesan ${n}`,
    text: `Teks ${n}`,
    html: `<p>HTML ${n}</p>`,
    sensitive: overrides.sensitive ?? false,
    expiresAt: overrides.expiresAt ?? null,
  })
  return { n, inserted }
}

const after = (ms: number) => () => new Date(Date.now() + ms)

describe('delivery to a real SMTP server', () => {
  it('sends the queued message with its headers, text and HTML parts and the link; a sensitive one is redacted once sent', async () => {
    const mail = passwordResetMail({ name: 'Budi Santoso', token: 'RAHASIA_token-123', baseUrl: 'https://bijak.contoh.go.id', validMinutes: 60 })
    await queueMail(db, { idempotencyKey: 'password-reset|u1|08:00|2027-01-01', kind: 'password-reset', userId: null, to: 'Budi@Contoh.go.id', toName: 'Budi Santoso', ...mail, sensitive: true })
    expect(await deliverBatch(context())).toMatchObject({ claimed: 1, sent: 1 })

    expect(sink.received).toHaveLength(1)
    const [got] = sink.received
    const row = await db.outboxMessage.findFirstOrThrow()
    expect(got!.envelopeTo).toEqual(['budi@contoh.go.id'])
    expect(got!.envelopeFrom).toBe(FROM.address)
    expect(got!.parsed.from?.value).toEqual([{ name: FROM.name, address: FROM.address }])
    expect(got!.parsed.to).toMatchObject({ value: [{ name: 'Budi Santoso', address: 'budi@contoh.go.id' }] })
    expect(got!.parsed.subject).toBe('Atur ulang kata sandi Bijak Bermedia Sosial')
    expect(got!.parsed.messageId).toBe(messageIdOf(row.id, FROM))
    expect(got!.parsed.headers.get('auto-submitted')).toBe('auto-generated')
    const link = 'https://bijak.contoh.go.id/atur-ulang-sandi/email?token=RAHASIA_token-123'
    expect(got!.parsed.text).toContain(link)
    expect(got!.parsed.html).toContain(`href="${link}"`)

    expect(row).toMatchObject({ status: 'sent', attempts: 1, claimedBy: null, lastError: null })
    expect(row.sentAt).toBeInstanceOf(Date)
    expect(row.text).not.toContain('RAHASIA')
    expect(row.html).not.toContain('RAHASIA')
    expect(row.text).toContain('token=[disembunyikan]')
  })

  it('cannot be given an extra header or recipient through a name with CR/LF', async () => {
    await queue({ toName: 'Budi\r\nBcc: penyusup@jahat.example\r\nX-Sisipan: ya', subject: 'Halo\r\nBcc: penyusup2@jahat.example' })
    await deliverBatch(context())
    const [got] = sink.received
    expect(got!.envelopeTo).toHaveLength(1)
    expect(got!.parsed.bcc).toBeUndefined()
    expect(got!.parsed.headers.has('x-sisipan')).toBe(false)
    expect(got!.raw).not.toMatch(/^Bcc:/im)
    expect(got!.parsed.to).toMatchObject({ value: [{ name: 'Budi Bcc: penyusup@jahat.example X-Sisipan: ya' }] })
    expect(got!.parsed.subject).toBe('Halo Bcc: penyusup2@jahat.example')
  })

  it('refuses to queue a malformed address', async () => {
    await expect(queue({ to: 'budi@contoh.go.id\r\nBcc: x@y.id' })).rejects.toThrow()
    await expect(queue({ to: 'bukan alamat' })).rejects.toThrow()
    expect(await db.outboxMessage.count()).toBe(0)
  })
})

describe('idempotency', () => {
  it('queues the same key once, also from two transactions at the same time', async () => {
    expect((await queue({ key: 'reminder|u1|cohort-1|2027-01-01' })).inserted).toBe(true)
    expect((await queue({ key: 'reminder|u1|cohort-1|2027-01-01' })).inserted).toBe(false)
    const parallel = await Promise.all(
      [1, 2, 3].map(() =>
        db.$transaction(async (tx) =>
          queueMail(tx, { idempotencyKey: 'reminder|u2|cohort-1|2027-01-01', kind: 'reminder', userId: null, to: 'a@contoh.go.id', toName: 'A', subject: 'S', text: 't', html: 'h' }),
        ),
      ),
    )
    expect(parallel.filter(Boolean)).toHaveLength(1)
    expect(await db.outboxMessage.count()).toBe(2)
  })

  it('leaves nothing queued when the transaction of the event rolls back', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueMail(tx, { idempotencyKey: 'x|u|s|d', kind: 'test', userId: null, to: 'a@contoh.go.id', toName: 'A', subject: 'S', text: 't', html: 'h' })
        throw new Error('the event failed')
      }),
    ).rejects.toThrow('the event failed')
    expect(await db.outboxMessage.count()).toBe(0)
  })
})

describe('a server that refuses, times out and comes back', () => {
  it('marks a 5xx refusal as a permanent failure', async () => {
    sink.behaviour.refuseRecipient = (address) => (address.startsWith('tidak-ada') ? 550 : null)
    await queue({ to: 'tidak-ada@contoh.go.id' })
    await queue()
    expect(await deliverBatch(context())).toMatchObject({ sent: 1, failed: 1 })
    const failed = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: 'tidak-ada@contoh.go.id' } })
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, claimedBy: null })
    expect(failed.lastError).toContain('550')
    // Never tried again.
    expect(await deliverBatch(context({ now: after(86_400_000) }))).toMatchObject({ claimed: 0 })
  })

  it('retries a 4xx refusal with backoff and delivers it when the server accepts', async () => {
    sink.behaviour.refuseRecipient = () => 451
    await queue()
    const before = Date.now()
    expect(await deliverBatch(context())).toMatchObject({ retried: 1 })
    const waiting = await db.outboxMessage.findFirstOrThrow()
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, claimedBy: null })
    expect(waiting.lastError).toContain('451')
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 60_000)
    // Not due yet.
    expect(await deliverBatch(context())).toMatchObject({ claimed: 0 })
    sink.behaviour.refuseRecipient = undefined
    expect(await deliverBatch(context({ now: after(61_000) }))).toMatchObject({ sent: 1 })
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
    expect(sink.received).toHaveLength(1)
  })

  it('retries the whole batch when the server is down, and delivers everything once it is back', async () => {
    for (let i = 0; i < 3; i++) await queue()
    const down = `smtp://127.0.0.1:${await closedPort()}`
    expect(await deliverBatch(context({ transport: smtpTransport(down) }))).toMatchObject({ claimed: 3, retried: 3, sent: 0 })
    const rows = await db.outboxMessage.findMany()
    expect(rows.every((row) => row.status === 'pending' && row.attempts === 1 && /ECONNREFUSED|ECONNECTION/.test(row.lastError ?? ''))).toBe(true)
    expect(await deliverBatch(context({ now: after(61_000) }))).toMatchObject({ sent: 3 })
    expect(sink.received).toHaveLength(3)
  })

  it('loses nothing when the server dies mid-batch: what it accepted stays sent, the rest is retried once it is back', async () => {
    for (let i = 0; i < 5; i++) await queue()
    sink.behaviour.holdMessage = sink.dataStarted() + 3
    const batch = deliverBatch(context())
    await expect.poll(() => sink.dataStarted(), { timeout: 30_000 }).toBe(sink.behaviour.holdMessage)
    await sink.stop()
    expect(await batch).toMatchObject({ claimed: 5, sent: 2, retried: 3 })
    expect(await db.outboxMessage.count({ where: { status: 'pending', claimedBy: null } })).toBe(3)
    sink.behaviour.holdMessage = undefined
    await sink.restart()
    expect(await deliverBatch(context({ now: after(61_000) }))).toMatchObject({ sent: 3 })
    const subjects = sink.received.map((mail) => mail.parsed.subject)
    expect(subjects).toHaveLength(5)
    expect(new Set(subjects).size).toBe(5)
  })

  it('gives up on a server that never answers (timeout) and retries later', async () => {
    const silent = await startSilentServer()
    try {
      await queue()
      const hanging = smtpTransport(silent.url, { connectionMs: 1_000, greetingMs: 1_000, socketMs: 1_000 })
      expect(await deliverBatch(context({ transport: hanging }))).toMatchObject({ retried: 1 })
      expect((await db.outboxMessage.findFirstOrThrow()).lastError).toMatch(/ETIMEDOUT|Greeting never received|timeout/i)
    } finally {
      await silent.stop()
    }
    expect(await deliverBatch(context({ now: after(61_000) }))).toMatchObject({ sent: 1 })
    expect(sink.received).toHaveLength(1)
  })

  it('marks a message that can no longer help as expired instead of sending it', async () => {
    await queue({ expiresAt: new Date(Date.now() + 3_600_000) })
    expect(await deliverBatch(context({ now: after(3_600_001) }))).toMatchObject({ expired: 1, sent: 0 })
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'expired' })
    expect(sink.received).toHaveLength(0)
  })
})

// PostgreSQL: a second client is a second instance (its own connections; FOR UPDATE SKIP LOCKED
// is what keeps the claims apart). SQLite: one process delivers, and better-sqlite3 is
// synchronous, so a second connection in this process would block the first one's commit while
// it waits for the lock; the worker killed below runs in a process of its own instead.
function secondInstance() {
  if (databaseProvider !== 'postgresql') return { db, $disconnect: async () => {} }
  const client = createDbClient(process.env.DATABASE_URL).db
  return { db: client, $disconnect: () => client.$disconnect() }
}

describe('several workers', () => {
  it('never lets two workers claim the same message', async () => {
    for (let i = 0; i < 30; i++) await queue()
    const second = secondInstance()
    try {
      const claims = await Promise.all([
        claimDue(context({ batchSize: 20 }), 'worker-a'),
        claimDue({ ...context({ batchSize: 20 }), db: second.db }, 'worker-b'),
        claimDue(context({ batchSize: 20 }), 'worker-c'),
      ])
      const ids = claims.flat().map((message) => message.id)
      expect(ids).toHaveLength(30)
      expect(new Set(ids).size).toBe(30)
    } finally {
      await second.$disconnect()
    }
  })

  it('delivers each message exactly once when two workers run at the same time', async () => {
    for (let i = 0; i < 12; i++) await queue()
    const second = secondInstance()
    try {
      await Promise.all([deliverBatch(context({ batchSize: 4 })), deliverBatch({ ...context({ batchSize: 4 }), db: second.db }), deliverBatch(context({ batchSize: 4 }))])
      await Promise.all([deliverBatch(context({ batchSize: 4 })), deliverBatch({ ...context({ batchSize: 4 }), db: second.db })])
    } finally {
      await second.$disconnect()
    }
    expect(await db.outboxMessage.count({ where: { status: 'sent' } })).toBe(12)
    const subjects = sink.received.map((mail) => mail.parsed.subject)
    expect(subjects).toHaveLength(12)
    expect(new Set(subjects).size).toBe(12)
  })
})

describe('a worker killed mid-batch', () => {
  let child: ChildProcess | undefined
  // npx → tsx → node: the worker is a grandchild, so the whole process group is killed.
  const killGroup = (process_: ChildProcess) => {
    try {
      process.kill(-process_.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  afterAll(() => {
    if (child) killGroup(child)
  })

  it('loses and duplicates nothing: what it sent stays sent, the rest is delivered once its lease lapses', async () => {
    const total = 8
    for (let i = 0; i < total; i++) await queue()
    // The sink accepts three messages and hangs on the fourth, as a server dying mid-DATA would.
    sink.behaviour.holdMessage = sink.dataStarted() + 4
    child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/mail-worker.ts'], {
      env: { ...process.env, SMTP_URL: sink.url, MAIL_FROM: `${FROM.name} <${FROM.address}>`, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    await expect.poll(() => sink.dataStarted() >= sink.behaviour.holdMessage! ? 'holding' : output, { timeout: 120_000, interval: 200 }).toBe('holding')
    expect(sink.received).toHaveLength(3)
    const exited = new Promise((resolve) => child!.once('exit', resolve))
    const group = child.pid!
    killGroup(child)
    await exited
    child = undefined
    // Every process of the worker is gone (signal 0 only checks that the group exists).
    await expect.poll(() => {
      try {
        process.kill(-group, 0)
        return 'alive'
      } catch {
        return 'dead'
      }
    }, { timeout: 10_000 }).toBe('dead')

    const rows = await db.outboxMessage.findMany({ orderBy: { id: 'asc' } })
    expect(rows.filter((row) => row.status === 'sent')).toHaveLength(3)
    // The rest are still the dead worker's (lease running): nobody else may take them yet.
    const stranded = rows.filter((row) => row.status === 'pending')
    expect(stranded).toHaveLength(total - 3)
    expect(stranded.every((row) => row.claimedBy && row.claimedUntil && row.claimedUntil > new Date())).toBe(true)
    expect(await deliverBatch(context())).toMatchObject({ claimed: 0 })

    // Once the lease has lapsed, another worker delivers them.
    const lease = Math.max(...stranded.map((row) => row.claimedUntil!.getTime())) - Date.now()
    expect(await deliverBatch(context({ now: after(lease + 1_000) }))).toMatchObject({ claimed: total - 3, sent: total - 3 })
    expect(await db.outboxMessage.count({ where: { status: 'sent' } })).toBe(total)
    const subjects = sink.received.map((mail) => mail.parsed.subject).sort()
    expect(subjects).toEqual(rows.map((row) => row.subject).sort())
    expect(new Set(sink.received.map((mail) => mail.parsed.messageId)).size).toBe(total)
  }, 240_000)
})
