import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { activationCodeMatches } from '@/lib/accounts/activation-code'
import { sendCohortInvitations, sendImportInvitations } from '@/lib/accounts/invitations.server'
import { db } from '@/lib/db/db.server'
import { importRosterUpload } from '@/lib/hr/roster-import.server'
import { listRosterImports } from '@/lib/hr/roster-import-history.server'
import { refusal, seedAgencies, uniqueNip } from './helpers'

// "Kirim undangan" after a roster import (decision 052): the accounts that import created, not
// activated, whatever cohort they are or are not in; one invitation per person per Jakarta day
// whether HR invites the import or a cohort.
let agency: Awaited<ReturnType<typeof seedAgencies>>['agency']
let officer: { id: string; agencyId: string }
let foreignOfficer: { id: string; agencyId: string }

beforeAll(async () => {
  const seeded = await seedAgencies()
  agency = seeded.agency
  const hr = (agencyId: string, email: string) =>
    db.user.create({ data: { id: randomUUID(), name: 'HR', email, agencyId, grants: { create: { capability: 'hr', agencyId, scopeKey: agencyId } } } })
  officer = { id: (await hr(agency.id, 'hr-impor-undangan@contoh.go.id')).id, agencyId: agency.id }
  foreignOfficer = { id: (await hr(seeded.otherAgency.id, 'hr-lain-impor-undangan@contoh.go.id')).id, agencyId: seeded.otherAgency.id }
})

function roster(rows: Array<[nip: string, name: string, email: string]>) {
  const text = ['NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja', ...rows.map(([nip, name, email]) => `${nip};${name};${email};PNS;${agency.units[0]!.name}`)].join('\r\n')
  return {
    body: (async function* () {
      yield Buffer.from(text, 'utf8')
    })(),
    fileName: 'daftar-undangan.csv',
  }
}

const codeIn = (text: string) => /Kode aktivasi: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(text)?.[1]

describe('Kirim undangan for an import', () => {
  it('invites the accounts the import created and nobody else, once a day, with a code that works; a cohort click the same day queues nothing more', async () => {
    // Someone of the agency who was imported earlier and never activated: not this import's.
    const earlier = await db.user.create({ data: { id: randomUUID(), name: 'Impor Lama', email: `lama-${randomUUID().slice(0, 6)}@contoh.go.id`, nip: uniqueNip(), agencyId: agency.id } })
    const nips = [uniqueNip(), uniqueNip(), uniqueNip(), uniqueNip()]
    const counts = await importRosterUpload(
      officer,
      roster([
        [nips[0]!, 'Ani Undangan', `ani-${nips[0]}@contoh.go.id`],
        [nips[1]!, 'Budi Undangan', `budi-${nips[1]}@contoh.go.id`],
        [nips[2]!, 'Citra Undangan', `citra-${nips[2]}@contoh.go.id`],
        [nips[3]!, 'Dodi Undangan', `dodi-${nips[3]}@contoh.go.id`],
      ]),
    )
    expect(counts.create).toBe(4)
    const record = await db.rosterImport.findUniqueOrThrow({ where: { id: counts.importId }, include: { people: true } })
    expect(record).toMatchObject({ agencyId: agency.id, importedById: officer.id, fileName: 'daftar-undangan.csv', created: 4 })
    const [ani, budi, citra, dodi] = await Promise.all(nips.map((nip) => db.user.findUniqueOrThrow({ where: { nip } })))
    expect(record.people.map((p) => p.userId).toSorted()).toEqual([ani!.id, budi!.id, citra!.id, dodi!.id].toSorted())
    // Budi is in a cohort, the others in none; Citra activated already; Dodi's address is unusable.
    const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'refresher', year: 2101, name: 'Undangan impor', dueDate: new Date('2027-04-01T16:59:59Z') } })
    await db.enrolment.create({ data: { userId: budi!.id, cohortId: cohort.id, cycleKey: 'refresher-2101' } })
    await db.enrolment.create({ data: { userId: earlier.id, cohortId: cohort.id, cycleKey: 'refresher-2101' } })
    await db.user.update({ where: { id: citra!.id }, data: { claimedAt: new Date(), accounts: { create: { id: randomUUID(), accountId: citra!.id, providerId: 'credential', password: 'hash' } } } })
    await db.user.update({ where: { id: dodi!.id }, data: { email: 'bukan alamat' } })

    expect(await sendImportInvitations(officer, counts.importId)).toEqual({ sent: 2, already: 0, unreachable: 1 })
    const rows = await db.outboxMessage.findMany({ where: { kind: 'invitation', userId: { in: [ani!.id, budi!.id, citra!.id, dodi!.id, earlier.id] } } })
    expect(rows.map((r) => r.userId).toSorted()).toEqual([ani!.id, budi!.id].toSorted())
    const aniRow = rows.find((r) => r.userId === ani!.id)!
    expect(aniRow).toMatchObject({ sensitive: true, toAddress: ani!.email, subject: 'Undangan kursus Bijak Bermedia Sosial: aktifkan akun Anda' })
    // No cohort is named in an import's invitation (Ani is in none).
    expect(aniRow.text).not.toContain('kelompok')
    const code = codeIn(aniRow.text)
    expect(code).toBeTruthy()
    const stored = await db.verification.findFirstOrThrow({ where: { identifier: `activation:${ani!.id}` } })
    expect(activationCodeMatches(code!, stored.value)).toBe(true)

    // A second click the same day queues nothing and keeps the emailed codes working.
    expect(await sendImportInvitations(officer, counts.importId)).toEqual({ sent: 0, already: 2, unreachable: 1 })
    expect((await db.verification.findFirstOrThrow({ where: { identifier: `activation:${ani!.id}` } })).value).toBe(stored.value)
    // The cohort's button the same day: Budi was invited today (by the import) and keeps his code;
    // the earlier import's person in that cohort is invited.
    const budiCode = (await db.verification.findFirstOrThrow({ where: { identifier: `activation:${budi!.id}` } })).value
    expect(await sendCohortInvitations(officer, cohort.id)).toEqual({ sent: 1, already: 1, unreachable: 0 })
    expect((await db.verification.findFirstOrThrow({ where: { identifier: `activation:${budi!.id}` } })).value).toBe(budiCode)
    expect(await db.outboxMessage.count({ where: { kind: 'invitation', userId: budi!.id } })).toBe(1)

    // The next Jakarta day a click invites again, with a new code.
    const tomorrow = new Date(Date.now() + 86_400_000)
    expect(await sendImportInvitations(officer, counts.importId, tomorrow)).toEqual({ sent: 2, already: 0, unreachable: 1 })
    expect((await db.verification.findFirstOrThrow({ where: { identifier: `activation:${ani!.id}` } })).value).not.toBe(stored.value)

    const audits = await db.auditLog.findMany({ where: { action: 'roster_import.invitations_sent', targetId: counts.importId }, orderBy: { at: 'asc' } })
    expect(audits).toHaveLength(3)
    expect(audits[0]).toMatchObject({ actorId: officer.id, agencyId: agency.id, targetType: 'roster_import' })
    const details = audits[0]!.details
    expect(typeof details === 'string' ? JSON.parse(details) : details).toEqual({ sent: 2, already: 0, unreachable: 1 })
  })

  it("refuses another agency's import and an unknown one as not found, and queues nothing", async () => {
    const nip = uniqueNip()
    const counts = await importRosterUpload(officer, roster([[nip, 'Eka Undangan', `eka-${nip}@contoh.go.id`]]))
    const eka = await db.user.findUniqueOrThrow({ where: { nip } })
    const refused = await refusal(sendImportInvitations(foreignOfficer, counts.importId))
    expect(refused.status).toBe(404)
    expect(refused.message).toBe('Impor tidak ditemukan.')
    expect((await refusal(sendImportInvitations(officer, randomUUID()))).status).toBe(404)
    expect((await refusal(sendImportInvitations(officer, 'bukan-id'))).status).toBe(404)
    expect(await db.outboxMessage.count({ where: { kind: 'invitation', userId: eka.id } })).toBe(0)
    expect(await db.verification.count({ where: { identifier: `activation:${eka.id}` } })).toBe(0)
  })

  it('leaves out a person the import created who has since moved to another agency', async () => {
    const nip = uniqueNip()
    const counts = await importRosterUpload(officer, roster([[nip, 'Fajar Undangan', `fajar-${nip}@contoh.go.id`]]))
    await db.user.update({ where: { nip }, data: { agencyId: foreignOfficer.agencyId, unitId: null } })
    expect(await sendImportInvitations(officer, counts.importId)).toEqual({ sent: 0, already: 0, unreachable: 0 })
    expect((await refusal(sendImportInvitations(foreignOfficer, counts.importId))).status).toBe(404)
  })
})

describe('the import history on /hr/impor', () => {
  it("lists the agency's imports newest first with how many of their accounts still wait to be activated; never another agency's", async () => {
    const nips = [uniqueNip(), uniqueNip(), uniqueNip()]
    const counts = await importRosterUpload(
      officer,
      roster(nips.map((nip, i) => [nip, `Riwayat ${i}`, `riwayat-${i}-${nip}@contoh.go.id`] as [string, string, string])),
    )
    const listed = await listRosterImports(agency.id)
    expect(listed[0]).toMatchObject({ id: counts.importId, fileName: 'daftar-undangan.csv', importedBy: 'HR', created: 3, waiting: 3 })
    // Newest first.
    const times = listed.map((row) => row.importedAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))

    // One activates, one is disabled: two fewer waiting, the same created.
    const [first, second] = await Promise.all(nips.slice(0, 2).map((nip) => db.user.findUniqueOrThrow({ where: { nip } })))
    await db.user.update({ where: { id: first!.id }, data: { claimedAt: new Date(), accounts: { create: { id: randomUUID(), accountId: first!.id, providerId: 'credential', password: 'hash' } } } })
    await db.user.update({ where: { id: second!.id }, data: { disabledAt: new Date() } })
    expect((await listRosterImports(agency.id)).find((row) => row.id === counts.importId)).toMatchObject({ created: 3, waiting: 1 })

    // The other agency sees none of these.
    const theirs = await listRosterImports(foreignOfficer.agencyId)
    expect(theirs.map((row) => row.id)).not.toContain(counts.importId)
    expect(await listRosterImports(agency.id, 1)).toHaveLength(1)
  })
})
