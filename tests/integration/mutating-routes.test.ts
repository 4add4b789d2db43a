import { beforeAll, describe, expect, it } from 'vitest'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

// Every route handler module under app/, found on disk: a route added later is covered too.
const routeModules = import.meta.glob<Record<string, unknown>>('/app/**/route.ts')
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'] as const
const SITE = process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000'
const PASSWORD = 'Kata-sandi-benar-9'

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>
let learnerCookie = ''

beforeAll(async () => {
  const { agency } = await seedAgencies()
  await seedUser(db, { name: 'Ani', email: 'ani-origin@contoh.go.id', password: PASSWORD, agencyId: agency.id })
  const response = await auth.api.signInEmail({ body: { email: 'ani-origin@contoh.go.id', password: PASSWORD }, asResponse: true })
  learnerCookie = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
})

/** A body that records whether anyone started reading it. */
function watchedBody() {
  const watch = { pulled: false }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      watch.pulled = true
      controller.enqueue(new TextEncoder().encode('{"state":{"reachedEnd":true}}'))
      controller.close()
    },
  })
  return { stream, watch }
}

function request(path: string, method: string, headers: Record<string, string>, body?: ReadableStream<Uint8Array>) {
  return new Request(`${SITE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: learnerCookie, ...headers },
    body,
    duplex: 'half',
  } as RequestInit)
}

const context = { params: Promise.resolve({ id: 'x', slug: 'aspek-etika' }) }

describe('mutating API routes', () => {
  it('finds the route handlers', () => {
    expect(Object.keys(routeModules).length).toBeGreaterThanOrEqual(9)
  })

  it.each(Object.keys(routeModules))('%s: refuses a request from another site before reading anything', async (file) => {
    const handlers = await routeModules[file]!()
    const methods = MUTATING.filter((method) => typeof handlers[method] === 'function')
    for (const method of methods) {
      for (const headers of <Record<string, string>[]>[
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: `${SITE}.evil.example` },
        { referer: 'https://evil.example/page', 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'cross-site' },
        { referer: 'https://evil.example/page' },
      ]) {
        const { stream, watch } = watchedBody()
        const response = await (handlers[method] as Handler)(request('/api/x', method, headers, stream), context)
        expect(response.status, `${method} ${file} ${JSON.stringify(headers)}`).toBe(403)
        expect(await response.json()).toEqual({ error: { message: 'Permintaan ditolak: harus dikirim dari halaman aplikasi ini.' } })
        expect(watch.pulled, `${method} ${file} read the body`).toBe(false)
      }
    }
  })

  it('lets the same request through from the site itself (so the 403 above is the origin check)', async () => {
    const { POST } = (await routeModules['/app/api/progress/[slug]/route.ts']!()) as { POST: Handler }
    for (const headers of <Record<string, string>[]>[{ origin: SITE }, { referer: `${SITE}/belajar/aspek-etika` }, { 'sec-fetch-site': 'same-origin' }, {}]) {
      const response = await POST(request('/api/progress/aspek-etika', 'POST', headers, watchedBody().stream), context)
      expect(response.status, JSON.stringify(headers)).toBe(200)
    }
    const cross = await POST(request('/api/progress/aspek-etika', 'POST', { origin: 'https://evil.example' }, watchedBody().stream), context)
    expect(cross.status).toBe(403)
  })
})

describe('POST /keluar', () => {
  it('ends the session it is sent with and lands on the home page', async () => {
    const { POST } = (await routeModules['/app/(site)/keluar/route.ts']!()) as { POST: Handler }
    const user = await db.user.findFirstOrThrow({ where: { email: 'ani-origin@contoh.go.id' } })
    const signedIn = await auth.api.signInEmail({ body: { email: user.email, password: PASSWORD }, asResponse: true })
    const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const sessions = await db.session.count({ where: { userId: user.id } })
    const response = await POST(request('/keluar', 'POST', { origin: SITE, cookie }), context)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(new URL('/', SITE).toString())
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessions - 1)
    expect(await auth.api.getSession({ headers: new Headers({ cookie }), query: { disableCookieCache: true } })).toBeNull()
    // Signed out already (or never signed in): still the home page, nothing to end.
    expect((await POST(request('/keluar', 'POST', { origin: SITE, cookie }), context)).status).toBe(303)
  })
})
