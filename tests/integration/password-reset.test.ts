import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { changeOwnPassword, signOutEverywhere } from '@/lib/accounts/account.server'
import { issueResetCode, redeemResetCode } from '@/lib/accounts/password-reset.server'
import { signIn } from '@/lib/accounts/sign-in.server'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

const PASSWORD = 'Kata-sandi-benar-9'
const NEW_PASSWORD = 'Sandi-baru-yang-kuat-7'
let officer: { id: string; agencyId: string }
let otherOfficer: { id: string; agencyId: string }
let agencyId: string
let counter = 0
const from = () => new Headers({ 'x-forwarded-for': `192.0.2.${++counter}` })

async function newLearner(label: string, agency = agencyId) {
  const nip = uniqueNip()
  const user = await seedUser(db, { name: `Peserta ${label}`, email: `${label}@contoh.go.id`, password: PASSWORD, nip, employmentType: 'PNS', agencyId: agency })
  return { ...user, nip }
}

async function sessionCookie(email: string, password = PASSWORD) {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true })
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
}

beforeAll(async () => {
  const agencies = await seedAgencies()
  agencyId = agencies.agency.id
  officer = { id: (await seedUser(db, { name: 'HR', email: 'hr@contoh.go.id', password: PASSWORD, role: 'hr', agencyId })).id, agencyId }
  otherOfficer = {
    id: (await seedUser(db, { name: 'HR lain', email: 'hr-lain@contoh.go.id', password: PASSWORD, role: 'hr', agencyId: agencies.otherAgency.id })).id,
    agencyId: agencies.otherAgency.id,
  }
})

afterEach(() => {
  vi.useRealTimers()
})

describe('reset codes from HR', () => {
  it('works once: sets the password, ends every session, is audit-logged; a second use is refused', async () => {
    const person = await newLearner('lupa')
    await sessionCookie(person.email)
    await sessionCookie(person.email)
    const issued = await issueResetCode(officer, { userId: person.id })
    if (!issued.ok) throw new Error(JSON.stringify(issued))
    const stored = await db.verification.findFirstOrThrow({ where: { identifier: `reset:${person.id}` } })
    expect(stored.value).not.toContain(issued.value.code.replace('-', ''))
    expect(await db.auditLog.count({ where: { action: 'user.reset_code_issued', targetId: person.id, actorId: officer.id } })).toBe(1)

    const form = { nip: person.nip, code: issued.value.code.toLowerCase(), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }
    expect(await redeemResetCode(form, from())).toEqual({ ok: true })
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0)
    expect(await db.auditLog.count({ where: { action: 'user.password_reset', targetId: person.id } })).toBe(1)
    expect(await signIn({ identifier: person.nip, password: NEW_PASSWORD }, from())).toMatchObject({ ok: true })
    expect(await signIn({ identifier: person.nip, password: PASSWORD }, from())).toMatchObject({ ok: false })

    expect(await redeemResetCode({ ...form, password: 'Sandi-pencuri-1', passwordConfirm: 'Sandi-pencuri-1' }, from())).toMatchObject({ ok: false, fieldErrors: { form: expect.stringContaining('sudah dipakai') } })
    expect(await signIn({ identifier: person.nip, password: 'Sandi-pencuri-1' }, from())).toMatchObject({ ok: false })
  })

  it('lets only one of two parallel uses of a code through', async () => {
    const person = await newLearner('paralel')
    const issued = await issueResetCode(officer, { userId: person.id })
    if (!issued.ok) throw new Error('not issued')
    const results = await Promise.all(
      ['Sandi-pertama-1', 'Sandi-kedua-22'].map((password) => redeemResetCode({ nip: person.nip, code: issued.value.code, password, passwordConfirm: password }, from())),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
  })

  it('expires after 24 hours, and an earlier code stops working when a new one is issued', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-03-01T08:00:00+07:00'))
    const person = await newLearner('kedaluwarsa')
    const first = await issueResetCode(officer, { userId: person.id })
    const second = await issueResetCode(officer, { userId: person.id })
    if (!first.ok || !second.ok) throw new Error('not issued')
    const form = (code: string) => ({ nip: person.nip, code, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })
    expect(await redeemResetCode(form(first.value.code), from())).toMatchObject({ ok: false })
    vi.setSystemTime(new Date('2027-03-02T08:00:01+07:00'))
    expect(await redeemResetCode(form(second.value.code), from())).toMatchObject({ ok: false })
    // A fresh one still works 23 h 59 min later.
    const third = await issueResetCode(officer, { userId: person.id })
    if (!third.ok) throw new Error('not issued')
    vi.setSystemTime(new Date('2027-03-03T07:59:01+07:00'))
    expect(await redeemResetCode(form(third.value.code), from())).toEqual({ ok: true })
  })

  it('is only for learners of the officer’s own agency who have a password', async () => {
    const elsewhere = await newLearner('instansi-lain')
    expect(await issueResetCode(otherOfficer, { userId: elsewhere.id })).toEqual({ ok: false, fieldErrors: { form: 'Pegawai tidak ditemukan.' } })
    expect(await issueResetCode(officer, { userId: officer.id })).toMatchObject({ ok: false })
    expect(await issueResetCode(officer, { userId: 'tidak-ada' })).toEqual({ ok: false, fieldErrors: { form: 'Pegawai tidak ditemukan.' } })
  })

  it('is throttled per NIP like activation: guessing codes gets delays', async () => {
    const person = await newLearner('tebak-kode')
    const issued = await issueResetCode(officer, { userId: person.id })
    if (!issued.ok) throw new Error('not issued')
    for (let i = 0; i < 5; i++) {
      await redeemResetCode({ nip: person.nip, code: `AAAAA-BBBB${i}`, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, from())
    }
    expect(await redeemResetCode({ nip: person.nip, code: issued.value.code, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, from())).toMatchObject({
      ok: false,
      fieldErrors: { form: expect.stringMatching(/Terlalu banyak percobaan untuk NIP ini/) },
    })
  })
})

describe('own account', () => {
  it('changes the password only with the current one, and ends the other sessions', async () => {
    const person = await newLearner('ganti-sandi')
    const other = await sessionCookie(person.email)
    const mine = await sessionCookie(person.email)
    const headers = new Headers({ cookie: mine })
    expect(await changeOwnPassword(person, { currentPassword: 'bukan-ini-1', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, headers)).toEqual({
      ok: false,
      fieldErrors: { currentPassword: 'Kata sandi saat ini salah.' },
    })
    expect(await changeOwnPassword(person, { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: 'lain' }, headers)).toMatchObject({ ok: false, fieldErrors: { passwordConfirm: 'Ulangan kata sandi tidak sama.' } })
    expect(await changeOwnPassword(person, { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, headers)).toEqual({ ok: true })
    const otherToken = decodeURIComponent(other.split('better-auth.session_token=')[1]!.split(';')[0]!).split('.')[0]!
    expect(await db.session.findUnique({ where: { token: otherToken } })).toBeNull()
    expect(await db.session.count({ where: { userId: person.id } })).toBe(1)
    expect(await db.auditLog.count({ where: { action: 'user.password_changed', targetId: person.id } })).toBe(1)
  })

  it('"Keluar dari semua perangkat" ends every session of the person and no one else’s', async () => {
    const person = await newLearner('semua-perangkat')
    const bystander = await newLearner('orang-lain')
    const mine = await sessionCookie(person.email)
    await sessionCookie(person.email)
    await sessionCookie(bystander.email)
    await signOutEverywhere(person, new Headers({ cookie: mine }))
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0)
    expect(await db.session.count({ where: { userId: bystander.id } })).toBe(1)
  })
})
