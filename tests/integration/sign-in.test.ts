import { beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '@/lib/accounts/sign-in.server'
import { POLICIES } from '@/lib/rate-limit/policies'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

const PASSWORD = 'Kata-sandi-benar-9'
let nip: string

beforeAll(async () => {
  const { agency, unit } = await seedAgencies()
  nip = uniqueNip()
  await seedUser(db, {
    name: 'Budi Santoso, S.E.',
    email: 'budi@contoh.go.id',
    password: PASSWORD,
    nip,
    employmentType: 'PNS',
    agencyId: agency.id,
    unitId: unit.id,
  })
  await seedUser(db, { name: 'Admin', email: 'admin@contoh.go.id', password: PASSWORD, role: 'admin' })
})

describe('signIn', () => {
  it('signs in with the NIP and starts a session in the database', async () => {
    const before = await db.session.count()
    const result = await signIn({ identifier: nip, password: PASSWORD }, new Headers())
    expect(result).toMatchObject({ ok: true, home: '/dasbor' })
    expect(await db.session.count()).toBe(before + 1)
  })

  it('signs in with the email in any letter case and sends an admin to the admin area', async () => {
    expect(await signIn({ identifier: 'ADMIN@contoh.go.id', password: PASSWORD }, new Headers())).toMatchObject({
      ok: true,
      home: '/admin',
    })
  })

  it('gives the same answer for an unknown NIP and a wrong password', async () => {
    const unknown = await signIn({ identifier: uniqueNip(), password: PASSWORD }, new Headers())
    const wrong = await signIn({ identifier: 'admin@contoh.go.id', password: 'salah-sekali-1' }, new Headers())
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { form: 'Email/NIP atau kata sandi salah.' } })
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { form: 'Email/NIP atau kata sandi salah.' } })
  })

  it('asks for missing fields in Bahasa Indonesia', async () => {
    expect(await signIn({ identifier: '', password: '' }, new Headers())).toMatchObject({
      ok: false,
      fieldErrors: { identifier: 'Isi email atau NIP Anda.', password: 'Isi kata sandi.' },
    })
  })

  it('refuses even the right password after ten wrong ones in a row', async () => {
    const results = []
    for (let i = 0; i < 10; i++) {
      results.push(await signIn({ identifier: nip, password: `salah-${i}-xyz` }, new Headers()))
    }
    const locked = results.slice(POLICIES.signInAccount.free)
    for (const result of locked) {
      expect(result).toMatchObject({ ok: false, fieldErrors: { form: expect.stringMatching(/Terlalu banyak percobaan/) } })
    }
    const sessionsBefore = await db.session.count()
    const right = await signIn({ identifier: nip, password: PASSWORD }, new Headers())
    expect(right.ok).toBe(false)
    expect(await db.session.count()).toBe(sessionsBefore)
  })
})
