import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import {
  countEnrolmentRows,
  countEnrolmentRowsByGroup,
  enrolmentRows,
  enrolmentRowsPage,
  sqlStatusesForTest,
  type EnrolmentRow,
  type RowFilter,
  type RowKey,
} from '@/lib/hr/enrolment-rows.server'
import { getDashboard, listPeople } from '@/lib/hr/dashboard.server'
import { checkReportScope, completionRows, siasnCertificates } from '@/lib/hr/report-data.server'
import { reportFilterSchema } from '@/lib/hr/report-filter'
import { seedAgencies, uniqueNip } from './helpers'

const DAY = 86_400_000
const now = new Date()
const outline = getLessonOutline()
let agencyId: string
let otherAgencyId: string
let units: { id: string; name: string }[]
let otherUnitId: string
let current: { id: string }
let past: { id: string }
let otherCohort: { id: string }
const ids: Record<string, string> = {}
const nips: Record<string, string> = {}
let officer: { id: string; agencyId: string }

type PersonData = {
  agencyId?: string
  unitId?: string | null
  employmentType?: 'PNS' | 'CPNS' | 'PPPK'
  identityStatus?: 'claimed' | 'verified' | 'rejected'
  /** An HR officer of the agency (a capability grant on top of being a learner, decision 037). */
  hr?: boolean
  nip?: string | null
}

async function person(key: string, name: string, data: PersonData = {}) {
  const nip = data.nip === undefined ? uniqueNip() : data.nip
  const user = await db.user.create({
    data: {
      id: randomUUID(),
      name,
      email: `${key}@contoh.go.id`,
      nip,
      employmentType: data.employmentType ?? 'PNS',
      agencyId: data.agencyId ?? agencyId,
      unitId: data.unitId === undefined ? units[0]!.id : data.unitId,
      ...(data.hr ? { grants: { create: { capability: 'hr' as const, agencyId: data.agencyId ?? agencyId, scopeKey: data.agencyId ?? agencyId } } } : {}),
      identityStatus: data.identityStatus ?? 'verified',
      identityMethod: (data.identityStatus ?? 'verified') === 'verified' ? 'roster' : null,
    },
  })
  ids[key] = user.id
  if (nip) nips[key] = nip
  return user
}

const enrol = (userId: string, cohortId: string, cycleKey = 'onboarding') => db.enrolment.create({ data: { userId, cohortId, cycleKey } })

async function progress(userId: string, slug: string, completed: boolean, activeSeconds: number) {
  await db.lessonProgress.create({ data: { userId, lessonSlug: slug, contentVersion: 't', completedAt: completed ? new Date() : null, activeSeconds } })
}

async function attempt(userId: string, enrolmentId: string, kind: 'pretest' | 'posttest', score: number, passed: boolean, at: Date) {
  return db.quizAttempt.create({
    data: { userId, enrolmentId, kind, contentVersion: 't', seed: 's', items: '{"version":1,"seed":"s","items":[]}', startedAt: at, expiresAt: new Date(at.getTime() + 3_600_000), submittedAt: at, score, passed: kind === 'posttest' ? passed : null },
  })
}

/** Every current lesson done (120 s each), then a passed post-test and its certificate. */
async function passWithCertificate(userId: string, enrolmentId: string, at: Date) {
  for (const lesson of outline) await progress(userId, lesson.slug, true, 120)
  const win = await attempt(userId, enrolmentId, 'posttest', 90, true, at)
  return (await issueCertificateIfEligible(win.id))!
}

beforeAll(async () => {
  const seeded = await seedAgencies()
  agencyId = seeded.agency.id
  otherAgencyId = seeded.otherAgency.id
  units = seeded.agency.units
  otherUnitId = seeded.otherUnit.id
  current = await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Orientasi 2026', dueDate: new Date(now.getTime() + 30 * DAY) } })
  past = await db.cohort.create({ data: { agencyId, kind: 'refresher', year: 2025, name: 'Penyegaran 2025', dueDate: new Date(now.getTime() - 30 * DAY) } })
  otherCohort = await db.cohort.create({ data: { agencyId: otherAgencyId, kind: 'onboarding', year: 2026, name: 'Orientasi Kementerian' } })
  const hr = await person('hr', 'Petugas Tanpa NIP', { hr: true, nip: null, unitId: null })
  officer = { id: hr.id, agencyId }

  // Ayu: verified, passed with a certificate; a lesson that is no longer in the course counts
  // neither as done nor as time on task.
  const ayu = await person('ayu', 'Ayu Lestari', { unitId: units[0]!.id, employmentType: 'PNS' })
  const ayuEnrolment = await enrol(ayu.id, current.id)
  await progress(ayu.id, 'pelajaran-lama', true, 999)
  await attempt(ayu.id, ayuEnrolment.id, 'pretest', 40, false, new Date(now.getTime() - 3 * DAY))
  await attempt(ayu.id, ayuEnrolment.id, 'posttest', 60, false, new Date(now.getTime() - 2 * DAY))
  await passWithCertificate(ayu.id, ayuEnrolment.id, new Date('2026-11-03T02:00:00Z'))

  // Bambang: claimed (self-registered), one lesson done.
  const bambang = await person('bambang', 'Bambang Wijaya', { unitId: units[1]!.id, employmentType: 'PPPK', identityStatus: 'claimed' })
  await enrol(bambang.id, current.id)
  await progress(bambang.id, outline[0]!.slug, true, 300)
  await progress(bambang.id, outline[1]!.slug, false, 45)

  // Citra: claimed; only a retired lesson done, so not started.
  const citra = await person('citra', 'Citra Dewi', { unitId: units[0]!.id, employmentType: 'CPNS', identityStatus: 'claimed' })
  await enrol(citra.id, current.id)
  await progress(citra.id, 'pelajaran-lama', true, 600)

  // Gita: claimed, passed, certificate: in every report, flagged; not in SIASN by default.
  const gita = await person('gita', 'Gita Savitri', { unitId: units[1]!.id, employmentType: 'PNS', identityStatus: 'claimed' })
  const gitaEnrolment = await enrol(gita.id, current.id)
  await passWithCertificate(gita.id, gitaEnrolment.id, new Date('2026-11-10T02:00:00Z'))

  // Indra: verified, passed, but the certificate was revoked: never in SIASN.
  const indra = await person('indra', 'Indra Gunawan', { unitId: units[2]!.id, employmentType: 'PNS' })
  const indraEnrolment = await enrol(indra.id, current.id)
  const revoked = await passWithCertificate(indra.id, indraEnrolment.id, new Date('2026-11-12T02:00:00Z'))
  await db.certificate.update({ where: { id: revoked.id }, data: { revokedAt: new Date(), revokedReason: 'uji' } })

  // Hadi: a rejected claim (NIP released), still in the cohort and counted, flagged.
  const hadi = await person('hadi', 'Hadi Rejected', { unitId: units[0]!.id, identityStatus: 'rejected', nip: null })
  await enrol(hadi.id, current.id)

  // Dedi: a past cohort, overdue.
  const dedi = await person('dedi', 'Dedi Kurniawan', { unitId: null, employmentType: 'PNS' })
  await enrol(dedi.id, past.id, 'refresher-2025')

  // Eka: no cohort. Fajar: an HR officer with a NIP (staff take the course too), no cohort.
  await person('eka', 'Eka Putri', { unitId: units[2]!.id, employmentType: 'PPPK' })
  await person('fajar', 'Fajar Petugas', { hr: true, unitId: units[2]!.id })

  // Agency B: never visible to agency A.
  const stranger = await person('lain', 'Orang Lain', { agencyId: otherAgencyId, unitId: otherUnitId })
  const strangerEnrolment = await enrol(stranger.id, otherCohort.id)
  await passWithCertificate(stranger.id, strangerEnrolment.id, new Date('2026-11-05T02:00:00Z'))
})

async function all(filter: Omit<RowFilter, 'agencyId' | 'now'> & { agencyId?: string }): Promise<EnrolmentRow[]> {
  const rows: EnrolmentRow[] = []
  for await (const row of enrolmentRows({ agencyId, now, ...filter }, 2)) rows.push(row)
  return rows
}
const names = (rows: EnrolmentRow[]) => rows.map((row) => row.person.name).sort()
const byName = (rows: EnrolmentRow[], name: string) => rows.find((row) => row.person.name === name)!

describe('the HR read model: one row query', () => {
  it('gives one row per enrolment of the cohort with every fact, counting current lessons only', async () => {
    const rows = await all({ view: 'enrolments', cohortId: current.id })
    expect(names(rows)).toEqual(['Ayu Lestari', 'Bambang Wijaya', 'Citra Dewi', 'Gita Savitri', 'Hadi Rejected', 'Indra Gunawan'])
    const ayu = byName(rows, 'Ayu Lestari')
    expect(ayu).toMatchObject({
      status: 'lulus',
      lessonsDone: outline.length,
      lessonsTotal: outline.length,
      activeSeconds: 120 * outline.length,
      preTestScore: 40,
      bestPostTestScore: 90,
      attempts: 2,
      identity: { status: 'verified', method: 'roster' },
      person: { nip: nips.ayu, email: 'ayu@contoh.go.id', employmentType: 'PNS', unitName: units[0]!.name },
      enrolment: { cohortId: current.id, cohortName: 'Orientasi 2026', cohortKind: 'onboarding', cohortYear: 2026 },
    })
    expect(ayu.certificate).toMatchObject({ status: 'berlaku', revokedAt: null, jp: expect.any(Number) })
    expect(ayu.completedAt).toEqual(ayu.certificate!.completedAt)
    expect(byName(rows, 'Bambang Wijaya')).toMatchObject({ status: 'sedang', lessonsDone: 1, activeSeconds: 345, identity: { status: 'claimed' }, attempts: 0 })
    // Only a retired lesson: nothing done, no time on task, not started.
    expect(byName(rows, 'Citra Dewi')).toMatchObject({ status: 'belum-mulai', lessonsDone: 0, activeSeconds: 0, identity: { status: 'claimed' } })
    expect(byName(rows, 'Hadi Rejected')).toMatchObject({ identity: { status: 'rejected' }, person: { nip: null } })
    expect(byName(rows, 'Indra Gunawan').certificate).toMatchObject({ status: 'dicabut' })
  })

  it('covers every cohort of the agency when no cohort is given, and nothing of another agency', async () => {
    const rows = await all({ view: 'enrolments' })
    expect(rows).toHaveLength(7)
    expect(byName(rows, 'Dedi Kurniawan')).toMatchObject({ status: 'terlambat', enrolment: { cohortId: past.id } })
    expect(JSON.stringify(rows)).not.toContain('Orang Lain')
    expect(await all({ view: 'enrolments', cohortId: otherCohort.id })).toEqual([])
    expect(await all({ view: 'enrolments', personId: ids.lain })).toEqual([])
    expect(await all({ view: 'people', personId: ids.lain })).toEqual([])
    expect(await all({ view: 'enrolments', unitId: otherUnitId })).toEqual([])
  })

  it('applies every filter in SQL, and counts exactly the rows it returns', async () => {
    const everything = await all({ view: 'enrolments' })
    const cases: [Omit<RowFilter, 'agencyId' | 'view'>, (row: EnrolmentRow) => boolean][] = [
      [{ unitId: units[0]!.id }, (row) => row.person.unitId === units[0]!.id],
      [{ employmentType: 'PPPK' }, (row) => row.person.employmentType === 'PPPK'],
      [{ employmentType: 'CPNS' }, (row) => row.person.employmentType === 'CPNS'],
      [{ status: 'lulus' }, (row) => row.status === 'lulus'],
      [{ status: 'sedang' }, (row) => row.status === 'sedang'],
      [{ status: 'belum-mulai' }, (row) => row.status === 'belum-mulai'],
      [{ status: 'terlambat' }, (row) => row.status === 'terlambat'],
      [{ identityStatus: 'claimed' }, (row) => row.identity.status === 'claimed'],
      [{ identityStatus: ['verified', 'rejected'] }, (row) => row.identity.status !== 'claimed'],
      [{ identityStatus: [] }, () => false],
      [{ search: 'ayu LESTARI' }, (row) => row.person.name === 'Ayu Lestari'],
      [{ search: 'BAMBANG@contoh' }, (row) => row.person.name === 'Bambang Wijaya'],
      [{ search: '%' }, () => false],
      [{ personId: ids.gita }, (row) => row.person.id === ids.gita],
      [{ completedFrom: new Date('2026-11-09T17:00:00Z') }, (row) => !!row.completedAt && row.completedAt >= new Date('2026-11-09T17:00:00Z')],
      [{ completedTo: new Date('2026-11-04T00:00:00Z') }, (row) => !!row.completedAt && row.completedAt <= new Date('2026-11-04T00:00:00Z')],
      [{ withValidCertificate: true }, (row) => row.certificate?.status === 'berlaku'],
      [{ unitId: units[1]!.id, identityStatus: 'claimed', status: 'lulus' }, (row) => row.person.name === 'Gita Savitri'],
    ]
    for (const [extra, expected] of cases) {
      const filter = { view: 'enrolments' as const, ...extra }
      const rows = await all(filter)
      const want = everything.filter(expected)
      expect(names(rows), JSON.stringify(extra)).toEqual(names(want))
      expect(await countEnrolmentRows({ agencyId, now, ...filter }), JSON.stringify(extra)).toBe(want.length)
    }
    // Search by NIP digits (part of it) finds exactly that person.
    expect(names(await all({ view: 'enrolments', search: nips.citra!.slice(4) }))).toEqual(['Citra Dewi'])
  })

  it('decides every status by the one rule: the SQL copy agrees with enrolment-status.ts on every row', async () => {
    for (const view of ['enrolments', 'people'] as const) {
      const rows = await all({ view })
      const sql = await sqlStatusesForTest({ agencyId, now, view }, { limit: 1000 })
      expect(sql.size).toBe(rows.length)
      for (const row of rows) expect(sql.get(view === 'people' ? row.person.id : row.enrolment!.id), row.person.name).toBe(row.status)
    }
  })

  it('pages by key across pages, forwards and backwards, with the same rows as one page', async () => {
    for (const view of ['enrolments', 'people'] as const) {
      const filter: RowFilter = { agencyId, now, view }
      const one = await enrolmentRowsPage(filter, { limit: 1000 })
      const pages: EnrolmentRow[][] = []
      let after: RowKey | undefined
      for (;;) {
        const page = await enrolmentRowsPage(filter, { after, limit: 3 })
        if (!page.length) break
        pages.push(page)
        after = page.at(-1)!.key
      }
      expect(pages.length).toBeGreaterThan(2)
      expect(pages.flat().map((row) => row.key)).toEqual(one.map((row) => row.key))
      const back = await enrolmentRowsPage(filter, { before: pages[2]![0]!.key, limit: 3 })
      expect(back.map((row) => row.key)).toEqual(pages[1]!.map((row) => row.key))
    }
  })

  it('lists every person of the agency in the people view: unassigned ones and staff with a NIP too', async () => {
    const rows = await all({ view: 'people' })
    expect(rows.map((row) => row.person.name)).toEqual([
      'Ayu Lestari',
      'Bambang Wijaya',
      'Citra Dewi',
      'Dedi Kurniawan',
      'Eka Putri',
      'Fajar Petugas',
      'Gita Savitri',
      'Hadi Rejected',
      'Indra Gunawan',
    ])
    expect(byName(rows, 'Eka Putri')).toMatchObject({ status: 'belum-ditugaskan', enrolment: null, certificate: null })
    expect(byName(rows, 'Ayu Lestari').lastActivity).toBeInstanceOf(Date)
    expect(names(await all({ view: 'people', status: 'belum-ditugaskan' }))).toEqual(['Eka Putri', 'Fajar Petugas'])
    expect(names(await all({ view: 'people', identityStatus: 'claimed' }))).toEqual(['Bambang Wijaya', 'Citra Dewi', 'Gita Savitri'])
    expect(await countEnrolmentRows({ agencyId, now, view: 'people' })).toBe(9)
    // The latest enrolment decides the person's row.
    await enrol(ids.dedi!, current.id, 'onboarding')
    expect(byName(await all({ view: 'people', personId: ids.dedi }), 'Dedi Kurniawan')).toMatchObject({ status: 'belum-mulai', enrolment: { cohortId: current.id } })
    await db.enrolment.deleteMany({ where: { userId: ids.dedi, cohortId: current.id } })
  })

  it('counts the same rows in groups (the dashboard definition)', async () => {
    const groups = await countEnrolmentRowsByGroup({ agencyId, now, view: 'enrolments' })
    const rows = await all({ view: 'enrolments' })
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(rows.length)
    const claimedPassed = groups.filter((g) => g.identityStatus === 'claimed' && g.status === 'lulus').reduce((sum, g) => sum + g.count, 0)
    expect(claimedPassed).toBe(1)
  })
})

describe('reports through the read model', () => {
  const filterOf = (extra: Record<string, string> = {}) => reportFilterSchema.parse({ kelompok: current.id, ...extra })
  async function collect<T>(iterable: AsyncIterable<T>) {
    const result: T[] = []
    for await (const item of iterable) result.push(item)
    return result
  }

  it('the completion report has everyone, claimed people flagged, with time on task', async () => {
    const filter = filterOf()
    const rows = await collect(completionRows(officer, filter, await checkReportScope(officer, filter)))
    expect(rows).toHaveLength(6)
    expect(rows.find((row) => row.nip === nips.bambang)).toMatchObject({ identityStatus: 'claimed', activeSeconds: 345, status: 'sedang' })
    expect(rows.find((row) => row.nip === nips.ayu)).toMatchObject({ identityStatus: 'verified', activeSeconds: 120 * outline.length, status: 'lulus' })
    const allCohorts = reportFilterSchema.parse({ kelompok: 'semua' })
    const everyCohort = await collect(completionRows(officer, allCohorts, await checkReportScope(officer, allCohorts)))
    expect(everyCohort).toHaveLength(7)
    expect(everyCohort.map((row) => row.cohortName).sort()).toContain('Penyegaran 2025')
  })

  it('the SIASN export leaves out claimed identities and revoked certificates by default', async () => {
    const filter = filterOf()
    const certificates = await collect(siasnCertificates(officer, filter, await checkReportScope(officer, filter)))
    expect(certificates.map((c) => c.nip)).toEqual([nips.ayu])
    expect(certificates[0]).not.toHaveProperty('identityStatus')
    // An identity filter cannot bring claimed people back without the option.
    const claimedOnly = filterOf({ identitas: 'claimed' })
    expect(await collect(siasnCertificates(officer, claimedOnly, await checkReportScope(officer, claimedOnly)))).toEqual([])
  })

  it('the SIASN export includes everyone with the option, each with its identity status', async () => {
    const filter = filterOf({ 'semua-identitas': 'ya' })
    const certificates = await collect(siasnCertificates(officer, filter, await checkReportScope(officer, filter)))
    expect(certificates.map((c) => [c.nip, c.identityStatus]).sort()).toEqual(
      [
        [nips.ayu, 'verified'],
        [nips.gita, 'claimed'],
      ].sort(),
    )
    expect(() => reportFilterSchema.parse({ kelompok: current.id, 'semua-identitas': 'tidak' })).toThrow()
  })

  it("the dashboard's counts equal the CSV's rows for every filter (cohort or all, unit, employment type, status, identity status)", async () => {
    const csvRows = async (extra: Record<string, string>) => {
      const filter = reportFilterSchema.parse(extra)
      return (await collect(completionRows(officer, filter, await checkReportScope(officer, filter)))).length
    }
    const statuses = ['belum-mulai', 'sedang', 'lulus', 'terlambat'] as const
    let checked = 0
    for (const cohortId of [current.id, past.id]) {
      const dashboard = (await getDashboard(agencyId, cohortId, now))!
      // The cohort's total and each status; the unverified (claimed) count.
      expect(dashboard.counts.total).toBe(await csvRows({ kelompok: cohortId }))
      for (const status of statuses) expect(dashboard.counts[status], status).toBe(await csvRows({ kelompok: cohortId, status }))
      expect(dashboard.unverified).toBe(await csvRows({ kelompok: cohortId, identitas: 'claimed' }))
      // Per unit and per employment type, each status of each.
      for (const group of dashboard.byUnit.filter((g) => g.key)) {
        expect(group.counts.total, group.label).toBe(await csvRows({ kelompok: cohortId, unit: group.key }))
        for (const status of statuses) expect(group.counts[status], `${group.label} ${status}`).toBe(await csvRows({ kelompok: cohortId, unit: group.key, status }))
        checked++
      }
      for (const group of dashboard.byEmploymentType.filter((g) => g.key)) {
        expect(group.counts.total, group.label).toBe(await csvRows({ kelompok: cohortId, jenis: group.key }))
        for (const status of statuses) expect(group.counts[status], `${group.label} ${status}`).toBe(await csvRows({ kelompok: cohortId, jenis: group.key, status }))
        checked++
      }
      // Every cohort of the agency, as the dashboard lists them, against "semua" split by cohort.
      for (const group of dashboard.byCohort) expect(group.counts.total, group.label).toBe(await csvRows({ kelompok: group.key }))
      expect(dashboard.byCohort.reduce((sum, group) => sum + group.counts.total, 0)).toBe(await csvRows({ kelompok: 'semua' }))
    }
    expect(checked).toBeGreaterThan(4)
    // The model's group counts under every filter of the report (all cohorts, identity status
    // combined with the others) equal the CSV's rows.
    const sum = async (filter: Omit<RowFilter, 'agencyId' | 'view'>) =>
      (await countEnrolmentRowsByGroup({ agencyId, now, view: 'enrolments', ...filter })).reduce((total, group) => total + group.count, 0)
    for (const identitas of ['claimed', 'verified', 'rejected'] as const) {
      expect(await sum({ identityStatus: identitas }), identitas).toBe(await csvRows({ kelompok: 'semua', identitas }))
      expect(await sum({ identityStatus: identitas, unitId: units[0]!.id, employmentType: 'PNS' })).toBe(
        await csvRows({ kelompok: 'semua', identitas, unit: units[0]!.id, jenis: 'PNS' }),
      )
      for (const status of statuses) {
        expect(await sum({ identityStatus: identitas, status }), `${identitas} ${status}`).toBe(await csvRows({ kelompok: 'semua', identitas, status }))
      }
    }
    // The search (people list): its count is the rows it pages through, and each found person's
    // rows are in the CSV.
    for (const q of ['ayu', 'WIJAYA', nips.citra!.slice(6), 'tidak-ada-orang-ini']) {
      const found = await listPeople(agencyId, { q }, now)
      expect(found.total, q).toBe(found.rows.length)
      expect(found.total, q).toBe(await countEnrolmentRows({ agencyId, now, view: 'people', search: q }))
      expect(await sum({ search: q }), q).toBe((await all({ view: 'enrolments', search: q })).length)
    }
  })

  it("refuses another agency's cohort and unit as not found", async () => {
    await expect(checkReportScope(officer, reportFilterSchema.parse({ kelompok: otherCohort.id }))).rejects.toMatchObject({ status: 404 })
    await expect(checkReportScope(officer, reportFilterSchema.parse({ kelompok: 'semua', unit: otherUnitId }))).rejects.toMatchObject({ status: 404 })
    await expect(checkReportScope(officer, reportFilterSchema.parse({ kelompok: 'tidak-ada' }))).rejects.toMatchObject({ status: 404 })
  })
})
