import { redirect } from 'next/navigation'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { capabilitiesFrom, type Grant } from '@/lib/auth/capabilities'
import type { CurrentUser } from '@/lib/auth/session.server'
import { AppError } from '@/lib/errors/app-error'
import { createEntry, UNEXPECTED_ERROR_MESSAGE, type EntryDeps, type FormState } from './handler'

const SITE = 'https://bijak.example.go.id'

type Kind = 'learner' | 'hr' | 'admin' | 'operator' | 'head'

/** A caller holding `kind` (in `agencyId`; unit grants for unit "unit-1"); everyone works in "own-agency". */
function person(kind: Kind, agencyId: string | null = null): CurrentUser {
  const grants: Grant[] =
    kind === 'admin'
      ? [{ capability: 'admin', agencyId: null, unitId: null }]
      : kind === 'hr' && agencyId
        ? [{ capability: 'hr', agencyId, unitId: null }]
        : kind === 'operator' || kind === 'head'
          ? [{ capability: kind === 'operator' ? 'unit_operator' : 'unit_head', agencyId, unitId: 'unit-1' }]
          : []
  return {
    id: `u-${kind}`,
    name: 'Ani',
    email: 'ani@contoh.go.id',
    capabilities: capabilitiesFrom(grants),
    nip: null,
    employmentType: null,
    agencyId: 'own-agency',
    agencyName: null,
    unitId: null,
    unitName: null,
    mustAcceptNotice: false,
  }
}

class SignIn extends Error {}
class Forbidden extends Error {}

/** The entry with a chosen caller; records what it logged. */
function entry(caller: CurrentUser | null, cached: CurrentUser | null = caller) {
  const logged: unknown[] = []
  const deps: EntryDeps = {
    currentUser: async () => caller,
    cachedUser: async () => (cached ? { id: cached.id, agencyId: cached.agencyId } : null),
    siteOrigins: () => [SITE],
    signIn: (returnTo) => {
      throw new SignIn(returnTo)
    },
    forbidden: () => {
      throw new Forbidden()
    },
    logError: (_where, error) => {
      logged.push(error)
    },
  }
  return { ...createEntry(deps), logged }
}

const get = (path = '/api/x', headers: Record<string, string> = {}) => new Request(`${SITE}${path}`, { headers })
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request(`${SITE}/api/x`, { method: 'POST', body, headers: { 'content-type': 'application/json', origin: SITE, ...headers } })
const noParams = { params: Promise.resolve({}) }

function form(values: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.set(key, value)
  return data
}

const cohortSchema = z.object({ name: z.string().trim().min(3, 'Nama kelompok minimal 3 karakter.') })

describe('route: who may call', () => {
  it('answers a signed-out caller 401 without running, in the route’s own words when given', async () => {
    const run = vi.fn(() => Response.json({ ok: true }))
    const { route } = entry(null)
    const learner = await route({ access: 'learner', signedOut: 'Silakan masuk untuk mengunduh sertifikat.', run })(get(), noParams)
    expect(learner.status).toBe(401)
    expect(await learner.json()).toEqual({ error: { message: 'Silakan masuk untuk mengunduh sertifikat.' } })
    const hr = await route({ access: 'hr', run })(get(), noParams)
    expect(hr.status).toBe(401)
    expect(await hr.json()).toEqual({ error: { message: 'Silakan masuk sebagai admin kepegawaian.' } })
    expect((await route({ access: 'learner-cached', run })(get(), noParams)).status).toBe(401)
    expect(run).not.toHaveBeenCalled()
  })

  it('answers a wrong role 403: a learner on an HR or admin route, HR without an agency, HR on an admin route', async () => {
    const run = vi.fn(() => Response.json({ ok: true }))
    expect((await entry(person('learner', 'a1')).route({ access: 'hr', run })(get(), noParams)).status).toBe(403)
    expect((await entry(person('hr', null)).route({ access: 'hr', run })(get(), noParams)).status).toBe(403)
    const admin = await entry(person('hr', 'a1')).route({ access: 'admin', run })(get(), noParams)
    expect(admin.status).toBe(403)
    expect(await admin.json()).toEqual({ error: { message: 'Hanya admin platform yang dapat melakukan ini.' } })
    expect(run).not.toHaveBeenCalled()
  })

  it('gives run the checked user, an HR officer with their agency, and the path parameters', async () => {
    const { route } = entry(person('hr', 'agency-1'))
    const handler = route<'hr', undefined, { id: string }>({
      access: 'hr',
      run: ({ user, params }) => Response.json({ id: user.id, agencyId: user.agencyId, param: params.id }),
    })
    const response = await handler(get(), { params: Promise.resolve({ id: 'c-9' }) })
    expect(await response.json()).toEqual({ id: 'u-hr', agencyId: 'agency-1', param: 'c-9' })
  })

  it('gives HR the agency of their grant, never the agency they work in', async () => {
    const { route } = entry(person('hr', 'administered'))
    const response = await route({ access: 'hr', run: ({ user }) => Response.json({ agencyId: user.agencyId }) })(get(), noParams)
    expect(await response.json()).toEqual({ agencyId: 'administered' })
  })

  it('lets unit operators act and unit heads read in their units only; learners neither (decision 037)', async () => {
    const run = ({ user }: { user: { agencyId: string; scope: { unitIds: readonly string[] | null } } }) =>
      Response.json({ agencyId: user.agencyId, units: user.scope.unitIds })
    const operator = entry(person('operator', 'a1'))
    expect(await (await operator.route({ access: 'unit', run })(get(), noParams)).json()).toEqual({ agencyId: 'a1', units: ['unit-1'] })
    expect((await operator.route({ access: 'hr', run: () => Response.json({}) })(get(), noParams)).status).toBe(403)
    const head = entry(person('head', 'a1'))
    expect((await head.route({ access: 'unit', run })(get(), noParams)).status).toBe(403)
    expect(await (await head.route({ access: 'unit-read', run })(get(), noParams)).json()).toEqual({ agencyId: 'a1', units: ['unit-1'] })
    const hr = entry(person('hr', 'a1'))
    expect(await (await hr.route({ access: 'unit', run })(get(), noParams)).json()).toEqual({ agencyId: 'a1', units: null })
    expect((await entry(person('learner')).route({ access: 'unit-read', run })(get(), noParams)).status).toBe(403)
  })

  it('looks nobody up for a visitor route', async () => {
    const deps = entry(person('admin'))
    const response = await deps.route({ access: 'visitor', run: ({ user }) => Response.json({ user }) })(get(), noParams)
    expect(await response.json()).toEqual({ user: null })
  })
})

describe('route: origin, input and errors', () => {
  it('refuses a mutating request from another site with 403 before reading the body or the session', async () => {
    const run = vi.fn(() => Response.json({ ok: true }))
    const { route } = entry(null)
    const response = await route({ access: 'learner', run })(post('{}', { origin: 'https://evil.example' }), noParams)
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ error: { message: 'Permintaan ditolak: harus dikirim dari halaman aplikasi ini.' } })
    // A GET is not a mutation: the origin does not matter, the session does.
    expect((await route({ access: 'learner', run })(get('/api/x', { origin: 'https://evil.example' }), noParams)).status).toBe(401)
  })

  it('answers input the schema refuses with 422 and a Bahasa message naming the field; an unreadable body with 400', async () => {
    const { route } = entry(person('learner'))
    const handler = route({
      access: 'learner',
      input: { from: 'json', schema: cohortSchema, maxBytes: 64, unreadable: 'Data tidak terbaca.', invalid: 'Data tidak valid.' },
      run: ({ input }) => Response.json({ name: input.name }),
    })
    const invalid = await handler(post('{"name":"x"}'), noParams)
    expect(invalid.status).toBe(422)
    expect(await invalid.json()).toEqual({ error: { message: 'Data tidak valid.', fields: { name: 'Nama kelompok minimal 3 karakter.' } } })
    const notJson = await handler(post('nama=x'), noParams)
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toEqual({ error: { message: 'Data tidak terbaca.' } })
    expect((await handler(post(JSON.stringify({ name: 'x'.repeat(100) })), noParams)).status).toBe(400)
    expect(await (await handler(post('{"name":"  Orientasi  "}'), noParams)).json()).toEqual({ name: 'Orientasi' })
  })

  it('validates the query string', async () => {
    const { route } = entry(person('admin'))
    const handler = route({
      access: 'admin',
      input: { from: 'query', schema: z.object({ format: z.enum(['csv', 'xlsx'], { error: 'Format tidak dikenal.' }) }), invalid: 'Filter tidak valid.' },
      run: ({ input }) => Response.json(input),
    })
    const refused = await handler(get('/api/x?format=pdf'), noParams)
    expect(refused.status).toBe(422)
    expect(await refused.json()).toEqual({ error: { message: 'Filter tidak valid.', fields: { format: 'Format tidak dikenal.' } } })
    expect(await (await handler(get('/api/x?format=xlsx'), noParams)).json()).toEqual({ format: 'xlsx' })
  })

  it('turns an AppError into its status and message (details as fields only when asked)', async () => {
    const { route, logged } = entry(person('learner'))
    const fail = () => {
      throw new AppError(409, 'Jawaban percobaan ini sudah dikirim dan dinilai.', { items: ['a', 'b'] })
    }
    const plain = await route({ access: 'learner', run: fail })(get(), noParams)
    expect(plain.status).toBe(409)
    expect(await plain.json()).toEqual({ error: { message: 'Jawaban percobaan ini sudah dikirim dan dinilai.' } })
    const detailed = await route({ access: 'learner', errorDetailsAsFields: true, run: fail })(get(), noParams)
    expect(await detailed.json()).toEqual({ error: { message: 'Jawaban percobaan ini sudah dikirim dan dinilai.', fields: { items: 'a, b' } } })
    expect(logged).toEqual([])
  })

  it('hides an unexpected error: logged on the server, 500 with a generic message and no stack', async () => {
    const { route, logged } = entry(person('learner'))
    const secret = new Error('connect ECONNREFUSED 10.0.0.7:5432 at Pool.query (/srv/app/node_modules/pg/lib/index.js)')
    const response = await route({
      access: 'learner',
      run: () => {
        throw secret
      },
    })(get(), noParams)
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ error: { message: UNEXPECTED_ERROR_MESSAGE } })
    expect(text).not.toMatch(/ECONNREFUSED|node_modules|at /)
    expect(logged).toEqual([secret])
  })
})

describe('action', () => {
  const createCohort = (caller: CurrentUser | null, run: (name: string, agencyId: string) => Promise<FormState>) => {
    const deps = entry(caller)
    const handler = deps.action({
      access: 'hr',
      returnTo: '/hr/kelompok',
      input: cohortSchema,
      fields: ['name'],
      run: ({ input, user }) => run(input.name, user.agencyId),
    })
    return { handler, logged: deps.logged }
  }

  it('sends a signed-out caller to sign in (coming back to the page) and a wrong role to 403, running nothing', async () => {
    const run = vi.fn(async () => ({ done: 'ok' }))
    await expect(createCohort(null, run).handler(null, form({ name: 'Orientasi' }))).rejects.toThrow(new SignIn('/hr/kelompok'))
    await expect(createCohort(person('learner', 'a1'), run).handler(null, form({ name: 'Orientasi' }))).rejects.toBeInstanceOf(Forbidden)
    await expect(createCohort(person('admin'), run).handler(null, form({ name: 'Orientasi' }))).rejects.toBeInstanceOf(Forbidden)
    expect(run).not.toHaveBeenCalled()
  })

  it('passes the officer’s agency from the session, never from the form', async () => {
    const run = vi.fn(async (name: string, agencyId: string) => ({ done: `${name} @ ${agencyId}` }))
    const state = await createCohort(person('hr', 'agency-1'), run).handler(null, form({ name: 'Orientasi', agencyId: 'agency-2' }))
    expect(state).toEqual({ done: 'Orientasi @ agency-1' })
  })

  it('answers refused input with the field’s Bahasa message and what was typed', async () => {
    const run = vi.fn(async () => ({ done: 'ok' }))
    const state = await createCohort(person('hr', 'a1'), run).handler(null, form({ name: 'x' }))
    expect(state).toEqual({ fieldErrors: { name: 'Nama kelompok minimal 3 karakter.' }, values: { name: 'x' } })
    expect(run).not.toHaveBeenCalled()
  })

  it('maps an AppError to the form’s error line, or to the field it belongs to', async () => {
    const fail = async (): Promise<FormState> => {
      throw new AppError(409, 'Nama kelompok ini sudah dipakai.')
    }
    expect(await createCohort(person('hr', 'a1'), fail).handler(null, form({ name: 'Orientasi' }))).toEqual({
      fieldErrors: { form: 'Nama kelompok ini sudah dipakai.' },
      error: 'Nama kelompok ini sudah dipakai.',
      values: { name: 'Orientasi' },
    })
    const { action } = entry(person('hr', 'a1'))
    const onField = action({ access: 'hr', returnTo: '/hr/kelompok', errorField: 'name', run: fail })
    expect(await onField(null, form({}))).toEqual({ fieldErrors: { name: 'Nama kelompok ini sudah dipakai.' }, values: {} })
  })

  it('hides an unexpected error behind a generic message and logs it', async () => {
    const secret = new Error('SQLITE_BUSY: database is locked')
    const { handler, logged } = createCohort(person('hr', 'a1'), async () => {
      throw secret
    })
    const state = await handler(null, form({ name: 'Orientasi' }))
    expect(state).toEqual({ fieldErrors: { form: UNEXPECTED_ERROR_MESSAGE }, error: UNEXPECTED_ERROR_MESSAGE, values: { name: 'Orientasi' } })
    expect(JSON.stringify(state)).not.toContain('SQLITE')
    expect(logged).toEqual([secret])
  })

  it('lets redirect() from run through (it is navigation, not an error)', async () => {
    const { handler, logged } = createCohort(person('hr', 'a1'), async () => redirect('/hr/kelompok?baru=1'))
    await expect(handler(null, form({ name: 'Orientasi' }))).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') })
    expect(logged).toEqual([])
  })

  it('formAction: the same access rules, for a form without state', async () => {
    const run = vi.fn(async () => {})
    await expect(entry(null).formAction({ access: 'learner', returnTo: '/akun', run })(form({}))).rejects.toThrow(new SignIn('/akun'))
    await entry(person('learner')).formAction({ access: 'learner', returnTo: '/akun', run })(form({}))
    expect(run).toHaveBeenCalledOnce()
  })
})
