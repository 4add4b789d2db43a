import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { getDatabaseSessionUser } from '@/lib/auth/database-session.server'
import { auth } from '@/lib/auth/auth.server'
import { getRequestSessionUser } from '@/lib/auth/request-session.server'
import { db } from '@/lib/db/db.server'
import { disableUser, enableUser } from '@/lib/admin/users.server'
import { route } from '@/lib/http/handler.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

// The guards read the request through next/headers: here it is the request a test sets.
let currentRequest = new Headers()
vi.mock('next/headers', () => ({ headers: async () => currentRequest, cookies: async () => ({ get: () => undefined, set: () => {} }) }))

const PASSWORD = 'Kata-sandi-benar-9'
let hrId: string
let adminId: string

/** The cookies a browser holds after signing in (session token and the 5-minute cache). */
async function signInCookies(email: string): Promise<string> {
  const response = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true })
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
}

beforeAll(async () => {
  const { agency } = await seedAgencies()
  hrId = (await seedUser(db, { name: 'Petugas HR', email: 'hr@contoh.go.id', password: PASSWORD, role: 'hr', agencyId: agency.id })).id
  adminId = (await seedUser(db, { name: 'Admin', email: 'admin@contoh.go.id', password: PASSWORD, role: 'admin' })).id
})

afterEach(() => {
  vi.useRealTimers()
})

// An HR route through the one entry (lib/http/handler.server.ts): the officer's id, or the refusal's status.
const hrRoute = route({ access: 'hr', run: ({ user }) => Response.json({ id: user.id }) })
const guard = async (cookie: string) => {
  currentRequest = new Headers({ cookie })
  const response = await hrRoute(new Request('http://localhost:3000/api/hr/x', { headers: { cookie } }))
  return response.ok ? ((await response.json()) as { id: string }).id : response.status
}

describe('HR guard (database session on every request)', () => {
  it('refuses a signed-out session at once, although its signed cookie cache is still valid', async () => {
    const cookie = await signInCookies('hr@contoh.go.id')
    expect(await guard(cookie)).toBe(hrId)
    await auth.api.signOut({ headers: new Headers({ cookie }) })
    // The 5-minute cache alone would still say "signed in" (the quiz path may rely on it)…
    expect(await getRequestSessionUser(new Headers({ cookie }))).toMatchObject({ id: hrId })
    // …the HR guard does not.
    expect(await guard(cookie)).toBe(401)
  })

  it('refuses the sessions of an account an admin disables, and lets it in again once re-enabled', async () => {
    const cookie = await signInCookies('hr@contoh.go.id')
    expect(await guard(cookie)).toBe(hrId)
    const disabled = await disableUser(adminId, { userId: hrId, reason: 'Pindah tugas' })
    expect(disabled).toMatchObject({ ok: true, value: { sessionsEnded: expect.any(Number) } })
    expect(await db.session.count({ where: { userId: hrId } })).toBe(0)
    expect(await guard(cookie)).toBe(401)
    const refused = await auth.api.signInEmail({ body: { email: 'hr@contoh.go.id', password: PASSWORD }, asResponse: true })
    expect(refused.status).toBe(401)
    expect(refused.headers.getSetCookie()).toEqual([])
    const audit = await db.auditLog.findFirst({ where: { action: 'user.disabled', targetId: hrId } })
    expect(audit?.actorId).toBe(adminId)
    expect(await disableUser(adminId, { userId: hrId, reason: 'lagi' })).toMatchObject({ ok: false })
    expect(await disableUser(adminId, { userId: adminId, reason: 'diri sendiri' })).toMatchObject({ ok: false })
    expect(await enableUser(adminId, { userId: hrId })).toMatchObject({ ok: true })
    expect(await guard(await signInCookies('hr@contoh.go.id'))).toBe(hrId)
  })

  it('ends an HR session after 30 idle minutes and 12 hours in all, refreshing activity at most once a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = new Date('2027-03-01T08:00:00+07:00')
    vi.setSystemTime(start)
    const cookie = await signInCookies('hr@contoh.go.id')
    const session = await db.session.findFirstOrThrow({ where: { userId: hrId }, orderBy: { createdAt: 'desc' } })
    const later = (minutes: number) => vi.setSystemTime(new Date(start.getTime() + minutes * 60_000))
    later(29)
    expect(await guard(cookie)).toBe(hrId)
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).lastActiveAt).toEqual(new Date(start.getTime() + 29 * 60_000))
    later(29.5)
    expect(await guard(cookie)).toBe(hrId)
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).lastActiveAt).toEqual(new Date(start.getTime() + 29 * 60_000))
    // Active every 25 minutes: still signed in at 11 h 50 min, out at 12 h.
    for (let minutes = 54; minutes < 12 * 60; minutes += 25) {
      later(minutes)
      expect(await guard(cookie), `after ${minutes} minutes`).toBe(hrId)
    }
    later(12 * 60)
    expect(await guard(cookie)).toBe(401)
    expect(await db.session.findUnique({ where: { id: session.id } })).toBeNull()

    vi.setSystemTime(start)
    const idle = await signInCookies('hr@contoh.go.id')
    later(30)
    expect(await guard(idle)).toBe(401)
  })

  it('keeps the idle limit as a course setting', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = new Date('2027-04-01T08:00:00+07:00')
    vi.setSystemTime(start)
    const first = await signInCookies('hr@contoh.go.id')
    const second = await signInCookies('hr@contoh.go.id')
    vi.setSystemTime(new Date(start.getTime() + 6 * 60_000))
    // The default (30 minutes) keeps it…
    expect(await guard(first)).toBe(hrId)
    // …an admin's 5 minutes does not.
    await db.setting.create({ data: { key: 'staffIdleMinutes', value: '5', updatedById: adminId } })
    try {
      expect(await guard(second)).toBe(401)
    } finally {
      await db.setting.delete({ where: { key: 'staffIdleMinutes' } })
    }
  })
})

describe('the database session check', () => {
  it('is one tagged statement on every HR request (session, user, agency, unit, grants and the staff timeouts together), no query building', async () => {
    const cookie = await signInCookies('hr@contoh.go.id')
    const raw = vi.spyOn(db, '$queryRaw')
    const built = [vi.spyOn(db.session, 'findUnique'), vi.spyOn(db.session, 'findFirst'), vi.spyOn(db.user, 'findUnique'), vi.spyOn(db.setting, 'findMany')]
    try {
      const session = await getDatabaseSessionUser(new Headers({ cookie }))
      expect(session?.user).toMatchObject({ id: hrId, grants: [{ capability: 'hr', agencyId: expect.any(String), unitId: null }], agency: { name: expect.any(String) } })
      expect(raw).toHaveBeenCalledTimes(1)
      for (const spy of built) expect(spy).not.toHaveBeenCalled()
    } finally {
      raw.mockRestore()
      for (const spy of built) spy.mockRestore()
    }
  })
})
