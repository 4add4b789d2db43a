import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { db } from '@/lib/db/db.server'
import { parseDatabaseUrl } from '@/lib/db/database-url'
import { importRosterUpload, previewRosterUpload, SAME_AGENCY_ABANDONED_MS, STAGING_ABANDONED_MS, STAGING_BATCH_ROWS, type ImportTimings } from '@/lib/hr/roster-import.server'
import { countEnrolmentRows, countEnrolmentRowsByGroup, enrolmentRows, enrolmentRowsPage } from '@/lib/hr/enrolment-rows.server'
import { getPersonHistory, listPeople } from '@/lib/hr/dashboard.server'
import { startAssignment } from '@/lib/hr/assignment-jobs.server'
import { listUnreachable } from '@/lib/mail/unreachable.server'
import { issueActivationCodes } from '@/lib/accounts/activation.server'
import { sendImportInvitations } from '@/lib/accounts/invitations.server'
import { findUsers } from '@/lib/admin/users.server'
import { listClaimants } from '@/lib/identity/identity-review.server'
import { ROWS_PER_TURN } from '@/lib/roster'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, refusal } from './helpers'

// Decisions 026 and 053: a roster import writes its new accounts straight into "user" in short
// batches, flagged with the import (invisible), then publishes them all at once in one short
// transaction (roster_import.publishedAt). Nobody sees a half-written import through any read,
// a failure leaves nothing behind that blocks a retry, and on SQLite the rest of the process is
// not held up while it writes.

const target = parseDatabaseUrl(process.env.DATABASE_URL)
const ROWS = STAGING_BATCH_ROWS * 2 + STAGING_BATCH_ROWS / 2
let agency: Awaited<ReturnType<typeof seedAgencies>>['agency']
let otherAgency: Awaited<ReturnType<typeof seedAgencies>>['otherAgency']
let officer: { id: string; agencyId: string }
let cohortId: string
let other: { count(sql: string, params?: unknown[]): Promise<number>; close(): Promise<void> }

/**
 * A second connection to the same database, as another app instance, a script or a report has:
 * it sees only what is committed.
 */
async function otherConnection(): Promise<typeof other> {
  if (target.provider === 'sqlite') {
    const connection = new Database(target.file, { readonly: true })
    return {
      count: async (sql, params = []) => (connection.prepare(sql).get(...params) as { n: number }).n,
      close: async () => void connection.close(),
    }
  }
  const client = new pg.Client({ connectionString: target.url })
  await client.connect()
  return {
    count: async (sql, params = []) => Number((await client.query(sql.replace(/\?/g, (_, i: number) => `$${sql.slice(0, i).split('?').length}`), params)).rows[0].n),
    close: () => client.end(),
  }
}

beforeAll(async () => {
  ;({ agency, otherAgency } = await seedAgencies())
  const hr = await seedUser(db, { name: 'HR Staging', email: 'hr-staging@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agency.id })
  officer = { id: hr.id, agencyId: agency.id }
  cohortId = (await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi Impor' } })).id
  other = await otherConnection()
})
afterAll(async () => {
  await other?.close()
})

let rosterSequence = 0
/** A roster of `rows` new people with NIPs no other roster of this file uses (birth month per roster). */
function rosterOf(rows: number, unit = agency.units[0]!.name) {
  const month = String(++rosterSequence).padStart(2, '0')
  const nips = Array.from({ length: rows }, (_, i) => `1990${month}${String(1 + Math.floor(i / 1000)).padStart(2, '0')}2015011${String(i % 1000).padStart(3, '0')}`)
  const lines = ['NIP;Nama Lengkap;Email;Jenis Kepegawaian;Unit Kerja', ...nips.map((nip, i) => `${nip};Pegawai ${month}-${i};p${month}-${i}@contoh.go.id;PNS;${unit}`)]
  const text = lines.join('\r\n')
  const file = (unitName = unit) => ({
    body: (async function* () {
      yield Buffer.from(unitName === unit ? text : text.replaceAll(`;PNS;${unit}`, `;PNS;${unitName}`), 'utf8')
    })(),
    fileName: `daftar-${month}.csv`,
  })
  const prefix = `1990${month}`
  // The visibility rule as another connection (an instance, a script) applies it to committed rows.
  const visible = () =>
    other.count(
      `SELECT COUNT(*) AS n FROM "user" u WHERE u."nip" LIKE ? AND (u."pendingImportId" IS NULL
         OR EXISTS (SELECT 1 FROM "roster_import" ri WHERE ri."id" = u."pendingImportId" AND ri."publishedAt" IS NOT NULL))`,
      [`${prefix}%`],
    )
  // Rows physically in "user", visible or not.
  const written = () => other.count(`SELECT COUNT(*) AS n FROM "user" WHERE "nip" LIKE ?`, [`${prefix}%`])
  return { nips, prefix, file, visible, written }
}

/** Rows an import wrote that are still flagged, staged moves, and imports not published. */
const flaggedRows = () => other.count('SELECT COUNT(*) AS n FROM "user" WHERE "pendingImportId" IS NOT NULL')
const stagedRows = () => other.count('SELECT COUNT(*) AS n FROM "roster_import_staging"')
const unpublishedImports = () => other.count('SELECT COUNT(*) AS n FROM "roster_import" WHERE "publishedAt" IS NULL')

/**
 * How many of the roster's people every read of the app that lists, counts, finds or picks
 * people finds (decision 053: each applies the visibility rule): while an import writes, the same
 * as before it began; right after it publishes (before its flags are cleared), all of them.
 */
async function seenByEveryRead(roster: { nips: string[]; prefix: string }, importId?: string) {
  const ours = (nip: string | null | undefined) => !!nip?.startsWith(roster.prefix)
  const searched = { agencyId: agency.id, view: 'people' as const, search: roster.prefix }
  let streamed = 0
  for await (const row of enrolmentRows({ agencyId: agency.id, view: 'people' }, 500)) if (ours(row.person.nip)) streamed++
  const groups = await countEnrolmentRowsByGroup({ agencyId: agency.id, view: 'people', status: 'belum-ditugaskan' })
  const first = await db.user.findFirst({ where: { nip: roster.nips[0] }, select: { id: true } })
  const admin = await findUsers(roster.nips[0])
  return {
    // The read model: a page, its count, the stream the CSV/XLSX/SIASN exports read, the people
    // list's total, the dashboard's "belum ditugaskan" (a GROUP BY over the same definition) and
    // the person page.
    page: (await enrolmentRowsPage(searched, { limit: 1000 })).filter((row) => ours(row.person.nip)).length,
    count: await countEnrolmentRows(searched),
    streamed,
    list: (await listPeople(agency.id, { q: roster.prefix })).total,
    unassigned: groups.reduce((n, g) => n + g.count, 0),
    person: first && (await getPersonHistory(agency.id, first.id)) ? 1 : 0,
    // An assignment job's selection of people (by NIP: the roster's).
    assignment: (await startAssignment(officer, cohortId, { target: 'nip', nips: roster.nips })).total,
    // The activation codes HR hands out, the admin's user search and the identity review queue.
    codes: (await issueActivationCodes(officer)).issued.filter((person) => ours(person.nip)).length,
    admin: admin.ok ? admin.value.length : -1,
    claimants: (await listClaimants(officer)).filter((person) => ours(person.nip)).length,
    unreachable: (await listUnreachable(agency.id, null, 100_000)).people.filter((person) => ours(person.nip)).length,
    // The import's own "Kirim undangan": 404 until it is published.
    invitations: importId ? await sendImportInvitations(officer, importId).then(() => 'sent', (error: { status?: number }) => error.status) : null,
  }
}

const importAudits = () => db.auditLog.count({ where: { action: 'roster.imported', agencyId: agency.id } })

describe('roster import through a per-import visibility flag (decision 053)', () => {
  it('writes in batches that no read of the app sees, while other queries of this process go on; then every row becomes visible at once', async () => {
    const roster = rosterOf(ROWS)
    const seen: Array<{ batch: number; otherConnection: number; written: number; thisProcess: number }> = []
    const audits = await importAudits()
    const before = await seenByEveryRead(roster)
    let during: Awaited<ReturnType<typeof seenByEveryRead>> | undefined
    let previewDuring: number | undefined
    let atPublishing: { reads: Awaited<ReturnType<typeof seenByEveryRead>>; visible: number; flagged: number } | undefined
    let importId = ''
    const counts = await importRosterUpload(officer, roster.file(), new Map(), {
      afterBatchStaged: async (batch) => {
        seen.push({
          batch,
          otherConnection: await roster.visible(),
          written: await roster.written(),
          // The app's own client: on SQLite this waited for the whole import when it was one transaction.
          thisProcess: await db.user.count({ where: { nip: { startsWith: roster.prefix }, pendingImportId: null } }),
        })
        if (batch === 1) {
          importId = (await db.rosterImport.findFirstOrThrow({ where: { agencyId: agency.id, publishedAt: null }, select: { id: true } })).id
          during = await seenByEveryRead(roster, importId)
          // A preview of the same file meanwhile: everyone in it is still new.
          previewDuring = (await previewRosterUpload(officer, roster.file())).counts.create
        }
      },
      afterPublished: async () => {
        atPublishing = { reads: await seenByEveryRead(roster, importId), visible: await roster.visible(), flagged: await flaggedRows() }
      },
    })
    expect(counts).toMatchObject({ importId, create: ROWS })
    expect(seen).toEqual([
      { batch: 0, otherConnection: 0, written: STAGING_BATCH_ROWS, thisProcess: 0 },
      { batch: 1, otherConnection: 0, written: 2 * STAGING_BATCH_ROWS, thisProcess: 0 },
      { batch: 2, otherConnection: 0, written: ROWS, thisProcess: 0 },
    ])
    expect(during).toEqual({ ...before, invitations: 404 })
    expect(previewDuring).toBe(ROWS)
    // Published: all at once, before a single flag was cleared.
    expect(atPublishing!.flagged).toBe(ROWS)
    expect(atPublishing!.visible).toBe(ROWS)
    expect(atPublishing!.reads).toEqual({
      ...before,
      page: before.page + ROWS,
      count: before.count + ROWS,
      streamed: before.streamed + ROWS,
      list: before.list + ROWS,
      unassigned: before.unassigned + ROWS,
      person: 1,
      assignment: ROWS,
      codes: ROWS,
      admin: 1,
      invitations: 'sent',
    })
    // Afterwards the flags are cleared; nothing is left unpublished or staged.
    expect(await flaggedRows()).toBe(0)
    expect(await unpublishedImports()).toBe(0)
    expect(await roster.visible()).toBe(ROWS)
    expect(await stagedRows()).toBe(0)
    expect(await importAudits()).toBe(audits + 1)
    const person = await db.user.findUniqueOrThrow({ where: { nip: roster.nips[ROWS - 1] } })
    expect(person).toMatchObject({
      name: `Pegawai ${String(rosterSequence).padStart(2, '0')}-${ROWS - 1}`,
      agencyId: agency.id,
      unitId: agency.units[0]!.id,
      employmentType: 'PNS',
      identityStatus: 'verified',
      identityMethod: 'import',
      identityVerifiedById: officer.id,
      emailVerified: false,
      claimedAt: null,
      pendingImportId: null,
    })
    expect(await db.rosterImportPerson.count({ where: { importId } })).toBe(ROWS)
    // A learner, nothing more (decision 037).
    expect(await db.capabilityGrant.count({ where: { userId: person.id } })).toBe(0)
    expect(person.createdAt).toBeInstanceOf(Date)
    expect(person.updatedAt.getTime()).toBe(person.createdAt.getTime())
  })

  it('gives the event loop back in every phase but the publishing statement: reading, staging and cleaning up (issue 13)', async () => {
    const rows = 12 * ROWS_PER_TURN
    const roster = rosterOf(rows)
    // Other requests of this process, as turns of the event loop: when did one get to run?
    const turns: number[] = []
    let running = true
    const tick = () => {
      turns.push(performance.now())
      if (running) setImmediate(tick)
    }
    setImmediate(tick)
    let timings: ImportTimings | undefined
    const start = performance.now()
    await importRosterUpload(officer, roster.file(), new Map(), { onTimings: (t) => (timings = t) })
    running = false
    const phases = { read: 0, stage: 0, publish: 0, cleanup: 0 }
    let from = start
    for (const phase of ['read', 'stage', 'publish', 'cleanup'] as const) {
      const to = from + timings![phase]
      phases[phase] = turns.filter((t) => t >= from && t < to).length
      from = to
    }
    // Reading and validating alone yield every ROWS_PER_TURN rows (the lookups and the
    // classification more); staging after each batch; the cleanup after each 500 rows.
    expect(phases.read).toBeGreaterThanOrEqual(rows / ROWS_PER_TURN - 1)
    expect(phases.stage).toBeGreaterThanOrEqual(rows / STAGING_BATCH_ROWS - 1)
    expect(phases.cleanup).toBeGreaterThanOrEqual(Math.floor(rows / 1000) - 1)
    expect(await roster.visible()).toBe(rows)
  })

  it('publishes unit moves in the same short step; the same file again has nothing to import', async () => {
    const roster = rosterOf(STAGING_BATCH_ROWS + 10)
    await importRosterUpload(officer, roster.file())
    const moved = await importRosterUpload(officer, roster.file(agency.units[1]!.name))
    expect(moved).toMatchObject({ create: 0, updateUnit: STAGING_BATCH_ROWS + 10 })
    expect(await db.user.count({ where: { nip: { startsWith: roster.prefix }, unitId: agency.units[1]!.id } })).toBe(STAGING_BATCH_ROWS + 10)
    expect((await refusal(importRosterUpload(officer, roster.file(agency.units[1]!.name)))).status).toBe(422)
    expect(await stagedRows()).toBe(0)
  })

  it('a failure in the middle of writing leaves no person visible and nothing behind; a retry succeeds', async () => {
    const roster = rosterOf(ROWS)
    const audits = await importAudits()
    await expect(
      importRosterUpload(officer, roster.file(), new Map(), {
        afterBatchStaged: (batch) => {
          if (batch === 1) throw new Error('disk full (injected)')
        },
      }),
    ).rejects.toThrow('disk full (injected)')
    expect(await roster.visible()).toBe(0)
    // The failed import deleted what it wrote, and its record.
    expect(await roster.written()).toBe(0)
    expect(await unpublishedImports()).toBe(0)
    expect(await importAudits()).toBe(audits)

    expect(await importRosterUpload(officer, roster.file())).toMatchObject({ create: ROWS })
    expect(await roster.visible()).toBe(ROWS)
  })

  it('someone registering a NIP of the file while it writes: 409, nothing published, nothing left behind', async () => {
    const roster = rosterOf(ROWS)
    const audits = await importAudits()
    const refused = await refusal(
      importRosterUpload(officer, roster.file(), new Map(), {
        afterBatchStaged: async (batch) => {
          if (batch === 0) {
            await seedUser(db, { name: 'Pendaftar Sendiri', email: 'sendiri-staging@contoh.go.id', password: 'Kata-sandi-benar-9', nip: roster.nips[ROWS - 1], employmentType: 'PNS', agencyId: agency.id, identityStatus: 'claimed' })
          }
        },
      }),
    )
    expect(refused.status).toBe(409)
    expect(refused.userMessage).toMatch(/Data berubah sejak pratinjau.*Tidak ada yang diimpor/)
    // The one who registered, nobody else; the import's rows and record are gone.
    expect(await roster.visible()).toBe(1)
    expect(await roster.written()).toBe(1)
    expect(await unpublishedImports()).toBe(0)
    expect(await importAudits()).toBe(audits)
  })

  it('two imports of one agency at once (two upload slots): one publishes, the other is refused; nothing is duplicated or left staged', async () => {
    const roster = rosterOf(ROWS)
    const results = await Promise.allSettled([
      withUploadSlot(agency.id, () => importRosterUpload(officer, roster.file())),
      withUploadSlot(agency.id, () => importRosterUpload(officer, roster.file())),
    ])
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(fulfilled).toHaveLength(1)
    expect(rejected).toHaveLength(1)
    // Refused either way, depending on when the second one reads the people: during the first's
    // staging (its publish then meets the first's rows: 409 "changed since the preview") or after
    // the first published (every row is then someone who exists: 422, nothing to import).
    const refusedWith = rejected[0]!.reason as { status: number; userMessage: string }
    if (refusedWith.status === 422) expect(refusedWith.userMessage).toMatch(/Tidak ada baris yang dapat diimpor/)
    else expect(refusedWith).toMatchObject({ status: 409 })
    expect(await roster.visible()).toBe(ROWS)
    expect(await roster.written()).toBe(ROWS)
    expect(await flaggedRows()).toBe(0)
    expect(await unpublishedImports()).toBe(0)
  })

  it('a process killed mid-import leaves nothing visible; its agency can retry once it has been idle a minute (the dead rows are deleted first)', async () => {
    const roster = rosterOf(ROWS)
    const fileText = await (async () => {
      const chunks: Buffer[] = []
      for await (const chunk of roster.file().body) chunks.push(chunk)
      return Buffer.concat(chunks).toString('utf8')
    })()
    // Another process (a second app instance) runs the same import and is killed after staging two batches.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', path.resolve('tests/integration/fixtures/import-and-hang.ts'), officer.id, officer.agencyId],
      { env: { ...process.env }, stdio: ['pipe', 'pipe', 'inherit'] },
    )
    onTestFinished(() => void child.kill('SIGKILL'))
    child.stdin.end(fileText)
    await new Promise<void>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('staged 2')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before staging: ${out}`)))
    })
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))

    // Its rows are in "user", flagged with an import that never published: nobody sees them.
    expect(await roster.visible()).toBe(0)
    expect(await roster.written()).toBe(2 * STAGING_BATCH_ROWS)
    expect(await unpublishedImports()).toBe(1)
    // They hold the file's NIPs and e-mails. Another agency's import leaves a recent dead import
    // alone (it might be a live import on another instance) …
    const elsewhere = await seedUser(db, { name: 'HR Lain', email: 'hr-lain-staging@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: otherAgency.id })
    const otherOfficer = { id: elsewhere.id, agencyId: otherAgency.id }
    const soon = new Date(Date.now() + SAME_AGENCY_ABANDONED_MS + 5_000)
    await importRosterUpload(otherOfficer, rosterOf(1, otherAgency.units[0]!.name).file(), new Map(), { now: () => soon })
    expect(await roster.written()).toBe(2 * STAGING_BATCH_ROWS)
    // … and so does a retry of the same agency within a minute: 409, the dead rows still clash.
    expect((await refusal(importRosterUpload(officer, roster.file()))).status).toBe(409)
    expect(await roster.written()).toBe(2 * STAGING_BATCH_ROWS)
    // A retry of the same agency once the dead import has been idle for SAME_AGENCY_ABANDONED_MS
    // deletes it first and succeeds.
    expect(await importRosterUpload(officer, roster.file(), new Map(), { now: () => soon })).toMatchObject({ create: ROWS })
    expect(await roster.visible()).toBe(ROWS)
    expect(await roster.written()).toBe(ROWS)
    expect(await unpublishedImports()).toBe(0)
    expect(await flaggedRows()).toBe(0)
  }, 180_000)

  it("another agency's dead import is deleted once idle for STAGING_ABANDONED_MS", async () => {
    const roster = rosterOf(ROWS)
    // A dead process's import, as the database has it: its record, unpublished, and two accounts.
    const dead = await db.rosterImport.create({
      data: { id: 'dead-import-053', agencyId: agency.id, importedById: officer.id, fileName: 'mati.csv', importedAt: new Date(), created: 2, stagedAt: new Date() },
    })
    await db.user.createMany({
      data: roster.nips.slice(0, 2).map((nip, i) => ({ id: `dead-053-${i}`, name: `Mati ${i}`, email: `mati-053-${i}@contoh.go.id`, nip, agencyId: agency.id, pendingImportId: dead.id, updatedAt: new Date() })),
    })
    const elsewhere = await db.user.findFirstOrThrow({ where: { email: 'hr-lain-staging@contoh.go.id' } })
    const otherOfficer = { id: elsewhere.id, agencyId: otherAgency.id }
    await importRosterUpload(otherOfficer, rosterOf(1, otherAgency.units[0]!.name).file())
    expect(await roster.written()).toBe(2)
    expect(await roster.visible()).toBe(0)
    const later = new Date(Date.now() + STAGING_ABANDONED_MS + 60_000)
    await importRosterUpload(otherOfficer, rosterOf(1, otherAgency.units[0]!.name).file(), new Map(), { now: () => later })
    expect(await roster.written()).toBe(0)
    expect(await db.rosterImport.count({ where: { id: dead.id } })).toBe(0)
    expect(await importRosterUpload(officer, roster.file())).toMatchObject({ create: ROWS })
  })
})
