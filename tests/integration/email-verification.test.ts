import { beforeAll, describe, expect, it } from 'vitest'
import { requestEmailVerification, verifyEmailWithLink, verifyLinkUsable, VERIFY_LINK_UNUSABLE } from '@/lib/accounts/email-verification.server'
import { registerLearner } from '@/lib/accounts/register.server'
import { addAgencyEmailDomain, removeAgencyEmailDomain } from '@/lib/admin/agency-email-domains.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

// Issue 14 and decision 045: a link proves the address; an address on a domain the admin listed
// for the agency is shown to HR as the agency's, and the NIP stays claimed.

let agencyId: string
let otherAgencyId: string
let unitId: string
let adminId: string
const HOUR = 3_600_000

beforeAll(async () => {
  const seeded = await seedAgencies()
  agencyId = seeded.agency.id
  otherAgencyId = seeded.otherAgency.id
  unitId = seeded.unit.id
  adminId = (await seedUser(db, { name: 'Admin Domain', email: 'admin-domain@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'admin' })).id
})

/** The token in the link of the newest verification email queued for this address. */
async function tokenFromOutbox(email: string) {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: email, kind: 'email-verification' }, orderBy: { createdAt: 'desc' } })
  const match = /\/verifikasi-email\?token=([A-Za-z0-9_-]{43})/.exec(message.text)
  if (!match) throw new Error(`no link in: ${message.text}`)
  return match[1]!
}

async function register(email: string) {
  const result = await registerLearner(
    { name: 'Rina Kusuma', nip: uniqueNip(2), employmentType: 'PNS', agencyId, unitId, email, password: 'Rahasia-yang-kuat-1', passwordConfirm: 'Rahasia-yang-kuat-1' },
    new Headers({ 'x-forwarded-for': '198.51.100.7' }),
  )
  if (!result.ok) throw new Error(JSON.stringify(result))
  return db.user.findUniqueOrThrow({ where: { id: result.userId } })
}

describe('email verification', () => {
  it('is queued with the registration; the link marks the address verified once, as the agency\'s on a listed domain, and the NIP stays claimed', async () => {
    const person = await register('rina.kusuma@bkpsdm.demoraya.go.id')
    expect(person.emailVerified).toBe(false)
    expect(await db.outboxMessage.count({ where: { userId: person.id, kind: 'email-verification' } })).toBe(1)
    const token = await tokenFromOutbox(person.email)
    expect(await verifyLinkUsable(token)).toBe(true)

    const result = await verifyEmailWithLink(token)
    expect(result).toEqual({ ok: true, email: 'rina.kusuma@bkpsdm.demoraya.go.id', agencyDomain: 'demoraya.go.id' })
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } })
    expect(after.emailVerified).toBe(true)
    expect(after.identityStatus).toBe('claimed')
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'user.email_verified', targetId: person.id } })
    expect(JSON.parse(String(audit.details))).toEqual({ agencyDomain: 'demoraya.go.id' })

    // Used up: a second press, or a second tab, finds nothing.
    expect(await verifyEmailWithLink(token)).toEqual({ ok: false, message: VERIFY_LINK_UNUSABLE })
    expect(await verifyLinkUsable(token)).toBe(false)
    // Asking again for a verified address sends nothing.
    expect(await requestEmailVerification(person.id)).toMatchObject({ ok: true, message: expect.stringMatching(/sudah terverifikasi/) })
    expect(await db.outboxMessage.count({ where: { userId: person.id, kind: 'email-verification' } })).toBe(1)
  })

  it('verifies an address elsewhere as an address only; a newer link replaces the older, and an expired or forged one does nothing', async () => {
    const person = await register('rina.pribadi@contoh.example')
    const first = await tokenFromOutbox(person.email)
    // Within a few minutes a second request queues nothing (a double click), and the first link works.
    expect((await requestEmailVerification(person.id)).message).toMatch(/baru saja dikirim/)
    expect(await verifyLinkUsable(first)).toBe(true)
    // Later, a new link replaces it.
    const later = new Date(Date.now() + 20 * 60_000)
    expect((await requestEmailVerification(person.id, later)).message).toMatch(/Tautan verifikasi dikirim/)
    const second = await tokenFromOutbox(person.email)
    expect(second).not.toBe(first)
    expect(await verifyEmailWithLink(first, later)).toEqual({ ok: false, message: VERIFY_LINK_UNUSABLE })
    expect(await verifyEmailWithLink('x'.repeat(43), later)).toEqual({ ok: false, message: VERIFY_LINK_UNUSABLE })
    expect(await verifyEmailWithLink(undefined, later)).toEqual({ ok: false, message: VERIFY_LINK_UNUSABLE })
    expect(await verifyEmailWithLink(second, new Date(later.getTime() + 25 * HOUR))).toEqual({ ok: false, message: VERIFY_LINK_UNUSABLE })
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).emailVerified).toBe(false)
    expect(await verifyEmailWithLink(second, later)).toEqual({ ok: true, email: 'rina.pribadi@contoh.example', agencyDomain: null })
  })

  it('limits requests per person', async () => {
    const person = await register('rina.batas@contoh.example')
    const start = Date.now() + 2 * HOUR
    const answers = []
    for (let i = 0; i < 6; i++) answers.push(await requestEmailVerification(person.id, new Date(start + i * 11 * 60_000)))
    expect(answers.slice(0, 5).every((answer) => answer.ok)).toBe(true)
    expect(answers[5]).toMatchObject({ ok: false, message: expect.stringMatching(/^Terlalu banyak permintaan\. Coba lagi dalam/) })
  })
})

describe("an agency's email domains", () => {
  it('are added and removed by the admin, audited, one agency per domain, with errors in Indonesian', async () => {
    expect(await addAgencyEmailDomain(adminId, { agencyId, domain: 'budi@demoraya.go.id' })).toEqual({
      ok: false,
      fieldErrors: { domain: expect.stringMatching(/Bukan nama domain yang sah/) },
    })
    expect(await addAgencyEmailDomain(adminId, { agencyId: otherAgencyId, domain: '@DemoRaya.go.id' })).toEqual({
      ok: false,
      fieldErrors: { domain: 'Domain demoraya.go.id sudah terdaftar untuk Pemerintah Kota Demo Raya.' },
    })
    expect(await addAgencyEmailDomain(adminId, { agencyId: otherAgencyId, domain: 'kemen-demo.go.id' })).toEqual({ ok: true, value: { domain: 'kemen-demo.go.id' } })
    expect(await addAgencyEmailDomain(adminId, { agencyId: otherAgencyId, domain: 'KEMEN-demo.go.id' })).toEqual({
      ok: false,
      fieldErrors: { domain: 'Domain kemen-demo.go.id sudah terdaftar untuk instansi ini.' },
    })
    expect(await removeAgencyEmailDomain(adminId, { agencyId, domain: 'kemen-demo.go.id' })).toMatchObject({ ok: false })
    expect(await removeAgencyEmailDomain(adminId, { agencyId: otherAgencyId, domain: 'kemen-demo.go.id' })).toEqual({ ok: true, value: { domain: 'kemen-demo.go.id' } })
    expect(await db.agencyEmailDomain.count({ where: { agencyId: otherAgencyId } })).toBe(0)
    const audited = await db.auditLog.findMany({ where: { actorId: adminId, action: { startsWith: 'agency.email_domain' } }, orderBy: { at: 'asc' } })
    expect(audited.map((entry) => entry.action)).toEqual(['agency.email_domain_added', 'agency.email_domain_removed'])
  })
})
