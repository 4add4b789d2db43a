import { randomUUID } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEVICE_COOKIE_MAX_AGE_SECONDS } from '@/lib/accounts/device-cookie'
import { DISABLED_MESSAGE, signIn, signInKeys } from '@/lib/accounts/sign-in.server'
import { TRUSTED_DEVICES_KEPT } from '@/lib/accounts/trusted-device.server'
import { db } from '@/lib/db/db.server'
import { readLimit } from '@/lib/rate-limit/limiter.server'
import { POLICIES } from '@/lib/rate-limit/policies'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

const PASSWORD = 'Kata-sandi-benar-9'
let agencyId: string
let counter = 0

let passwordHash: string | null = null

/** A learner with PASSWORD (the scrypt hash is computed once, then reused: seeding stays fast). */
async function newLearner(label: string) {
  const nip = uniqueNip()
  const email = `${label}-${nip}@contoh.go.id`
  if (!passwordHash) {
    const user = await seedUser(db, { name: `Peserta ${label}`, email, password: PASSWORD, nip, employmentType: 'PNS', agencyId })
    passwordHash = (await db.account.findFirstOrThrow({ where: { userId: user.id } })).password
    return { ...user, nip }
  }
  const id = randomUUID()
  const user = await db.user.create({
    data: {
      id, name: `Peserta ${label}`, email, emailVerified: true, nip, employmentType: 'PNS', agencyId, claimedAt: new Date(),
      accounts: { create: { id: randomUUID(), accountId: id, providerId: 'credential', password: passwordHash } },
    },
  })
  return { ...user, nip }
}

/** A request from `address` (as Next passes it: the socket peer right-most), with cookies. */
const from = (address: string, cookie?: string) => new Headers({ 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) })
const freshAddress = () => `198.51.100.${++counter}`
const refusedForAccount = /Terlalu banyak percobaan masuk yang gagal untuk akun ini/

beforeAll(async () => {
  agencyId = (await seedAgencies()).agency.id
})

afterEach(() => {
  vi.useRealTimers()
})

describe('sign-in limits', () => {
  it('counts all of 50 parallel wrong passwords: only the free ones reach the password check, then even the right one is refused', async () => {
    const victim = await newLearner('paralel')
    const address = freshAddress()
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn({ identifier: victim.nip, password: `salah-${i}-xyz` }, from(address))))
    const forms = results.map((result) => (result.ok ? 'ok' : result.fieldErrors.form))
    expect(forms.filter((form) => form === 'Email/NIP atau kata sandi salah.')).toHaveLength(POLICIES.signInAccount.free)
    // The rest were refused before any password check: by the account's limit, or by the
    // address's failure limit (spraying), which all 50 also counted against.
    expect(forms.filter((form) => form?.startsWith('Terlalu banyak percobaan masuk yang gagal'))).toHaveLength(50 - POLICIES.signInAccount.free)
    expect(forms.filter((form) => form && refusedForAccount.test(form)).length).toBeGreaterThan(0)
    expect((await readLimit(signInKeys.address(address)))?.count).toBe(50)
    expect((await readLimit(signInKeys.account(victim.id, victim.nip)))?.count).toBe(POLICIES.signInAccount.free)
    const sessions = await db.session.count({ where: { userId: victim.id } })
    expect(await signIn({ identifier: victim.nip, password: PASSWORD }, from(freshAddress()))).toMatchObject({ ok: false, fieldErrors: { form: expect.stringMatching(refusedForAccount) } })
    expect(await db.session.count({ where: { userId: victim.id } })).toBe(sessions)
  })

  it('counts the email and the NIP of one account as one key', async () => {
    const person = await newLearner('satu-kunci')
    for (let i = 0; i < 3; i++) await signIn({ identifier: person.email.toUpperCase(), password: 'salah-salah-1' }, from(freshAddress()))
    for (let i = 0; i < 2; i++) await signIn({ identifier: person.nip, password: 'salah-salah-1' }, from(freshAddress()))
    expect(await signIn({ identifier: person.email, password: PASSWORD }, from(freshAddress()))).toMatchObject({ ok: false, fieldErrors: { form: expect.stringMatching(refusedForAccount) } })
  })

  it('delays an untrusted browser more after each further failure, and says when to retry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-03-01T08:00:00+07:00'))
    const person = await newLearner('tunda')
    for (let i = 0; i < 5; i++) await signIn({ identifier: person.nip, password: 'salah-salah-1' }, from(freshAddress()))
    expect(await signIn({ identifier: person.nip, password: PASSWORD }, from(freshAddress()))).toMatchObject({ fieldErrors: { form: expect.stringContaining('Coba lagi dalam 1 menit') } })
    vi.setSystemTime(new Date('2027-03-01T08:01:01+07:00'))
    expect(await signIn({ identifier: person.nip, password: 'salah-salah-1' }, from(freshAddress()))).toMatchObject({ fieldErrors: { form: 'Email/NIP atau kata sandi salah.' } })
    expect(await signIn({ identifier: person.nip, password: PASSWORD }, from(freshAddress()))).toMatchObject({ fieldErrors: { form: expect.stringContaining('Coba lagi dalam 2 menit') } })
    vi.setSystemTime(new Date('2027-03-01T08:03:02+07:00'))
    expect(await signIn({ identifier: person.nip, password: PASSWORD }, from(freshAddress()))).toMatchObject({ ok: true })
    // A success ends the count.
    expect(await readLimit(signInKeys.account(person.id, person.nip))).toBeNull()
  })

  it('blocks password spraying: failures from one address over many accounts', async () => {
    const address = freshAddress()
    const people = await Promise.all(Array.from({ length: POLICIES.signInAddressFailures.limit + 1 }, (_, i) => newLearner(`semprot-${i}`)))
    for (const person of people.slice(0, -1)) {
      expect(await signIn({ identifier: person.nip, password: 'Bijak-Bermedia-2026' }, from(address))).toMatchObject({ fieldErrors: { form: 'Email/NIP atau kata sandi salah.' } })
    }
    const last = people.at(-1)!
    expect(await signIn({ identifier: last.nip, password: PASSWORD }, from(address))).toMatchObject({ ok: false, fieldErrors: { form: expect.stringMatching(/gagal dari jaringan Anda/) } })
    // Another address is not affected, and no account was locked by the spray.
    expect(await signIn({ identifier: last.nip, password: PASSWORD }, from(freshAddress()))).toMatchObject({ ok: true })
  }, 120_000)

  it("does not lock the owner's trusted browser out when someone else types wrong passwords for their NIP", async () => {
    const owner = await newLearner('pemilik')
    const first = await signIn({ identifier: owner.nip, password: PASSWORD }, from(freshAddress()))
    if (!first.ok) throw new Error('owner could not sign in')
    const deviceCookie = `${first.deviceCookie.name}=${first.deviceCookie.value}`
    expect(first.deviceCookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' })
    const stored = await db.trustedDevice.findMany({ where: { userId: owner.id } })
    expect(stored).toHaveLength(1)
    expect(first.deviceCookie.value).not.toContain(stored[0]!.secretHash)

    // A colleague, at another browser, keeps guessing.
    const colleague = freshAddress()
    for (let i = 0; i < 12; i++) await signIn({ identifier: owner.nip, password: `tebak-${i}-abc` }, from(colleague))
    expect(await signIn({ identifier: owner.nip, password: PASSWORD }, from(colleague))).toMatchObject({ ok: false, fieldErrors: { form: expect.stringMatching(refusedForAccount) } })
    // The owner's browser still gets in, and keeps its device.
    const again = await signIn({ identifier: owner.nip, password: PASSWORD }, from(freshAddress(), deviceCookie))
    expect(again).toMatchObject({ ok: true })
    expect(again.ok && again.deviceCookie.value).toBe(first.deviceCookie.value)
    // The owner's own failures lock that browser (its device), not the account for others.
    for (let i = 0; i < 5; i++) await signIn({ identifier: owner.nip, password: `typo-${i}-abc` }, from(freshAddress(), deviceCookie))
    expect(await signIn({ identifier: owner.nip, password: PASSWORD }, from(freshAddress(), deviceCookie))).toMatchObject({ fieldErrors: { form: expect.stringMatching(/dari perangkat ini/) } })
  })

  it('remembers the newest browsers of an account only, and forgets one unused past the cookie age', async () => {
    const person = await newLearner('banyak-perangkat')
    const cookies: string[] = []
    for (let i = 0; i < TRUSTED_DEVICES_KEPT + 3; i++) {
      const result = await signIn({ identifier: person.nip, password: PASSWORD }, from(freshAddress()))
      if (!result.ok) throw new Error('no sign-in')
      cookies.push(`${result.deviceCookie.name}=${result.deviceCookie.value}`)
    }
    expect(await db.trustedDevice.count({ where: { userId: person.id } })).toBe(TRUSTED_DEVICES_KEPT)
    // The oldest browser is forgotten: it gets a new device; the newest keeps its own.
    const oldest = await signIn({ identifier: person.nip, password: PASSWORD }, from(freshAddress(), cookies[0]))
    expect(oldest.ok && `bbs_device=${oldest.deviceCookie.value}`).not.toBe(cookies[0])
    const newest = await signIn({ identifier: person.nip, password: PASSWORD }, from(freshAddress(), cookies.at(-1)))
    expect(newest.ok && `bbs_device=${newest.deviceCookie.value}`).toBe(cookies.at(-1))

    // A device unused for longer than the cookie lives is not trusted, and goes at the next new sign-in.
    const newestId = cookies.at(-1)!.split('=')[1]!.split('.')[0]!
    await db.trustedDevice.update({ where: { id: newestId }, data: { lastUsedAt: new Date(Date.now() - (DEVICE_COOKIE_MAX_AGE_SECONDS + 60) * 1000) } })
    const stale = await signIn({ identifier: person.nip, password: PASSWORD }, from(freshAddress(), cookies.at(-1)))
    expect(stale.ok && `bbs_device=${stale.deviceCookie.value}`).not.toBe(cookies.at(-1))
    expect(await db.trustedDevice.findUnique({ where: { id: newestId } })).toBeNull()
  })

  it('treats a forged, foreign or unknown device cookie as an untrusted browser', async () => {
    const owner = await newLearner('palsu')
    const other = await newLearner('lain')
    const otherSignIn = await signIn({ identifier: other.nip, password: PASSWORD }, from(freshAddress()))
    if (!otherSignIn.ok) throw new Error('no sign-in')
    for (let i = 0; i < 5; i++) await signIn({ identifier: owner.nip, password: `tebak-${i}-abc` }, from(freshAddress()))
    const [id, secret] = otherSignIn.deviceCookie.value.split('.')
    for (const cookie of [
      `bbs_device=${otherSignIn.deviceCookie.value}`, // another account's device
      `bbs_device=${id}.${secret}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, // forged signature
      'bbs_device=junk',
    ]) {
      expect(await signIn({ identifier: owner.nip, password: PASSWORD }, from(freshAddress(), cookie))).toMatchObject({ fieldErrors: { form: expect.stringMatching(refusedForAccount) } })
    }
  })

  it('refuses a disabled account with a clear message, and only once the password is right', async () => {
    const person = await newLearner('nonaktif')
    await db.user.update({ where: { id: person.id }, data: { disabledAt: new Date(), disabledReason: 'uji' } })
    expect(await signIn({ identifier: person.nip, password: 'salah-salah-1' }, from(freshAddress()))).toMatchObject({ fieldErrors: { form: 'Email/NIP atau kata sandi salah.' } })
    expect(await signIn({ identifier: person.nip, password: PASSWORD }, from(freshAddress()))).toMatchObject({ ok: false, fieldErrors: { form: DISABLED_MESSAGE } })
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0)
  })
})
