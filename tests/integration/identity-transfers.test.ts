import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { decideTransfer, listTransfersForOfficer, requestTransfer } from '@/lib/identity/transfers.server'
import { seedUser } from '@/prisma/seed/seeders'
import { assignNow, seedAgencies, uniqueNip, refusal } from './helpers'

type Seeded = Awaited<ReturnType<typeof seedAgencies>>
let oldAgency: Seeded['agency']
let newAgency: Seeded['otherAgency']
// As the pages pass them: the agency administered, and what decideTransfer looks at (decision 037).
type Officer = { id: string; agencyId: string; admin: false; hrAgencyId: string }
let oldHr: Officer
let newHr: Officer
let adminId: string
let n = 0

beforeAll(async () => {
  const seeded = await seedAgencies()
  oldAgency = seeded.agency
  newAgency = seeded.otherAgency
  const hr = async (label: string, agencyId: string) =>
    ({
      id: (await seedUser(db, { name: `HR ${label}`, email: `hr-${label}@contoh.go.id`, password: 'Kata-sandi-benar-9', role: 'hr', agencyId })).id,
      agencyId,
      admin: false as const,
      hrAgencyId: agencyId,
    })
  oldHr = await hr('lama', oldAgency.id)
  newHr = await hr('baru', newAgency.id)
  adminId = (await seedUser(db, { name: 'Admin', email: 'admin-mutasi@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'admin' })).id
})

async function employee(identityStatus: 'verified' | 'claimed' = 'verified') {
  const nip = uniqueNip()
  const i = n++
  return seedUser(db, { name: `Pegawai Mutasi ${i}`, email: `mutasi-${i}@contoh.go.id`, password: 'Kata-sandi-benar-9', nip, employmentType: 'PNS', agencyId: oldAgency.id, unitId: oldAgency.units[0]!.id, identityStatus })
}

const request = (person: { nip: string | null }, note = 'SK Mutasi 800/12/2026') => requestTransfer(newHr, { nip: person.nip, unitId: newAgency.units[0]!.id, note })

describe('mutasi', () => {
  it('requests a verified person of another agency: pending, one per person, audited in both agencies', async () => {
    const person = await employee()
    expect(await request(person)).toMatchObject({ ok: true })
    const pending = await db.transferRequest.findFirstOrThrow({ where: { userId: person.id } })
    expect(pending).toMatchObject({ status: 'pending', fromAgencyId: oldAgency.id, toAgencyId: newAgency.id, requestedById: newHr.id, note: 'SK Mutasi 800/12/2026' })
    expect(await request(person)).toEqual({ ok: false, fieldErrors: { nip: expect.stringMatching(/Sudah ada permintaan mutasi/) } })
    const audits = await db.auditLog.findMany({ where: { action: 'transfer.requested', targetId: person.id } })
    expect(audits.map((a) => a.agencyId).sort()).toEqual([oldAgency.id, newAgency.id].sort())
    // Until approved, the requesting agency sees only the name and a masked NIP.
    const { outgoing } = await listTransfersForOfficer(newHr)
    const seen = outgoing.find((r) => r.id === pending.id)!
    expect(seen.person).toEqual({ name: person.name, maskedNip: expect.stringMatching(/^\d{4}•+\d{4}$/), email: null })
    expect(JSON.stringify(seen)).not.toContain(person.nip!)
  })

  it('refuses a claimed (unverified) person, a person of its own agency, and a unit of another agency', async () => {
    const claimed = await employee('claimed')
    expect(await request(claimed)).toEqual({ ok: false, fieldErrors: { nip: expect.stringMatching(/tidak terdaftar sebagai pegawai terverifikasi/) } })
    const person = await employee()
    expect(await requestTransfer(newHr, { nip: person.nip, unitId: oldAgency.units[0]!.id, note: 'SK 1' })).toEqual({ ok: false, fieldErrors: { unitId: expect.any(String) } })
    expect(await requestTransfer(oldHr, { nip: person.nip, unitId: oldAgency.units[0]!.id, note: 'SK 1' })).toEqual({ ok: false, fieldErrors: { nip: expect.stringMatching(/sudah terdaftar di instansi Anda/) } })
    expect(await db.transferRequest.count({ where: { userId: { in: [claimed.id, person.id] } } })).toBe(0)
  })

  it('refuses approval by the requesting agency (its own request) and changes nothing', async () => {
    const person = await employee()
    await request(person)
    const pending = await db.transferRequest.findFirstOrThrow({ where: { userId: person.id } })
    expect(await refusal(decideTransfer(newHr, { requestId: pending.id, decision: 'setujui' }))).toMatchObject({ status: 404 })
    expect(await db.transferRequest.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'pending', decidedById: null })
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ agencyId: oldAgency.id })
    expect(await db.auditLog.count({ where: { action: 'transfer.approved', targetId: person.id } })).toBe(0)
  })

  it('approval by the old agency moves the person with history and certificates, audited in both agencies', async () => {
    const person = await employee()
    const cohort = await db.cohort.create({ data: { agencyId: oldAgency.id, kind: 'onboarding', year: 2026, name: `Lama ${person.id}` } })
    await db.enrolment.create({ data: { userId: person.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
    await db.lessonProgress.create({ data: { userId: person.id, lessonSlug: 'pelajaran-uji', contentVersion: 't', completedAt: new Date() } })
    await request(person)
    const pending = await db.transferRequest.findFirstOrThrow({ where: { userId: person.id } })

    expect(await decideTransfer(oldHr, { requestId: pending.id, decision: 'setujui' })).toMatchObject({ ok: true })
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      agencyId: newAgency.id,
      unitId: newAgency.units[0]!.id,
      identityStatus: 'verified',
      identityMethod: 'transfer',
      identityVerifiedById: oldHr.id,
      nip: person.nip,
    })
    expect(await db.transferRequest.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: 'approved', decidedById: oldHr.id, decidedAt: expect.any(Date) })
    expect(await db.enrolment.count({ where: { userId: person.id } })).toBe(1)
    expect(await db.lessonProgress.count({ where: { userId: person.id } })).toBe(1)
    const audits = await db.auditLog.findMany({ where: { action: 'transfer.approved', targetId: person.id } })
    expect(audits.map((a) => a.agencyId).sort()).toEqual([oldAgency.id, newAgency.id].sort())
    expect(audits.every((a) => a.actorId === oldHr.id)).toBe(true)
    // Deciding twice is refused.
    expect(await refusal(decideTransfer(oldHr, { requestId: pending.id, decision: 'tolak', reason: 'Terlambat' }))).toMatchObject({ status: 409 })
  })

  it('refusal (with a reason) keeps the person; an admin can approve', async () => {
    const refused = await employee()
    await request(refused)
    const first = await db.transferRequest.findFirstOrThrow({ where: { userId: refused.id } })
    expect(await decideTransfer(oldHr, { requestId: first.id, decision: 'tolak' })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } })
    expect(await decideTransfer(oldHr, { requestId: first.id, decision: 'tolak', reason: 'Belum ada SK' })).toMatchObject({ ok: true })
    expect(await db.user.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ agencyId: oldAgency.id })
    expect((await db.auditLog.findMany({ where: { action: 'transfer.refused', targetId: refused.id } })).map((a) => a.agencyId).sort()).toEqual([oldAgency.id, newAgency.id].sort())

    const approved = await employee()
    await request(approved)
    const second = await db.transferRequest.findFirstOrThrow({ where: { userId: approved.id } })
    expect(await decideTransfer({ id: adminId, admin: true, hrAgencyId: null }, { requestId: second.id, decision: 'setujui' })).toMatchObject({ ok: true })
    expect(await db.user.findUniqueOrThrow({ where: { id: approved.id } })).toMatchObject({ agencyId: newAgency.id })
  })

  it('no other path moves a person of another agency: cohort assignment by NIP list ignores them', async () => {
    const person = await employee()
    const cohort = await db.cohort.create({ data: { agencyId: newAgency.id, kind: 'onboarding', year: 2026, name: `Baru ${person.id}` } })
    const result = await assignNow(newHr, cohort.id, { target: 'nip', nips: [person.nip!] })
    expect(result.unknownNips).toEqual([person.nip])
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ agencyId: oldAgency.id })
    expect(await db.enrolment.count({ where: { userId: person.id } })).toBe(0)
  })
})
