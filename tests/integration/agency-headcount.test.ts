import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { importRosterUpload } from '@/lib/hr/roster-import.server'
import { countEnrolmentRows, enrolmentRows, type RowFilter } from '@/lib/hr/enrolment-rows.server'
import { rejectClaimInTx } from '@/lib/identity/identity-review.server'
import { eraseAccount } from '@/lib/privacy/account-deletion.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

// Decision 055: the people list's total without a condition on enrolments or a search is a sum
// over agency_headcount, which triggers on "user" keep per agency, unit and identity status.
// After every kind of write to people (whoever writes: Prisma, raw SQL, a roster import, a
// foreign key's SET NULL, an account deletion) the kept counts must equal a count over "user",
// and the people list's total must equal its rows, on both providers.

type Agencies = Awaited<ReturnType<typeof seedAgencies>>
let agencies: Agencies
let officer: { id: string; agencyId: string }

beforeAll(async () => {
  agencies = await seedAgencies()
  const hr = await seedUser(db, { name: 'HR Hitung', email: 'hr-hitung@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agencies.agency.id })
  officer = { id: hr.id, agencyId: agencies.agency.id }
})

type Count = { agencyId: string; unitId: string; identityStatus: string; enrolled: boolean | number | bigint; n: number }
const key = (row: Count) => `${row.agencyId}|${row.unitId}|${row.identityStatus}|${row.enrolled}`
const normalise = (rows: { agencyId: string; unitId: string; identityStatus: string; enrolled: boolean | number | bigint; n: number | bigint }[]) =>
  rows
    .map((row) => ({ ...row, enrolled: Boolean(Number(row.enrolled)), n: Number(row.n) }))
    .filter((row) => row.n !== 0)
    .sort((a, b) => key(a).localeCompare(key(b)))

async function expectHeadcountHolds() {
  const kept = await db.$queryRaw<Count[]>`SELECT "agencyId", "unitId", "identityStatus", "enrolled", "n" FROM "agency_headcount"`
  const fromScratch = await db.$queryRaw<Count[]>`
    SELECT "agencyId", COALESCE("unitId", '') AS "unitId", CAST("identityStatus" AS TEXT) AS "identityStatus", "enrolledInAgency" AS "enrolled", COUNT(*) AS "n" FROM "user"
    WHERE "agencyId" IS NOT NULL AND ("nip" IS NOT NULL OR "identityStatus" = 'rejected')
    GROUP BY "agencyId", COALESCE("unitId", ''), CAST("identityStatus" AS TEXT), "enrolledInAgency"`
  expect(normalise(kept)).toEqual(normalise(fromScratch))
  // No kept count is ever negative (a decrement without its increment).
  expect(kept.filter((row) => Number(row.n) < 0)).toEqual([])

  // The people list's totals (kept) equal its rows (counted from the read model), per filter.
  for (const { agency, unit } of [
    { agency: agencies.agency, unit: agencies.unit },
    { agency: agencies.otherAgency, unit: agencies.otherUnit },
  ]) {
    const filters: RowFilter[] = [
      { agencyId: agency.id, view: 'people' },
      { agencyId: agency.id, view: 'people', unitId: unit.id },
      { agencyId: agency.id, view: 'people', unitIds: [unit.id] },
      { agencyId: agency.id, view: 'people', unitIds: [] },
      { agencyId: agency.id, view: 'people', identityStatus: 'rejected' },
      { agencyId: agency.id, view: 'people', identityStatus: ['claimed', 'verified'] },
      { agencyId: agency.id, view: 'people', unitId: unit.id, identityStatus: 'claimed' },
      { agencyId: agency.id, view: 'people', status: 'belum-ditugaskan' },
      { agencyId: agency.id, view: 'people', status: 'belum-ditugaskan', unitIds: [unit.id] },
    ]
    for (const filter of filters) {
      let rows = 0
      for await (const _row of enrolmentRows(filter, 50)) rows++
      expect({ filter, total: await countEnrolmentRows(filter) }).toEqual({ filter, total: rows })
    }
  }
}

async function person(label: string, data: { unitId?: string | null; agencyId?: string; nip?: string | null } = {}) {
  const nip = data.nip === undefined ? uniqueNip() : data.nip
  const user = await seedUser(db, {
    name: `Pegawai ${label}`,
    email: `hitung-${label}-${nip ?? 'tanpa-nip'}@contoh.go.id`,
    password: 'Kata-sandi-benar-9',
    ...(nip ? { nip } : {}),
    agencyId: data.agencyId ?? agencies.agency.id,
  })
  if (data.unitId !== undefined) await db.user.update({ where: { id: user.id }, data: { unitId: data.unitId } })
  return { id: user.id, nip }
}

describe('the kept headcount of an agency (decision 055)', () => {
  it('equals a count over the people after every kind of write, and the people list totals equal its rows', async () => {
    await expectHeadcountHolds()

    // New people: counted (a NIP), and not counted (no NIP: platform staff of an agency).
    const people: { id: string; nip: string | null }[] = []
    for (let i = 0; i < 6; i++) people.push(await person(`baru-${i}`, { unitId: i % 3 === 2 ? null : agencies.unit.id }))
    await person('staf', { nip: null })
    await expectHeadcountHolds()

    // A unit move, one person and many in one statement, through the ORM and through raw SQL.
    const newUnit = await db.unit.create({ data: { agencyId: agencies.agency.id, name: 'Unit Hitung Baru' } })
    await db.user.update({ where: { id: people[0]!.id }, data: { unitId: newUnit.id } })
    await db.user.updateMany({ where: { id: { in: people.slice(1, 4).map((p) => p.id) } }, data: { unitId: newUnit.id } })
    await db.$executeRaw`UPDATE "user" SET "unitId" = NULL WHERE "id" = ${people[4]!.id}`
    await expectHeadcountHolds()

    // An update of other columns changes nothing (and writes no count).
    await db.user.update({ where: { id: people[5]!.id }, data: { name: 'Pegawai Ganti Nama', quizStartSeq: { increment: 1 } } })
    await expectHeadcountHolds()

    // One statement that changes some of its rows and leaves the rest as they were (decision 067:
    // the trigger finds the changed rows without joining its transition tables): two change unit,
    // one has another NIP (still counted, no change of key), one loses the NIP (no longer counted),
    // one is written unchanged.
    const moved = await db.$executeRaw`UPDATE "user"
      SET "unitId" = CASE WHEN "id" IN (${people[1]!.id}, ${people[3]!.id}) THEN ${agencies.unit.id} ELSE "unitId" END,
          "nip" = CASE WHEN "id" = ${people[5]!.id} THEN ${uniqueNip()} WHEN "id" = ${people[4]!.id} THEN NULL ELSE "nip" END
      WHERE "id" IN (${Prisma.join(people.slice(1, 6).map((p) => p.id))})`
    expect(moved).toBe(5)
    await expectHeadcountHolds()

    // Identity: confirmed, then another claim rejected (the NIP is cleared: still counted, as rejected).
    await db.user.update({ where: { id: people[1]!.id }, data: { identityStatus: 'verified', identityMethod: 'hr', identityVerifiedAt: new Date() } })
    await db.user.update({ where: { id: people[2]!.id }, data: { identityStatus: 'claimed' } })
    await expectHeadcountHolds()
    await db.$transaction((tx) =>
      rejectClaimInTx(tx, { userId: people[2]!.id, nip: people[2]!.nip!, officer: { id: officer.id, agencyId: officer.agencyId } as never, reason: 'Bukan NIP-nya', now: new Date(), via: 'verifikasi' }),
    )
    await expectHeadcountHolds()

    // A transfer to another agency (and its unit).
    await db.user.update({ where: { id: people[3]!.id }, data: { agencyId: agencies.otherAgency.id, unitId: agencies.otherUnit.id } })
    await expectHeadcountHolds()

    // Into a cohort and out of it again: "enrolledInAgency" (kept by the enrolment triggers) moves the count.
    const cohort = await db.cohort.create({ data: { agencyId: agencies.agency.id, kind: 'onboarding', year: 2026, name: 'Hitung 2026' } })
    await db.enrolment.createMany({ data: people.slice(4, 6).map((p) => ({ userId: p.id, cohortId: cohort.id, cycleKey: 'onboarding' })) })
    await expectHeadcountHolds()
    await db.enrolment.deleteMany({ where: { cohortId: cohort.id, userId: people[4]!.id } })
    await expectHeadcountHolds()

    // A unit deleted: its people lose their unit through the foreign key's SET NULL.
    await db.unit.delete({ where: { id: newUnit.id } })
    await expectHeadcountHolds()

    // An account deleted at the person's request (the row is emptied, not removed), and a row removed.
    await eraseAccount(people[5]!.id, people[5]!.id)
    await db.user.delete({ where: { id: people[0]!.id } })
    await expectHeadcountHolds()
  })

  it("leaves out the accounts of an import still being written, and counts them from the moment it is published (decision 053)", async () => {
    const importId = randomUUID()
    await db.rosterImport.create({
      data: { id: importId, agencyId: agencies.agency.id, importedById: officer.id, fileName: 'tertunda.csv', importedAt: new Date(), stagedAt: new Date(), created: 2 },
    })
    for (const label of ['tertunda-1', 'tertunda-2']) {
      const nip = uniqueNip()
      await db.user.create({ data: { id: randomUUID(), name: `Pegawai ${label}`, email: `${label}-${nip}@contoh.go.id`, nip, agencyId: agencies.agency.id, unitId: agencies.unit.id, pendingImportId: importId } })
    }
    const total = { agencyId: agencies.agency.id, view: 'people' as const }
    const before = await countEnrolmentRows(total)
    await expectHeadcountHolds()
    await db.rosterImport.update({ where: { id: importId }, data: { publishedAt: new Date() } })
    expect(await countEnrolmentRows(total)).toBe(before + 2)
    await expectHeadcountHolds()
    await db.user.updateMany({ where: { pendingImportId: importId }, data: { pendingImportId: null } })
    expect(await countEnrolmentRows(total)).toBe(before + 2)
    await expectHeadcountHolds()
  })

  it('counts a roster import (one statement inserting many people) and its unit moves', async () => {
    const month = '11'
    const nips = Array.from({ length: 30 }, (_, i) => `1988${month}012015011${String(i).padStart(3, '0')}`)
    const roster = (unit: string) => ({
      body: (async function* () {
        yield Buffer.from(['NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja', ...nips.map((nip, i) => `${nip};Pegawai Impor ${i};impor-${i}@contoh.go.id;PNS;${unit}`)].join('\r\n'), 'utf8')
      })(),
      fileName: 'daftar-hitung.csv',
    })
    await importRosterUpload(officer, roster(agencies.unit.name))
    expect(await db.user.count({ where: { nip: { in: nips } } })).toBe(30)
    await expectHeadcountHolds()
    // The same roster again with another unit: every person moves.
    const otherUnitOfAgency = agencies.agency.units[1]!
    await importRosterUpload(officer, roster(otherUnitOfAgency.name))
    expect(await db.user.count({ where: { nip: { in: nips }, unitId: otherUnitOfAgency.id } })).toBe(30)
    await expectHeadcountHolds()
  })
})
