import { beforeAll, describe, expect, it } from 'vitest'
import { auth } from '@/lib/auth/auth.server'
import { getRequestSessionUser } from '@/lib/auth/request-session.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

const PASSWORD = 'Kata-sandi-benar-9'
type Cookies = { token: string; data: string }
let ani: Cookies & { id: string }
let budi: Cookies & { id: string }
let agencyId: string

/** The session cookies a browser holds after signing in: `<name>=<value>` each. */
async function signInCookies(email: string): Promise<Cookies> {
  const response = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true })
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] as string)
  const find = (name: string) => cookies.find((cookie) => cookie.startsWith(`better-auth.${name}=`)) as string
  return { token: find('session_token'), data: find('session_data') }
}

const request = (...cookies: string[]) => new Headers({ cookie: cookies.join('; ') })

beforeAll(async () => {
  const { agency } = await seedAgencies()
  agencyId = agency.id
  const a = await seedUser(db, { name: 'Ani', email: 'ani@contoh.go.id', password: PASSWORD, agencyId })
  const b = await seedUser(db, { name: 'Budi', email: 'budi@contoh.go.id', password: PASSWORD })
  ani = { id: a.id, ...(await signInCookies('ani@contoh.go.id')) }
  budi = { id: b.id, ...(await signInCookies('budi@contoh.go.id')) }
})

describe('getRequestSessionUser', () => {
  it('reads the user from the signed cookie cache', async () => {
    expect(await getRequestSessionUser(request(ani.token, ani.data))).toEqual({ id: ani.id, agencyId })
  })

  it('without the cache cookie, asks better-auth (the database session)', async () => {
    expect(await getRequestSessionUser(request(budi.token))).toEqual({ id: budi.id, agencyId: null })
  })

  it("never takes one person's cache for another person's session token", async () => {
    expect(await getRequestSessionUser(request(budi.token, ani.data))).toMatchObject({ id: budi.id })
  })

  it('refuses a cache whose content was changed (signature) and a token that is not a session', async () => {
    const [name, value] = ani.data.split('=') as [string, string]
    const payload = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { session: { user: { agencyId: string | null } } }
    payload.session.user.agencyId = 'another-agency'
    const forged = `${name}=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
    const unknownToken = 'better-auth.session_token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.c2lnbmF0dXJlLW5vdC12YWxpZC1mb3ItdGhpcy10b2tlbi0xMjM%3D'
    // With the real token, the forged cache is ignored and the database says who it is.
    expect(await getRequestSessionUser(request(ani.token, forged))).toEqual({ id: ani.id, agencyId })
    expect(await getRequestSessionUser(request(unknownToken, forged))).toBeNull()
    expect(await getRequestSessionUser(request(unknownToken))).toBeNull()
    expect(await getRequestSessionUser(new Headers())).toBeNull()
  })

  it('stops accepting the session once it is signed out and the cache has expired', async () => {
    await db.session.deleteMany({ where: { userId: budi.id } })
    expect(await getRequestSessionUser(request(budi.token))).toBeNull()
  })
})
