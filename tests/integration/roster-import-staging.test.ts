import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { db } from '@/lib/db/db.server'
import { parseDatabaseUrl } from '@/lib/db/database-url'
import { importRosterUpload, STAGING_ABANDONED_MS, STAGING_BATCH_ROWS, type ImportTimings } from '@/lib/hr/roster-import.server'
import { ROWS_PER_TURN } from '@/lib/roster'
import { withUploadSlot } from '@/lib/hr/upload-slots.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, refusal } from './helpers'

// Decision 026: a roster import stages its rows in short batches, then publishes them in one
// short transaction. Nobody sees a half-written import, a failure leaves nothing behind that
// blocks a retry, and on SQLite the rest of the process is not held up while it stages.

const target = parseDatabaseUrl(process.env.DATABASE_URL)
const ROWS = STAGING_BATCH_ROWS * 2 + STAGING_BATCH_ROWS / 2
let agency: Awaited<ReturnType<typeof seedAgencies>>['agency']
let officer: { id: string; agencyId: string }
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
  ;({ agency } = await seedAgencies())
  const hr = await seedUser(db, { name: 'HR Staging', email: 'hr-staging@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agency.id })
  officer = { id: hr.id, agencyId: agency.id }
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
  const visible = () => other.count(`SELECT COUNT(*) AS n FROM "user" WHERE "nip" LIKE ?`, [`${prefix}%`])
  return { nips, prefix, file, visible }
}

const stagedRows = () => other.count('SELECT COUNT(*) AS n FROM "roster_import_staging"')
const importAudits = () => db.auditLog.count({ where: { action: 'roster.imported', agencyId: agency.id } })

describe('roster import through a staging table', () => {
  it('stages in batches nobody sees, while other queries of this process go on; then publishes every row at once', async () => {
    const roster = rosterOf(ROWS)
    const seen: Array<{ batch: number; otherConnection: number; thisProcess: number; staged: number }> = []
    const audits = await importAudits()
    const counts = await importRosterUpload(officer, roster.file(), new Map(), {
      afterBatchStaged: async (batch) => {
        seen.push({
          batch,
          otherConnection: await roster.visible(),
          // The app's own client: on SQLite this waited for the whole import when it was one transaction.
          thisProcess: await db.user.count({ where: { nip: { startsWith: roster.prefix } } }),
          staged: await stagedRows(),
        })
      },
    })
    expect(counts).toMatchObject({ create: ROWS })
    expect(seen).toEqual([
      { batch: 0, otherConnection: 0, thisProcess: 0, staged: STAGING_BATCH_ROWS },
      { batch: 1, otherConnection: 0, thisProcess: 0, staged: 2 * STAGING_BATCH_ROWS },
      { batch: 2, otherConnection: 0, thisProcess: 0, staged: ROWS },
    ])
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
    })
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
    // classification more); staging after each batch; the cleanup after each 1,000 rows.
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

  it('a failure in the middle of staging leaves no person visible and nothing staged; a retry succeeds', async () => {
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
    expect(await stagedRows()).toBe(0)
    expect(await importAudits()).toBe(audits)

    expect(await importRosterUpload(officer, roster.file())).toMatchObject({ create: ROWS })
    expect(await roster.visible()).toBe(ROWS)
  })

  it('someone registering a NIP of the file while it stages: 409, nothing published, nothing left staged', async () => {
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
    expect(await roster.visible()).toBe(1)
    expect(await stagedRows()).toBe(0)
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
    expect(await stagedRows()).toBe(0)
  })

  it('a process killed mid-import leaves nothing visible; a retry succeeds at once, and the abandoned rows are deleted once stale', async () => {
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

    expect(await roster.visible()).toBe(0)
    expect(await stagedRows()).toBe(2 * STAGING_BATCH_ROWS)
    // The abandoned rows hold the same NIPs and e-mails, and do not block the retry.
    expect(await importRosterUpload(officer, roster.file())).toMatchObject({ create: ROWS })
    expect(await roster.visible()).toBe(ROWS)
    expect(await stagedRows()).toBe(2 * STAGING_BATCH_ROWS)
    // Not yet stale: a later import keeps them (they might be a live import on another instance) …
    await importRosterUpload(officer, rosterOf(1).file())
    expect(await stagedRows()).toBe(2 * STAGING_BATCH_ROWS)
    // … and once they are stale, the next import deletes them.
    const later = new Date(Date.now() + STAGING_ABANDONED_MS + 60_000)
    await importRosterUpload(officer, rosterOf(1).file(), new Map(), { now: () => later })
    expect(await stagedRows()).toBe(0)
  }, 180_000)
})
