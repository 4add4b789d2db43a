import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { activationIdentifiers, claimAccount, issueActivationCodes } from '@/lib/accounts/activation.server'
import { sendCohortInvitations } from '@/lib/accounts/invitations.server'
import { databaseProvider, db } from '@/lib/db/db.server'
import { smtpTransport } from '@/lib/mail/transport.server'
import { deliverBatch } from '@/lib/mail/worker.server'
import { startSmtpSink } from '@/tests/mail/smtp-sink'
import { refusal, seedAgencies, uniqueNip } from './helpers'

// "Kirim undangan" (decision 036): an activation code by email to each person of a cohort who
// has not activated, queued with the code in one transaction.
let agency: { id: string }
let officer: { id: string; agencyId: string }
let foreignOfficer: { id: string; agencyId: string }

beforeAll(async () => {
  const seeded = await seedAgencies()
  agency = seeded.agency
  officer = { id: (await db.user.create({ data: { id: randomUUID(), name: 'HR', email: 'hr-undangan@contoh.go.id', agencyId: agency.id, grants: { create: { capability: 'hr', agencyId: agency.id, scopeKey: agency.id } } } })).id, agencyId: agency.id }
  foreignOfficer = {
    id: (await db.user.create({ data: { id: randomUUID(), name: 'HR lain', email: 'hr-lain-undangan@contoh.go.id', agencyId: seeded.otherAgency.id, grants: { create: { capability: 'hr', agencyId: seeded.otherAgency.id, scopeKey: seeded.otherAgency.id } } } })).id,
    agencyId: seeded.otherAgency.id,
  }
})

let sequence = 0
async function imported(cohortId: string, options: { email?: string; activated?: boolean } = {}) {
  const n = ++sequence
  const id = randomUUID()
  const user = await db.user.create({
    data: {
      id,
      name: `Diimpor ${n}`,
      email: options.email ?? `diimpor${n}.${id.slice(0, 6)}@contoh.go.id`,
      nip: uniqueNip(),
      agencyId: agency.id,
      ...(options.activated ? { claimedAt: new Date(), accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: 'hash' } } } : {}),
    },
  })
  await db.enrolment.create({ data: { userId: user.id, cohortId, cycleKey: `refresher-${2100 + n}` } })
  return user
}

describe('Kirim undangan', () => {
  it('emails each person who has not activated a working code, once a day; the activated and the unreachable are left out', async () => {
    const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'refresher', year: 2100, name: 'Undangan 1', dueDate: new Date('2027-03-20T16:59:59Z') } })
    const waiting = [await imported(cohort.id), await imported(cohort.id)]
    await imported(cohort.id, { activated: true })
    await imported(cohort.id, { email: 'bukan alamat' })

    expect(await sendCohortInvitations(officer, cohort.id)).toEqual({ sent: 2, already: 0, unreachable: 1 })
    const rows = await db.outboxMessage.findMany({ where: { kind: 'invitation', userId: { in: waiting.map((u) => u.id) } } })
    expect(rows).toHaveLength(2)
    const row = rows.find((r) => r.userId === waiting[0]!.id)!
    expect(row).toMatchObject({ sensitive: true, toAddress: waiting[0]!.email })
    const code = /Kode aktivasi: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(row.text)?.[1]
    expect(code).toBeTruthy()
    // The code in the email is the one that works.
    const { activationCodeMatches } = await import('@/lib/accounts/activation-code')
    const stored = await db.verification.findFirstOrThrow({ where: { identifier: `activation:${waiting[0]!.id}` } })
    expect(activationCodeMatches(code!, stored.value)).toBe(true)

    // A second click the same day queues nothing and keeps the emailed code working.
    expect(await sendCohortInvitations(officer, cohort.id)).toEqual({ sent: 0, already: 2, unreachable: 1 })
    const after = await db.verification.findFirstOrThrow({ where: { identifier: `activation:${waiting[0]!.id}` } })
    expect(after.value).toBe(stored.value)
    expect(await db.auditLog.count({ where: { action: 'cohort.invitations_sent', targetId: cohort.id } })).toBe(2)
  })

  it('keeps the emailed code working when HR downloads the CSV, and the CSV code too, until the account is claimed', async () => {
    const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'refresher', year: 2100, name: 'Undangan CSV' } })
    const person = await imported(cohort.id)
    expect(await sendCohortInvitations(officer, cohort.id)).toMatchObject({ sent: 1 })
    const message = await db.outboxMessage.findFirstOrThrow({ where: { kind: 'invitation', userId: person.id } })
    const emailed = /Kode aktivasi: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(message.text)?.[1]
    expect(emailed).toBeTruthy()
    const { activationCodeMatches } = await import('@/lib/accounts/activation-code')
    const works = async (code: string) =>
      (await db.verification.findMany({ where: { identifier: { in: activationIdentifiers(person.id) }, expiresAt: { gt: new Date() } } })).some((row) =>
        activationCodeMatches(code, row.value),
      )

    const firstCsv = (await issueActivationCodes(officer)).issued.find((row) => row.id === person.id)!.code
    expect(await works(emailed!)).toBe(true)
    expect(await works(firstCsv)).toBe(true)
    // A second download replaces the first CSV code only.
    const secondCsv = (await issueActivationCodes(officer)).issued.find((row) => row.id === person.id)!.code
    expect(await works(firstCsv)).toBe(false)
    expect(await works(secondCsv)).toBe(true)
    expect(await works(emailed!)).toBe(true)

    // The person activates with the emailed code; every code of theirs then ends.
    const claimed = await claimAccount({ nip: person.nip, code: emailed, password: 'Kata-sandi-benar-9', passwordConfirm: 'Kata-sandi-benar-9' }, new Headers({ 'x-forwarded-for': '203.0.113.41' }))
    expect(claimed).toEqual({ ok: true })
    expect(await db.verification.count({ where: { identifier: { in: activationIdentifiers(person.id) } } })).toBe(0)
  })

  it("refuses another agency's cohort as not found", async () => {
    const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'refresher', year: 2100, name: 'Undangan 2' } })
    await imported(cohort.id)
    expect((await refusal(sendCohortInvitations(foreignOfficer, cohort.id))).status).toBe(404)
    expect(await db.outboxMessage.count({ where: { kind: 'invitation', userId: { in: (await db.enrolment.findMany({ where: { cohortId: cohort.id } })).map((e) => e.userId) } } })).toBe(0)
  })

  it('arrives at a real SMTP server with the code and the link; the stored copy loses the code once sent', async () => {
    const sink = await startSmtpSink()
    try {
      await db.outboxMessage.deleteMany()
      const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'refresher', year: 2100, name: 'Undangan 3' } })
      const person = await imported(cohort.id)
      expect((await sendCohortInvitations(officer, cohort.id)).sent).toBe(1)
      const transport = smtpTransport(sink.url, { connectionMs: 5_000, greetingMs: 5_000, socketMs: 10_000 })
      expect(await deliverBatch({ db, provider: databaseProvider, transport, from: { name: 'Bijak', address: 'noreply@contoh.go.id' } })).toMatchObject({ sent: 1 })
      transport.close()
      const [got] = sink.received
      expect(got!.envelopeTo).toEqual([person.email])
      expect(got!.parsed.subject).toBe('Undangan kursus Bijak Bermedia Sosial: aktifkan akun Anda')
      const code = /Kode aktivasi: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(got!.parsed.text ?? '')?.[1]
      expect(code).toBeTruthy()
      expect(got!.parsed.html).toContain(code!)
      expect(got!.parsed.html).toMatch(/href="[^"]+\/aktivasi"/)
      const row = await db.outboxMessage.findFirstOrThrow({ where: { userId: person.id } })
      expect(row.status).toBe('sent')
      expect(row.text).not.toContain(code!)
      expect(row.html).not.toContain(code!)
    } finally {
      await sink.stop()
    }
  })
})
