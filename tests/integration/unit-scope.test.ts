import { beforeAll, describe, expect, it } from 'vitest'
import { capabilitiesFrom } from '@/lib/auth/capabilities'
import { findDownloadableCertificate, issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { getDashboard, getPersonHistory, listPeople } from '@/lib/hr/dashboard.server'
import { countEnrolmentRows, enrolmentRows } from '@/lib/hr/enrolment-rows.server'
import { checkReportScope, completionRows } from '@/lib/hr/report-data.server'
import { reportFilterSchema } from '@/lib/hr/report-filter'
import { appointUnitStaff, listUnitStaff, removeUnitStaff } from '@/lib/hr/unit-staff.server'
import { sendCohortReminders } from '@/lib/mail/cohort-reminders.server'
import { seedUser } from '@/prisma/seed/seeders'
import { assignNow, passedPostTestAttempt, refusal, seedAgencies, uniqueNip } from './helpers'

// Decision 037: roles are capabilities on top of being a learner. A unit operator sees and acts
// on their units only, through the same read model as HR; HR officers count like anyone.

let agencyId: string
let otherAgencyId: string
let unitA: { id: string; name: string }
let unitB: { id: string; name: string }
let hr: { id: string; agencyId: string }
let cohortId: string
const people: Record<string, string> = {}
const now = new Date()

const grantsOf = (userId: string) => db.capabilityGrant.findMany({ where: { userId }, select: { capability: true, agencyId: true, unitId: true } })

async function person(key: string, unitId: string | null, agency = agencyId) {
  const user = await seedUser(db, {
    name: `Pegawai ${key}`,
    email: `${key}@unit.contoh.go.id`,
    password: 'Kata-sandi-benar-9',
    nip: uniqueNip(),
    employmentType: 'PNS',
    agencyId: agency,
    unitId,
  })
  people[key] = user.id
  return user
}

beforeAll(async () => {
  const { agency, otherAgency } = await seedAgencies()
  agencyId = agency.id
  otherAgencyId = otherAgency.id
  ;[unitA, unitB] = [agency.units[0]!, agency.units[1]!]
  // The HR officer has a NIP and works in unit B: a learner of the agency like anyone.
  const officer = await seedUser(db, {
    name: 'Petugas SDM',
    email: 'sdm@unit.contoh.go.id',
    password: 'Kata-sandi-benar-9',
    role: 'hr',
    nip: uniqueNip(),
    agencyId,
    unitId: unitB.id,
  })
  hr = { id: officer.id, agencyId }
  people.hr = officer.id
  cohortId = (await db.cohort.create({ data: { agencyId, kind: 'onboarding', year: 2026, name: 'Orientasi Unit 2026' } })).id
  await person('a1', unitA.id)
  await person('a2', unitA.id)
  await person('operator', unitA.id)
  await person('b1', unitB.id)
  await person('b2', unitB.id)
  await person('tanpa-unit', null)
  await person('lain', otherAgency.units[0]!.id, otherAgencyId)
})

describe('appointing unit operators and heads', () => {
  it('grants an operator for one unit of the agency, audit-logged, and refuses others’ people, units and repeats', async () => {
    const nip = (await db.user.findUniqueOrThrow({ where: { id: people.operator! } })).nip!
    expect(await appointUnitStaff(hr, { person: nip, unitId: unitA.id, capability: 'unit_operator' })).toEqual({
      ok: true,
      value: { name: 'Pegawai operator', unitName: unitA.name, label: 'operator unit' },
    })
    expect(await grantsOf(people.operator!)).toEqual([{ capability: 'unit_operator', agencyId, unitId: unitA.id }])
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'capability.granted', targetId: people.operator } })
    expect(audit).toMatchObject({ actorId: hr.id, agencyId })

    expect(await appointUnitStaff(hr, { person: nip, unitId: unitA.id, capability: 'unit_operator' })).toMatchObject({
      ok: false,
      fieldErrors: { person: expect.stringMatching(/sudah menjadi operator unit/) },
    })
    expect(await appointUnitStaff(hr, { person: 'lain@unit.contoh.go.id', unitId: unitA.id, capability: 'unit_operator' })).toMatchObject({
      ok: false,
      fieldErrors: { person: expect.stringMatching(/tidak ditemukan di instansi Anda/) },
    })
    const otherUnit = await db.unit.findFirstOrThrow({ where: { agencyId: otherAgencyId } })
    expect(await appointUnitStaff(hr, { person: nip, unitId: otherUnit.id, capability: 'unit_head' })).toMatchObject({
      ok: false,
      fieldErrors: { unitId: expect.stringMatching(/tidak ditemukan/) },
    })
    expect(await appointUnitStaff(hr, { person: nip, unitId: unitA.id, capability: 'admin' })).toMatchObject({ ok: false, fieldErrors: { capability: expect.any(String) } })
    // Another agency's HR cannot remove it (answered like an unknown grant).
    const [grant] = await listUnitStaff(agencyId)
    expect(await removeUnitStaff({ id: 'hr-lain', agencyId: otherAgencyId }, { grantId: grant!.id })).toMatchObject({ ok: false })
    expect(await grantsOf(people.operator!)).toHaveLength(1)
  })

  it('removes a head again, audit-logged', async () => {
    const appointed = await appointUnitStaff(hr, { person: 'b1@unit.contoh.go.id', unitId: unitB.id, capability: 'unit_head' })
    expect(appointed.ok).toBe(true)
    const grant = (await listUnitStaff(agencyId)).find((g) => g.user.id === people.b1)!
    expect(await removeUnitStaff(hr, { grantId: grant.id })).toMatchObject({ ok: true, value: { label: 'pimpinan unit' } })
    expect(await grantsOf(people.b1!)).toEqual([])
    expect(await db.auditLog.count({ where: { action: 'capability.revoked', targetId: people.b1, actorId: hr.id } })).toBe(1)
  })
})

describe("a unit operator's view", () => {
  const operatorScope = async () => capabilitiesFrom(await grantsOf(people.operator!)).scope!

  it('assigns only their units’ people: another unit is not found, its NIPs unknown', async () => {
    const scope = await operatorScope()
    expect(scope).toEqual({ agencyId, unitIds: [unitA.id], manage: false, act: true })
    const operator = { id: people.operator!, agencyId, unitIds: scope.unitIds }
    expect(await assignNow(operator, cohortId, { target: 'semua' })).toMatchObject({ added: 3 })
    expect((await refusal(assignNow(operator, cohortId, { target: 'unit', unitId: unitB.id }))).status).toBe(404)
    const b1Nip = (await db.user.findUniqueOrThrow({ where: { id: people.b1! } })).nip!
    expect(await assignNow(operator, cohortId, { target: 'nip', nips: [b1Nip] })).toMatchObject({ added: 0, unknownNips: [b1Nip] })
    // HR assigns the rest of the agency, the officer included.
    expect(await assignNow(hr, cohortId, { target: 'semua' })).toMatchObject({ added: 4, already: 3 })
  })

  it('counts and lists only their units on the dashboard, the people list and a person page', async () => {
    const { unitIds } = await operatorScope()
    const unitDashboard = (await getDashboard(agencyId, cohortId, now, unitIds))!
    expect(unitDashboard.units.map((unit) => unit.id)).toEqual([unitA.id])
    expect(unitDashboard.counts.total).toBe(3)
    expect(unitDashboard.byUnit.map((group) => group.label)).toEqual([unitA.name])
    const agencyDashboard = (await getDashboard(agencyId, cohortId, now))!
    // The HR officer (with a NIP) counts like anyone: 7 people of the agency.
    expect(agencyDashboard.counts.total).toBe(7)

    const list = await listPeople(agencyId, {}, now, unitIds)
    expect(list.rows.map((row) => row.person.name).sort()).toEqual(['Pegawai a1', 'Pegawai a2', 'Pegawai operator'])
    expect(list.total).toBe(3)
    expect((await listPeople(agencyId, { unitId: unitB.id }, now, unitIds)).total).toBe(0)
    expect((await listPeople(agencyId, {}, now)).rows.map((row) => row.person.name)).toContain('Petugas SDM')

    expect(await getPersonHistory(agencyId, people.a1!, now, unitIds)).toMatchObject({ person: { id: people.a1 } })
    expect(await getPersonHistory(agencyId, people.b1!, now, unitIds)).toBeNull()
    expect(await getPersonHistory(agencyId, people['tanpa-unit']!, now, unitIds)).toBeNull()
    expect(await getPersonHistory(agencyId, people.b1!, now)).not.toBeNull()
  })

  it('reports only their units: another unit as a filter is not found, and the rows equal the counts', async () => {
    const { unitIds } = await operatorScope()
    const operator = { id: people.operator!, agencyId, unitIds }
    const filterOf = (query: Record<string, string>) => reportFilterSchema.parse({ kelompok: cohortId, ...query })
    expect((await refusal(checkReportScope(operator, filterOf({ unit: unitB.id })))).status).toBe(404)
    const filter = filterOf({})
    const rows = []
    for await (const row of completionRows(operator, filter, await checkReportScope(operator, filter))) rows.push(row)
    expect(rows.map((row) => row.name).sort()).toEqual(['Pegawai a1', 'Pegawai a2', 'Pegawai operator'])
    const counted = await countEnrolmentRows({ agencyId, view: 'enrolments', cohortId, unitIds, now })
    expect(counted).toBe(rows.length)
    const unitRows = []
    for await (const row of enrolmentRows({ agencyId, view: 'enrolments', cohortId, unitIds: [], now })) unitRows.push(row)
    expect(unitRows).toEqual([])
  })

  it('sends reminders to their units’ people only, at most one a person a day whoever sends it', async () => {
    await db.outboxMessage.deleteMany()
    const { unitIds } = await operatorScope()
    const operator = { id: people.operator!, agencyId, unitIds }
    const recipients = async () => (await db.outboxMessage.findMany({ where: { kind: 'due-reminder' }, select: { toAddress: true } })).map((m) => m.toAddress).sort()
    expect(await sendCohortReminders(operator, cohortId, now)).toEqual({ queued: 3, already: 0, unreachable: 0 })
    expect(await recipients()).toEqual(['a1@unit.contoh.go.id', 'a2@unit.contoh.go.id', 'operator@unit.contoh.go.id'])
    // HR reaches the rest of the agency (the officer too); the unit's people were reminded today.
    expect(await sendCohortReminders({ ...hr, unitIds: null }, cohortId, now)).toEqual({ queued: 4, already: 3, unreachable: 0 })
    expect(await sendCohortReminders(operator, cohortId, now)).toEqual({ queued: 0, already: 3, unreachable: 0 })
    expect(await recipients()).toHaveLength(7)
    expect(await db.auditLog.count({ where: { action: 'cohort.reminders_sent', actorId: people.operator, targetId: cohortId } })).toBe(2)
    // Another agency's HR: no such cohort. A paused cohort: refused, nothing queued.
    expect((await refusal(sendCohortReminders({ id: 'hr-lain', agencyId: otherAgencyId, unitIds: null }, cohortId, now))).status).toBe(404)
    await db.outboxMessage.deleteMany()
    await db.cohort.update({ where: { id: cohortId }, data: { remindersPausedAt: now } })
    try {
      expect((await refusal(sendCohortReminders(operator, cohortId, now))).status).toBe(409)
      expect(await recipients()).toEqual([])
    } finally {
      await db.cohort.update({ where: { id: cohortId }, data: { remindersPausedAt: null } })
    }
  })

  it("downloads certificates of their units' people only", async () => {
    const certify = async (key: string) => {
      const userId = people[key]!
      const enrolment = await db.enrolment.findFirstOrThrow({ where: { userId, cohortId } })
      await db.lessonProgress.createMany({
        data: getLessonOutline().map((lesson) => ({ userId, lessonSlug: lesson.slug, contentVersion: 't', completedAt: new Date() })),
      })
      const attempt = await passedPostTestAttempt(userId, enrolment.id)
      return (await issueCertificateIfEligible(attempt.id))!
    }
    const [inUnit, outside, ofHr] = [await certify('a1'), await certify('b1'), await certify('hr')]
    const operator = { id: people.operator!, capabilities: capabilitiesFrom(await grantsOf(people.operator!)) }
    expect(await findDownloadableCertificate(operator, inUnit.id)).not.toBeNull()
    expect(await findDownloadableCertificate(operator, outside.id)).toBeNull()
    // The HR officer earned their own certificate like any learner.
    expect(ofHr).toMatchObject({ userId: people.hr })
  })
})
