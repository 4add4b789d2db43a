import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createCohortAction, selfEnrolCohortAction } from '@/app/(app)/hr/kelompok/actions'
import { GET as completionReport } from '@/app/api/hr/reports/completion/route'
import { POST as submitAnswers } from '@/app/api/attempts/[id]/submit/route'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

// The one entry (lib/http/handler.server.ts, decision 029) on real routes and a real action, with
// the real database session: the guards read the request through next/headers, here the one a
// test sets. revalidatePath needs a running Next server; it is a no-op here.
let currentRequest = new Headers()
vi.mock('next/headers', () => ({ headers: async () => currentRequest, cookies: async () => ({ get: () => undefined, set: () => {} }) }))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
// What next.config.mjs's experimental.authInterrupts sets for the app: forbidden() answers 403.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true'

const SITE = process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000'
const PASSWORD = 'Kata-sandi-benar-9'
let hrCookie = ''
let learnerCookie = ''
let agencyId = ''
let otherAgencyId = ''

async function signInCookies(email: string): Promise<string> {
  const response = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true })
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
}

function as(cookie: string) {
  currentRequest = new Headers({ cookie })
}

function form(values: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.set(key, value)
  return data
}

beforeAll(async () => {
  const { agency, otherAgency } = await seedAgencies()
  agencyId = agency.id
  otherAgencyId = otherAgency.id
  await seedUser(db, { name: 'Petugas HR', email: 'hr-entry@contoh.go.id', password: PASSWORD, role: 'hr', agencyId })
  await seedUser(db, { name: 'Ani', email: 'ani-entry@contoh.go.id', password: PASSWORD, agencyId })
  hrCookie = await signInCookies('hr-entry@contoh.go.id')
  learnerCookie = await signInCookies('ani-entry@contoh.go.id')
})

describe('route handlers through the entry', () => {
  const report = (query: string, cookie: string) => {
    as(cookie)
    return completionReport(new Request(`${SITE}/api/hr/reports/completion?${query}`, { headers: { cookie } }))
  }

  it('refuses a signed-out caller (401) and a learner (403) on an HR report', async () => {
    const signedOut = await report('kelompok=semua', '')
    expect(signedOut.status).toBe(401)
    expect(await signedOut.json()).toEqual({ error: { message: 'Silakan masuk sebagai admin kepegawaian, operator unit atau pimpinan unit.' } })
    const learner = await report('kelompok=semua', learnerCookie)
    expect(learner.status).toBe(403)
    expect(await learner.json()).toEqual({ error: { message: 'Hanya admin kepegawaian, operator unit atau pimpinan unit yang dapat melihat ini.' } })
  })

  it('answers a malformed filter with 422 naming the field in Bahasa Indonesia, and serves a valid one', async () => {
    const refused = await report('kelompok=semua&format=pdf', hrCookie)
    expect(refused.status).toBe(422)
    expect(await refused.json()).toEqual({ error: { message: 'Filter laporan tidak valid.', fields: { format: 'Format tidak dikenal.' } } })
    const served = await report('kelompok=semua&format=csv', hrCookie)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toContain('text/csv')
    await served.arrayBuffer()
  })

  it('turns an AppError into its status: another agency’s cohort is 404', async () => {
    const cohort = await db.cohort.create({
      data: { agencyId: otherAgencyId, kind: 'onboarding', year: 2026, name: 'Kelompok instansi lain', dueDate: new Date('2026-12-31T00:00:00Z') },
    })
    const response = await report(`kelompok=${cohort.id}`, hrCookie)
    expect(response.status).toBe(404)
  })

  it('answers a quiz submission of the wrong shape with 422 and the field', async () => {
    const response = await submitAnswers(
      new Request(`${SITE}/api/attempts/x/submit`, { method: 'POST', headers: { cookie: learnerCookie, origin: SITE, 'content-type': 'application/json' }, body: '{"jawaban":{}}' }),
      { params: Promise.resolve({ id: 'x' }) },
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({ error: { message: 'Format jawaban tidak valid.', fields: { responses: expect.any(String) } } })
  })
})

describe('server actions through the entry', () => {
  const cohort = { kind: 'onboarding', year: '2026', name: 'Orientasi Entri', dueDate: '2026-12-31' }

  it('sends a signed-out caller to sign in and refuses a learner with 403, writing nothing', async () => {
    as('')
    await expect(createCohortAction(null, form(cohort))).rejects.toMatchObject({ digest: expect.stringContaining('/masuk?kembali=%2Fhr%2Fkelompok') })
    as(learnerCookie)
    await expect(createCohortAction(null, form(cohort))).rejects.toMatchObject({ digest: expect.stringContaining('403') })
    expect(await db.cohort.count({ where: { name: cohort.name } })).toBe(0)
  })

  it('answers refused input per field in Bahasa Indonesia', async () => {
    as(hrCookie)
    expect(await createCohortAction(null, form({ ...cohort, name: 'x', year: '1999' }))).toEqual({
      fieldErrors: { year: 'Tahun paling awal 2020.', name: 'Nama kelompok minimal 3 karakter.' },
      values: {},
    })
  })

  it('creates in the officer’s agency from the session, whatever the form says, and maps a duplicate (AppError) to the name field', async () => {
    as(hrCookie)
    const created = await createCohortAction(null, form({ ...cohort, agencyId: otherAgencyId }))
    expect(created).toEqual({ done: 'Kelompok "Orientasi Entri" dibuat. Sekarang tetapkan pesertanya.' })
    expect(await db.cohort.findMany({ where: { name: cohort.name }, select: { agencyId: true } })).toEqual([{ agencyId }])
    expect(await createCohortAction(null, form(cohort))).toEqual({
      fieldErrors: { name: 'Nama kelompok ini sudah dipakai di instansi Anda.' },
      values: {},
    })
  })

  it('refuses another agency’s cohort as the self-registration cohort (AppError on its field)', async () => {
    const foreign = await db.cohort.create({
      data: { agencyId: otherAgencyId, kind: 'onboarding', year: 2026, name: 'Kelompok asing', dueDate: new Date('2026-12-31T00:00:00Z') },
    })
    as(hrCookie)
    expect(await selfEnrolCohortAction(null, form({ selfEnrolCohortId: foreign.id }))).toEqual({
      fieldErrors: { selfEnrolCohortId: 'Kelompok tidak ditemukan.' },
      values: {},
    })
  })
})
