import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { databaseProvider, db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { DATA_DIR } from '../setup/test-databases'
import { emptyPostgresDatabase, seedAgencies, uniqueNip } from './helpers'

// `npm run db:backup` and `db:restore` as an operator runs them (the CLI, in a child process),
// while this process keeps writing to the database like a running app. The restored database
// must be one snapshot: every table not written meanwhile identical row for row, and of the rows
// written meanwhile a whole prefix of committed batches.
const root = path.resolve(import.meta.dirname, '../..')
const tsx = path.join(root, 'node_modules/.bin/tsx')
const run = promisify(execFile)
const sourceUrl = process.env.DATABASE_URL!
const work = path.join(DATA_DIR, `backup-${process.pid}`)
const BATCH = 50

async function cli(script: 'backup' | 'restore', args: string[], databaseUrl: string) {
  const { stdout } = await run(tsx, [`scripts/db/${script}.ts`, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>
}

/** A fresh, empty database of the provider under test for the restore; dropped afterwards. */
async function freshDatabase(): Promise<string> {
  if (databaseProvider === 'sqlite') return `file:${path.join(work, 'restored.db')}`
  const database = await emptyPostgresDatabase('restore')
  cleanups.push(database.drop)
  return database.url
}

type Row = Record<string, unknown>
const canonical = (row: Row) =>
  JSON.stringify(row, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value instanceof Date ? value.toISOString() : Buffer.isBuffer(value) ? value.toString('hex') : value))

/** Every table's rows, read with the provider's own driver (not through the app). */
async function readTables(databaseUrl: string): Promise<Map<string, Row[]>> {
  const tables = new Map<string, Row[]>()
  if (databaseProvider === 'sqlite') {
    const file = databaseUrl.slice('file:'.length)
    const connection = new Database(file, { readonly: true, fileMustExist: true })
    connection.defaultSafeIntegers(true)
    try {
      const names = connection.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>
      for (const { name } of names) tables.set(name, connection.prepare(`SELECT * FROM "${name}"`).all() as Row[])
    } finally {
      connection.close()
    }
    return tables
  }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows: names } = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
    for (const { name } of names) tables.set(name, (await client.query(`SELECT * FROM "${name}"`)).rows as Row[])
  } finally {
    await client.end()
  }
  return tables
}

/** Row count and a checksum of the rows (order-independent) per table. */
function summary(tables: Map<string, Row[]>) {
  return Object.fromEntries(
    [...tables].map(([name, rows]) => {
      const lines = rows.map(canonical).sort()
      return [name, { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') }]
    }),
  )
}

const cleanups: Array<() => Promise<unknown>> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  fs.rmSync(work, { recursive: true, force: true })
})

const loadRow = (seq: number) => ({ action: 'backup.load', targetType: 'test', targetId: String(seq).padStart(8, '0'), details: JSON.stringify({ seq, pad: 'x'.repeat(200) }) })

describe(`db:backup and db:restore (${databaseProvider})`, () => {
  it('backs up under write load into one snapshot, restores it into a fresh database, and a quiet backup restores every table exactly', { timeout: 300_000 }, async () => {
    fs.rmSync(work, { recursive: true, force: true })
    fs.mkdirSync(work, { recursive: true })
    // Data in most kinds of tables: agencies, units, the signer, people with accounts and grants
    // (and on SQLite the FTS5 search table kept by triggers), and enough audit rows (~8 MB) that
    // the backup takes a while.
    const { agency, unit } = await seedAgencies()
    for (let i = 0; i < 20; i++) {
      await seedUser(db, { name: `Pegawai Cadangan ${i}`, email: `cadangan${i}@example.go.id`, password: 'kata-sandi-panjang-1', nip: uniqueNip(), employmentType: 'PNS', agencyId: agency.id, unitId: unit.id, role: i === 0 ? 'hr' : 'learner' })
    }
    for (let start = 0; start < 20_000; start += 1_000) {
      await db.auditLog.createMany({ data: Array.from({ length: 1_000 }, (_, i) => ({ action: 'backup.fill', targetType: 'test', targetId: String(start + i), details: JSON.stringify({ pad: 'y'.repeat(300) }) })) })
    }

    // The app keeps writing: batches of 50 numbered rows, each batch one transaction.
    let committed = 0
    let writing = true
    const writer = (async () => {
      while (writing) {
        const first = committed + 1
        await db.auditLog.createMany({ data: Array.from({ length: BATCH }, (_, i) => loadRow(first + i)) })
        committed += BATCH
        // Like requests of an app, one at a time with the event loop turning between them (on
        // SQLite the driver is synchronous: without this, timers and the child process starve).
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()
    while (committed < 2 * BATCH) await new Promise((resolve) => setTimeout(resolve, 20))
    const before = committed
    const result = await cli('backup', [path.join(work, 'backups')], sourceUrl)
    const after = committed
    writing = false
    await writer
    console.log(`backup under load (${databaseProvider}): ${JSON.stringify(result)}; batches committed during it: ${(after - before) / BATCH}`)
    expect(after - before, 'the app wrote while the backup ran').toBeGreaterThan(0)
    const file = String(result.file)
    expect(path.basename(file)).toMatch(databaseProvider === 'sqlite' ? /^bbs-sqlite-\d{8}T\d{6}Z\.sqlite$/ : /^bbs-postgresql-\d{8}T\d{6}Z\.dump$/)
    expect(fs.readdirSync(path.join(work, 'backups')), 'no partial file left').toEqual([path.basename(file)])

    const freshUrl = await freshDatabase()
    const restoredIn = await cli('restore', [file], freshUrl)
    console.log(`restore (${databaseProvider}): ${JSON.stringify(restoredIn)}`)
    const source = await readTables(sourceUrl)
    const restored = await readTables(freshUrl)
    expect([...restored.keys()]).toEqual([...source.keys()])

    // The snapshot: the numbered rows are batches 1..k, whole, with k between what had committed
    // when the backup started and when it ended.
    const auditTable = 'audit_log'
    const loaded = restored.get(auditTable)!.filter((row) => row.action === 'backup.load').map((row) => Number(row.targetId)).sort((a, b) => a - b)
    const k = loaded.length
    expect(k % BATCH, 'no half-written batch').toBe(0)
    expect(loaded).toEqual(Array.from({ length: k }, (_, i) => i + 1))
    expect(k).toBeGreaterThanOrEqual(before)
    expect(k).toBeLessThanOrEqual(after)
    // Every row of the restore is the source's row, byte for byte: the source minus the numbered
    // rows written after the snapshot.
    source.set(auditTable, source.get(auditTable)!.filter((row) => row.action !== 'backup.load' || Number(row.targetId) <= k))
    const expected = summary(source)
    expect(summary(restored)).toEqual(expected)
    expect(expected['user']?.rows).toBeGreaterThanOrEqual(20)
    expect(expected[auditTable]?.rows).toBe(20_000 + k)

    // A database that holds data is not overwritten by mistake …
    const refused = await cli('restore', [file], freshUrl).then(
      () => null,
      (error: { stderr?: string; code?: number }) => error,
    )
    expect(refused?.code).toBe(1)
    expect(refused?.stderr).toMatch(/--replace/)

    // … and with --replace, a backup taken at rest restores every table exactly.
    const quiet = await cli('backup', [path.join(work, 'quiet')], sourceUrl)
    await cli('restore', [String(quiet.file), '--replace'], freshUrl)
    expect(summary(await readTables(freshUrl))).toEqual(summary(await readTables(sourceUrl)))
  })
})
