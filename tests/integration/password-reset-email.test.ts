import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { requestPasswordResetLink, resetLinkUsable, resetPasswordWithLink } from '@/lib/accounts/password-reset-email.server'
import { resetLinkIdentifier } from '@/lib/accounts/password-reset-link'
import { signIn } from '@/lib/accounts/sign-in.server'
import { auth } from '@/lib/auth/auth.server'
import { databaseProvider, db } from '@/lib/db/db.server'
import { smtpTransport } from '@/lib/mail/transport.server'
import { deliverBatch } from '@/lib/mail/worker.server'
import { seedUser } from '@/prisma/seed/seeders'
import { startSmtpSink, type SmtpSink } from '@/tests/mail/smtp-sink'
import { seedAgencies, uniqueNip } from './helpers'

const PASSWORD = 'Kata-sandi-lama-9'
const NEW_PASSWORD = 'Sandi-baru-yang-kuat-7'
let agencyId: string
let counter = 0
let sink: SmtpSink
const from = () => new Headers({ 'x-forwarded-for': `198.51.100.${++counter % 250}` })

async function person(label: string, extra: { name?: string; disabled?: boolean } = {}) {
  const nip = uniqueNip()
  const user = await seedUser(db, { name: extra.name ?? `Peserta ${label}`, email: `${label}@contoh.go.id`, password: PASSWORD, nip, employmentType: 'PNS', agencyId })
  if (extra.disabled) await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } })
  return { ...user, nip }
}

async function signedInSession(email: string) {
  await auth.api.signInEmail({ body: { email, password: PASSWORD } })
}

/** The token in the link of the newest reset email queued for this address. */
async function tokenFromOutbox(email: string) {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: email, kind: 'password-reset' }, orderBy: { createdAt: 'desc' } })
  const match = /\/atur-ulang-sandi\/email\?token=([A-Za-z0-9_-]{43})/.exec(message.text)
  if (!match) throw new Error(`no link in: ${message.text}`)
  return match[1]!
}

const deliver = () => deliverBatch({ db, provider: databaseProvider, transport: smtpTransport(sink.url), from: { name: 'Bijak', address: 'noreply@contoh.go.id' } })

beforeAll(async () => {
  agencyId = (await seedAgencies()).agency.id
  sink = await startSmtpSink()
})

afterAll(async () => {
  await sink.stop()
})

beforeEach(() => {
  sink.received.length = 0
})

describe('asking for a reset link', () => {
  it('queues one email with a one-time link (only its hash stored) and the sink receives it', async () => {
    const p = await person('minta')
    expect(await requestPasswordResetLink({ email: 'MINTA@contoh.go.id' }, from())).toEqual({ ok: true })
    const message = await db.outboxMessage.findFirstOrThrow({ where: { userId: p.id } })
    expect(message).toMatchObject({ kind: 'password-reset', toAddress: 'minta@contoh.go.id', toName: 'Peserta minta', sensitive: true, status: 'pending' })
    expect(message.expiresAt!.getTime() - message.createdAt.getTime()).toBe(3_600_000)
    const token = await tokenFromOutbox(p.email)
    const stored = await db.verification.findFirstOrThrow({ where: { identifier: resetLinkIdentifier(token) } })
    expect(stored.value).toBe(p.id)
    expect(JSON.stringify(await db.verification.findMany())).not.toContain(token)
    expect(await db.auditLog.count({ where: { action: 'user.reset_link_requested', targetId: p.id } })).toBe(1)

    await deliver()
    const [mail] = sink.received
    expect(mail!.envelopeTo).toEqual(['minta@contoh.go.id'])
    expect(mail!.parsed.text).toContain(`http://localhost:3000/atur-ulang-sandi/email?token=${token}`)
    expect(mail!.parsed.html).toContain(`href="http://localhost:3000/atur-ulang-sandi/email?token=${token}"`)
  })

  it('answers the same for an unknown, a disabled and a never-activated address, and queues nothing for them', async () => {
    await person('nonaktif', { disabled: true })
    const imported = await db.user.create({ data: { id: `imp-${Date.now()}`, name: 'Belum Aktif', email: 'belum-aktif@contoh.go.id', nip: uniqueNip(), agencyId } })
    const before = await db.outboxMessage.count()
    for (const email of ['tidak-ada@contoh.go.id', 'nonaktif@contoh.go.id', imported.email]) {
      expect(await requestPasswordResetLink({ email }, from())).toEqual({ ok: true })
    }
    expect(await db.outboxMessage.count()).toBe(before)
  })

  it('queues nothing more when the request is repeated, and the first link keeps working', async () => {
    const p = await person('ulang')
    const now = new Date()
    await requestPasswordResetLink({ email: p.email }, from(), now)
    const first = await tokenFromOutbox(p.email)
    await Promise.all([requestPasswordResetLink({ email: p.email }, from(), now), requestPasswordResetLink({ email: p.email }, from(), now)])
    expect(await db.outboxMessage.count({ where: { userId: p.id } })).toBe(1)
    expect(await resetLinkUsable(first, now)).toBe(true)
  })

  it('ends an earlier link when a newer one is sent', async () => {
    const p = await person('baru')
    const now = new Date()
    await requestPasswordResetLink({ email: p.email }, from(), now)
    const older = await tokenFromOutbox(p.email)
    const later = new Date(now.getTime() + 16 * 60_000)
    await requestPasswordResetLink({ email: p.email }, from(), later)
    const newer = await tokenFromOutbox(p.email)
    expect(newer).not.toBe(older)
    expect(await resetLinkUsable(older, later)).toBe(false)
    expect(await resetLinkUsable(newer, later)).toBe(true)
  })

  it('is limited per typed address, whether or not it exists', async () => {
    for (const email of ['batas@contoh.go.id', 'batas-tak-ada@contoh.go.id']) {
      if (email === 'batas@contoh.go.id') await person('batas')
      const results = []
      for (let i = 0; i < 6; i++) results.push(await requestPasswordResetLink({ email }, from(), new Date(Date.now() + i * 60_000)))
      expect(results.slice(0, 5).every((result) => result.ok)).toBe(true)
      expect(results[5]).toMatchObject({ ok: false, fieldErrors: { form: expect.stringContaining('Terlalu banyak permintaan untuk alamat ini') } })
    }
  })

  it('refuses a malformed address with a field message', async () => {
    expect(await requestPasswordResetLink({ email: 'bukan-email' }, from())).toMatchObject({ ok: false, fieldErrors: { email: expect.stringContaining('Format email tidak valid') } })
  })

  it('cannot add a recipient through a name with CR/LF', async () => {
    const p = await person('crlf', { name: 'Budi\r\nBcc: penyusup@jahat.example' })
    await requestPasswordResetLink({ email: p.email }, from())
    await deliver()
    const mail = sink.received.find((m) => m.envelopeTo.includes('crlf@contoh.go.id'))!
    expect(mail.envelopeTo).toEqual(['crlf@contoh.go.id'])
    expect(mail.parsed.bcc).toBeUndefined()
    const headerBlock = mail.raw.split(/\r?\n\r?\n/)[0]!
    expect(headerBlock).not.toMatch(/^Bcc:/im)
    // The greeting is one line too.
    expect(mail.parsed.text).toContain('Yth. Budi Bcc: penyusup@jahat.example,')
  })
})

describe('using the link', () => {
  it('sets the password, ends every session, verifies the email, and works only once', async () => {
    const p = await person('pakai')
    await signedInSession(p.email)
    await signedInSession(p.email)
    expect(await db.session.count({ where: { userId: p.id } })).toBe(2)
    await requestPasswordResetLink({ email: p.email }, from())
    const token = await tokenFromOutbox(p.email)
    await db.user.update({ where: { id: p.id }, data: { emailVerified: false } })

    expect(await resetPasswordWithLink({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, from())).toEqual({ ok: true })
    expect(await db.session.count({ where: { userId: p.id } })).toBe(0)
    expect((await db.user.findUniqueOrThrow({ where: { id: p.id } })).emailVerified).toBe(true)
    expect(await db.auditLog.count({ where: { action: 'user.password_reset', targetId: p.id } })).toBe(1)
    expect(await signIn({ identifier: p.email, password: NEW_PASSWORD }, from())).toMatchObject({ ok: true })
    expect(await signIn({ identifier: p.email, password: PASSWORD }, from())).toMatchObject({ ok: false })

    expect(await resetPasswordWithLink({ token, password: 'Sandi-pencuri-1', passwordConfirm: 'Sandi-pencuri-1' }, from())).toMatchObject({ ok: false, fieldErrors: { form: expect.stringContaining('tidak berlaku lagi') } })
  })

  it('lets only one of two parallel uses through', async () => {
    const p = await person('paralel')
    await requestPasswordResetLink({ email: p.email }, from())
    const token = await tokenFromOutbox(p.email)
    const results = await Promise.all(['Sandi-pertama-1', 'Sandi-kedua-22'].map((password) => resetPasswordWithLink({ token, password, passwordConfirm: password }, from())))
    expect(results.filter((result) => result.ok)).toHaveLength(1)
  })

  it('expires after 1 hour', async () => {
    const p = await person('kedaluwarsa')
    const now = new Date()
    await requestPasswordResetLink({ email: p.email }, from(), now)
    const token = await tokenFromOutbox(p.email)
    const late = new Date(now.getTime() + 60 * 60_000 + 1_000)
    expect(await resetLinkUsable(token, late)).toBe(false)
    expect(await resetPasswordWithLink({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, from(), late)).toMatchObject({ ok: false })
    expect(await resetPasswordWithLink({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, from(), new Date(now.getTime() + 59 * 60_000))).toEqual({ ok: true })
  })

  it('refuses a made-up or malformed token and a disabled account', async () => {
    expect(await resetPasswordWithLink({ token: 'A'.repeat(43), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, from())).toMatchObject({ ok: false, fieldErrors: { form: expect.any(String) } })
    expect(await resetPasswordWithLink({ token: 'x', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, from())).toMatchObject({ ok: false, fieldErrors: { token: expect.any(String) } })
    const p = await person('diblokir')
    await requestPasswordResetLink({ email: p.email }, from())
    const token = await tokenFromOutbox(p.email)
    await db.user.update({ where: { id: p.id }, data: { disabledAt: new Date() } })
    expect(await resetPasswordWithLink({ token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, from())).toMatchObject({ ok: false })
  })
})
