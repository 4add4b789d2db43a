import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDbClient } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'
import { setCohortReminders } from '@/lib/hr/cohorts.server'
import { getDashboard } from '@/lib/hr/dashboard.server'
import { digestKey, queueDueReminders, queueHrDigests, reminderKey, runSchedulerTick, type SchedulerContext } from '@/lib/mail/scheduler.server'
import { headerSafe } from '@/lib/mail/headers'
import { dueReminderMail } from '@/lib/mail/templates/due-reminder'
import { smtpTransport } from '@/lib/mail/transport.server'
import { deliverBatch } from '@/lib/mail/worker.server'
import { startSmtpSink, type SmtpSink } from '@/tests/mail/smtp-sink'
import { seedAgencies, refusal, uniqueNip } from './helpers'

// Due-date reminders queued by the scheduler (decision 036), on the provider under test.
const BASE = 'https://bijak.contoh.go.id'
const ctx = (overrides: Partial<SchedulerContext> = {}): SchedulerContext => ({ db, provider: databaseProvider, baseUrl: BASE, ...overrides })
// A cohort due 20 March 2027 (the end of that day in Jakarta, as HR's form stores it).
const DUE = new Date('2027-03-20T23:59:59+07:00')
// 09:00 in Jakarta on 13 March: 7 days before.
const H7 = new Date('2027-03-13T02:00:00Z')

let agency: { id: string }
let otherAgency: { id: string }
let officer: { id: string; agencyId: string }
let foreignOfficer: { id: string; agencyId: string }
let sequence = 0

beforeAll(async () => {
  const seeded = await seedAgencies()
  agency = seeded.agency
  otherAgency = seeded.otherAgency
  officer = { id: (await person({ role: 'hr' })).id, agencyId: agency.id }
  foreignOfficer = { id: (await person({ role: 'hr', agencyId: otherAgency.id })).id, agencyId: otherAgency.id }
})

beforeEach(async () => {
  // Each test starts with no cohorts (a cohort of an earlier test would be due too).
  await db.outboxMessage.deleteMany()
  await db.quizAttempt.deleteMany()
  await db.enrolment.deleteMany()
  await db.cohort.deleteMany()
})

/** A person with a password (or none: imported, never activated), in the agency. */
async function person(options: { role?: 'learner' | 'hr'; password?: boolean; disabled?: boolean; agencyId?: string; name?: string; email?: string } = {}) {
  const n = ++sequence
  const id = randomUUID()
  return db.user.create({
    data: {
      id,
      name: options.name ?? `Peserta ${n}`,
      email: options.email ?? `peserta${n}.${id.slice(0, 6)}@contoh.go.id`,
      nip: uniqueNip(),
      agencyId: options.agencyId ?? agency.id,
      // HR is a grant on top of being a learner (decision 037).
      ...(options.role === 'hr' ? { grants: { create: { capability: 'hr' as const, agencyId: options.agencyId ?? agency.id, scopeKey: options.agencyId ?? agency.id } } } : {}),
      disabledAt: options.disabled ? new Date() : null,
      ...(options.password === false ? {} : { claimedAt: new Date(), accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: 'hash' } } }),
    },
  })
}

async function cohort(options: { dueDate?: Date; kind?: 'onboarding' | 'refresher'; agencyId?: string } = {}) {
  const n = ++sequence
  return db.cohort.create({ data: { agencyId: options.agencyId ?? agency.id, kind: options.kind ?? 'refresher', year: 2000 + n, name: `Kelompok ${n}`, dueDate: options.dueDate ?? DUE } })
}

async function enrol(userId: string, target: { id: string; kind: string; year: number }) {
  return db.enrolment.create({ data: { userId, cohortId: target.id, cycleKey: target.kind === 'onboarding' ? 'onboarding' : `refresher-${target.year}` } })
}

/** A passed post-test: the trigger sets the enrolment's passedAt (decision 033). */
async function pass(userId: string, enrolmentId: string) {
  await db.quizAttempt.create({
    data: { userId, enrolmentId, kind: 'posttest', contentVersion: 't', seed: 's', items: '{}', expiresAt: H7, submittedAt: H7, score: 90, passed: true },
  })
}

async function reminders() {
  return db.outboxMessage.findMany({ where: { kind: 'due-reminder' }, orderBy: { toAddress: 'asc' } })
}

describe('due-date reminders', () => {
  it('reminds every enrolled person who has not passed, once, 7 days before', async () => {
    const group = await cohort()
    const waiting = [await person(), await person(), await person({ role: 'hr' })]
    for (const someone of waiting) await enrol(someone.id, group)
    const passed = await person()
    await pass(passed.id, (await enrol(passed.id, group)).id)
    const disabled = await person({ disabled: true })
    await enrol(disabled.id, group)
    const neverActivated = await person({ password: false })
    await enrol(neverActivated.id, group)
    await enrol((await person()).id, await cohort({ dueDate: new Date('2027-03-25T23:59:59+07:00') })) // no reminder day today

    const first = await runSchedulerTick(ctx({ batchSize: 2 }), H7)
    expect(first.reminders).toMatchObject({ cohorts: 1, considered: 3, queued: 3, unreachable: 0 })
    const rows = await reminders()
    expect(rows.map((row) => row.userId).sort()).toEqual(waiting.map((someone) => someone.id).sort())
    const row = rows.find((candidate) => candidate.userId === waiting[0]!.id)!
    expect(row).toMatchObject({ status: 'pending', toAddress: waiting[0]!.email, idempotencyKey: reminderKey(waiting[0]!.id, H7) })
    expect(row.subject).toBe('Pengingat: tenggat kursus Bijak Bermedia Sosial 7 hari lagi')
    expect(row.text).toContain(`kelompok "${group.name}" adalah 20 Maret 2027, 7 hari lagi`)
    expect(row.text).toContain(`${BASE}/dasbor`)

    // Every later tick of the day (this instance's or another's) queues nothing.
    const second = await runSchedulerTick(ctx(), new Date(H7.getTime() + 5 * 60_000))
    // Those already reminded today are not even read again.
    expect(second.reminders).toMatchObject({ considered: 0, queued: 0 })
    expect(await reminders()).toHaveLength(3)
    // The next day is no reminder day; the day before the due date is.
    expect((await runSchedulerTick(ctx(), new Date('2027-03-14T02:00:00Z'))).reminders.queued).toBe(0)
    expect((await runSchedulerTick(ctx(), new Date('2027-03-19T02:00:00Z'))).reminders.queued).toBe(3)
  })

  it('queues each reminder once when two instances tick at the same moment', async () => {
    const group = await cohort()
    const people = []
    for (let i = 0; i < 25; i++) people.push(await person())
    for (const someone of people) await enrol(someone.id, group)
    // PostgreSQL: a second client is a second instance. SQLite: one process, one connection
    // (better-sqlite3 is synchronous), so the two ticks interleave on it.
    const second = databaseProvider === 'postgresql' ? createDbClient(process.env.DATABASE_URL).db : db
    try {
      const results = await Promise.all([runSchedulerTick(ctx({ batchSize: 4 }), H7), runSchedulerTick(ctx({ db: second, batchSize: 7 }), H7)])
      expect(results[0].reminders.queued + results[1].reminders.queued).toBe(25)
    } finally {
      if (second !== db) await second.$disconnect()
    }
    const rows = await reminders()
    expect(rows).toHaveLength(25)
    expect(new Set(rows.map((row) => row.userId)).size).toBe(25)
  })

  it('sends at most one reminder a day to a person in two cohorts: the nearer deadline', async () => {
    const soon = await cohort({ dueDate: new Date('2027-03-14T23:59:59+07:00'), kind: 'onboarding' }) // tomorrow: h-1
    const later = await cohort() // h-7
    const both = await person()
    await enrol(both.id, soon)
    await enrol(both.id, later)
    const result = await runSchedulerTick(ctx(), H7)
    expect(result.reminders).toMatchObject({ cohorts: 2, considered: 1, queued: 1 })
    const [row] = await reminders()
    expect(row!.subject).toBe('Pengingat: tenggat kursus Bijak Bermedia Sosial besok')
  })

  it('reminds weekly while overdue', async () => {
    const group = await cohort()
    const late = await person()
    await enrol(late.id, group)
    expect((await runSchedulerTick(ctx(), new Date('2027-03-27T02:00:00Z'))).reminders.queued).toBe(1)
    expect((await runSchedulerTick(ctx(), new Date('2027-03-28T02:00:00Z'))).reminders.queued).toBe(0)
    expect((await runSchedulerTick(ctx(), new Date('2027-04-03T02:00:00Z'))).reminders.queued).toBe(1)
    const rows = await reminders()
    expect(rows.map((row) => row.subject)).toEqual(['Tenggat kursus Bijak Bermedia Sosial sudah lewat', 'Tenggat kursus Bijak Bermedia Sosial sudah lewat'])
    expect(rows.map((row) => row.text).join('\n')).toContain('sudah lewat 2 minggu')
  })

  it('leaves out an address the outbox refuses, and counts it as unreachable', async () => {
    const group = await cohort()
    const bad = await person({ email: 'bukan alamat' })
    const good = await person()
    await enrol(bad.id, group)
    await enrol(good.id, group)
    expect((await runSchedulerTick(ctx(), H7)).reminders).toMatchObject({ considered: 2, queued: 1, unreachable: 1 })
  })

  it("queues none for a cohort HR paused, again after HR resumes; another agency's officer cannot pause it", async () => {
    const group = await cohort()
    const someone = await person()
    await enrol(someone.id, group)

    expect((await refusal(setCohortReminders(foreignOfficer, group.id, true))).status).toBe(404)
    expect((await db.cohort.findUniqueOrThrow({ where: { id: group.id } })).remindersPausedAt).toBeNull()

    const paused = await setCohortReminders(officer, group.id, true, H7)
    expect(paused.remindersPausedAt).toEqual(H7)
    expect(await db.auditLog.count({ where: { action: 'cohort.reminders_paused', targetId: group.id, actorId: officer.id } })).toBe(1)
    expect((await runSchedulerTick(ctx(), H7)).reminders).toMatchObject({ cohorts: 0, queued: 0 })

    await setCohortReminders(officer, group.id, false)
    expect((await runSchedulerTick(ctx(), H7)).reminders).toMatchObject({ cohorts: 1, queued: 1 })
    expect(await db.auditLog.count({ where: { action: 'cohort.reminders_resumed', targetId: group.id } })).toBe(1)
  })
})

describe('set-based queueing (decision 038)', () => {
  it('fills the template in SQL exactly as the template module renders it; names to clean and bad addresses go one by one', async () => {
    const group = await cohort()
    const names = [`D'Arcy & "Putri" <b>Ayu</b>`, 'Ni Luh Putu Ség, S.Kom. 🌺', 'Rina\r\nBcc: penyusup@jahat.example', '  Spasi   Ganda ', 'Tanpa\u00a0Putus\tTab', 'Garis\u2028Baru']
    const people: Awaited<ReturnType<typeof person>>[] = []
    for (const name of names) people.push(await person({ name }))
    const badAddress = await person({ email: `bukan-email-${++sequence}` })
    for (const someone of [...people, badAddress]) await enrol(someone.id, group)

    const upper = await person({ email: `Besar.${++sequence}@Contoh.GO.id` })
    await enrol(upper.id, group)
    people.push(upper)
    expect(await queueDueReminders(ctx({ batchSize: 3 }), H7)).toMatchObject({ considered: 8, queued: 7, unreachable: 1 })
    const rows = await reminders()
    expect(rows).toHaveLength(7)
    for (const someone of people) {
      const row = rows.find((candidate) => candidate.userId === someone.id)!
      const name = headerSafe(someone.name)
      const expected = dueReminderMail({ name, cohortName: group.name, dueDate: DUE, stage: { kind: 'h-7' }, baseUrl: BASE })
      expect(row, someone.name).toMatchObject({ toName: name, toAddress: someone.email.toLowerCase(), idempotencyKey: reminderKey(someone.id, H7), sensitive: false, attempts: 0, status: 'pending' })
      expect(row.subject).toBe(expected.subject)
      expect(row.text).toBe(expected.text)
      expect(row.html).toBe(expected.html)
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(row.createdAt.getTime()).toBe(H7.getTime())
      expect(row.nextAttemptAt.getTime()).toBe(H7.getTime())
    }
    expect(rows.find((row) => row.userId === people[0]!.id)!.html).toContain('Yth. D&#39;Arcy &amp; &quot;Putri&quot; &lt;b&gt;Ayu&lt;/b&gt;,')
    expect(rows.find((row) => row.userId === people[2]!.id)!.toName).toBe('Rina Bcc: penyusup@jahat.example')
    expect(rows.find((row) => row.userId === people[4]!.id)!.toName).toBe('Tanpa Putus Tab')
    expect(new Set(rows.map((row) => row.id)).size).toBe(7)
  })
})

describe('the weekly HR digest', () => {
  // Monday 15 March 2027, 08:00 in Jakarta.
  const MONDAY = new Date('2027-03-15T01:00:00Z')
  const digests = (userId: string) => db.outboxMessage.findMany({ where: { kind: 'hr-digest', userId }, orderBy: { createdAt: 'asc' } })

  it("tells each HR officer their own agency's counts per cohort and unit, as the dashboard counts them, once a week", async () => {
    const unit = await db.unit.create({ data: { agencyId: agency.id, name: `Bidang <Uji> ${++sequence}` } })
    const group = await cohort()
    const finishedGroup = await cohort({ dueDate: new Date('2027-02-01T23:59:59+07:00') })
    const inUnit = [await person(), await person()]
    for (const someone of inUnit) await db.user.update({ where: { id: someone.id }, data: { unitId: unit.id } })
    const noUnit = await person()
    for (const someone of [...inUnit, noUnit]) await enrol(someone.id, group)
    await pass(inUnit[0]!.id, (await db.enrolment.findFirstOrThrow({ where: { userId: inUnit[0]!.id, cohortId: group.id } })).id)
    const done = await person()
    await pass(done.id, (await enrol(done.id, finishedGroup)).id)
    const foreignGroup = await cohort({ agencyId: otherAgency.id })
    await enrol((await person({ agencyId: otherAgency.id })).id, foreignGroup)

    // Monday before 07:00 in Jakarta: not yet.
    expect((await queueHrDigests(ctx(), new Date('2027-03-14T23:00:00Z'))).queued).toBe(0)
    const first = await runSchedulerTick(ctx(), MONDAY)
    expect(first.digests.queued).toBeGreaterThanOrEqual(2)
    const [mine] = await digests(officer.id)
    expect(mine).toMatchObject({ idempotencyKey: digestKey(officer.id, agency.id, MONDAY), status: 'pending' })
    expect(mine!.idempotencyKey).toMatch(/\|2027-W11$/)
    expect(mine!.subject).toContain('Ringkasan mingguan')
    // The dashboard's numbers for the same cohort (the read model), in the digest's words.
    const dashboard = (await getDashboard(agency.id, group.id, MONDAY))!
    expect(dashboard.counts).toMatchObject({ lulus: 1, 'belum-mulai': 2, total: 3 })
    expect(mine!.text).toContain(`${group.name} (tenggat 20 Maret 2027): 3 peserta`)
    expect(mine!.text).toContain('  Lulus 1 · Sedang belajar 0 · Terlambat 0 · Belum mulai 2')
    expect(mine!.text).toContain(`  - ${unit.name}: Lulus 1 · Sedang belajar 0 · Terlambat 0 · Belum mulai 1`)
    expect(mine!.text).toContain('  - Tanpa unit kerja: Lulus 0 · Sedang belajar 0 · Terlambat 0 · Belum mulai 1')
    expect(mine!.text).toContain(`${BASE}/hr?kelompok=${group.id}`)
    expect(mine!.html).toContain('Bidang &lt;Uji&gt;')
    // A cohort everyone finished is left out; another agency's cohort never appears.
    expect(mine!.text).not.toContain(finishedGroup.name)
    expect(mine!.text).not.toContain(foreignGroup.name)
    const [theirs] = await digests(foreignOfficer.id)
    expect(theirs!.text).toContain(foreignGroup.name)
    expect(theirs!.text).not.toContain(group.name)

    // Any later tick that week, on any instance, queues nothing; the next week's does.
    expect((await runSchedulerTick(ctx(), new Date('2027-03-17T05:00:00Z'))).digests.queued).toBe(0)
    expect((await runSchedulerTick(ctx(), new Date('2027-03-21T16:59:00Z'))).digests.queued).toBe(0) // Sunday 23:59 WIB
    expect(await digests(officer.id)).toHaveLength(1)
    await runSchedulerTick(ctx(), new Date('2027-03-22T01:00:00Z'))
    expect(await digests(officer.id)).toHaveLength(2)
  })

  it('goes to no disabled officer, and an officer whose address the outbox refuses is counted unreachable', async () => {
    const disabled = await person({ role: 'hr', disabled: true })
    const broken = await person({ role: 'hr', email: `bukan-alamat-${++sequence}` })
    const crlf = await person({ role: 'hr', name: 'Sari\r\nBcc: penyusup@jahat.example\r\nSubject: palsu' })
    const result = await queueHrDigests(ctx(), MONDAY)
    const [toCrlf] = await digests(crlf.id)
    expect(toCrlf!.toName).toBe('Sari Bcc: penyusup@jahat.example Subject: palsu')
    expect(toCrlf!.text).toContain('Yth. Sari Bcc: penyusup@jahat.example Subject: palsu,')
    expect(result.unreachable).toBeGreaterThanOrEqual(1)
    expect(await digests(disabled.id)).toHaveLength(0)
    expect(await digests(broken.id)).toHaveLength(0)
    expect(await digests(officer.id)).toHaveLength(1)
    for (const officerToRetire of [broken, crlf]) await db.user.update({ where: { id: officerToRetire.id }, data: { disabledAt: new Date() } })
  })
})

describe('a reminder on a real SMTP server', () => {
  let sink: SmtpSink
  beforeAll(async () => {
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await sink.stop()
  })

  it('arrives with both parts and the link, and a name with CR/LF adds no header', async () => {
    const group = await cohort()
    const someone = await person({ name: 'Rina\r\nBcc: penyusup@jahat.example\r\nSubject: palsu', email: 'rina@contoh.go.id' })
    await enrol(someone.id, group)
    // The reminders alone (a whole tick would queue this week's HR digests too).
    expect((await queueDueReminders(ctx(), H7)).queued).toBe(1)
    const from = { name: 'Bijak Bermedia Sosial', address: 'noreply@bkpsdm.contoh.go.id' }
    const transport = smtpTransport(sink.url, { connectionMs: 5_000, greetingMs: 5_000, socketMs: 10_000 })
    expect(await deliverBatch({ db, provider: databaseProvider, transport, from, now: () => H7 })).toMatchObject({ sent: 1 })
    transport.close()

    expect(sink.received).toHaveLength(1)
    const [got] = sink.received
    expect(got!.envelopeTo).toEqual(['rina@contoh.go.id'])
    expect(got!.parsed.subject).toBe('Pengingat: tenggat kursus Bijak Bermedia Sosial 7 hari lagi')
    expect(got!.parsed.headers.get('bcc')).toBeUndefined()
    expect(got!.parsed.to).toMatchObject({ value: [{ name: 'Rina Bcc: penyusup@jahat.example Subject: palsu', address: 'rina@contoh.go.id' }] })
    expect(got!.parsed.text).toContain(`${BASE}/dasbor`)
    expect(got!.parsed.html).toContain(`href="${BASE}/dasbor"`)
  })
})
