/**
 * Databases for integration tests. The provider under test is TEST_DB_PROVIDER (sqlite by
 * default; postgresql needs TEST_POSTGRES_URL). A migrated base is made once per run; every
 * test file gets its own copy: a file copy for SQLite, CREATE DATABASE … TEMPLATE for
 * PostgreSQL.
 */
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { migrate } from '../../scripts/db/migrate'

export const DATA_DIR = path.resolve(import.meta.dirname, '../.data')
const SQLITE_BASE = path.join(DATA_DIR, 'integration-base.db')

export type Provider = 'sqlite' | 'postgresql'

export function providerUnderTest(): Provider {
  const provider = process.env.TEST_DB_PROVIDER ?? 'sqlite'
  if (provider !== 'sqlite' && provider !== 'postgresql') {
    throw new Error(`TEST_DB_PROVIDER must be sqlite or postgresql, not ${provider}`)
  }
  if (provider === 'postgresql' && !process.env.TEST_POSTGRES_URL) {
    throw new Error('TEST_DB_PROVIDER=postgresql needs TEST_POSTGRES_URL')
  }
  return provider
}

function postgresUrlFor(database: string): string {
  const url = new URL(process.env.TEST_POSTGRES_URL as string)
  url.pathname = `/${database}`
  return url.toString()
}

function postgresTemplateName(): string {
  return `${new URL(process.env.TEST_POSTGRES_URL as string).pathname.slice(1)}_template`
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Makes the migrated base database once per test run. */
export async function prepareBaseDatabase(): Promise<void> {
  fs.mkdirSync(DATA_DIR, { recursive: true })
  if (providerUnderTest() === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(SQLITE_BASE + suffix, { force: true })
    migrate(`file:${SQLITE_BASE}`, { quiet: true })
    // Fold the WAL into the file so that one copy is a complete database.
    const { default: Database } = await import('better-sqlite3')
    const base = new Database(SQLITE_BASE)
    base.pragma('wal_checkpoint(TRUNCATE)')
    base.close()
    return
  }
  const template = postgresTemplateName()
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${template}"`)
  })
  migrate(postgresUrlFor(template), { quiet: true })
}

/** What every test file's copy is named after: `test-….db` files, `<base>_f_…` databases. */
const SQLITE_COPY = /^test-.+\.db(-wal|-shm)?$/
const postgresName = (name: string) => name.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63)
const postgresCopyPrefix = () => postgresName(`${new URL(process.env.TEST_POSTGRES_URL as string).pathname.slice(1)}_f_`)

/**
 * Removes every test file's copy of this provider's base. The global set-up runs it before and
 * after the run: vitest skips a file's `afterAll` when all its tests are skipped (a SQLite-only
 * file on PostgreSQL), and a run that is killed drops nothing.
 */
export async function dropTestDatabaseCopies(): Promise<void> {
  if (providerUnderTest() === 'sqlite') {
    if (!fs.existsSync(DATA_DIR)) return
    for (const name of fs.readdirSync(DATA_DIR)) if (SQLITE_COPY.test(name)) fs.rmSync(path.join(DATA_DIR, name), { force: true })
    return
  }
  await withAdminClient(async (client) => {
    const prefix = postgresCopyPrefix().replace(/_/g, '\\_')
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`])
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  })
}

/** A fresh copy of the base for one test file; returns its DATABASE_URL and a clean-up. */
export async function createTestDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  // What makes the name unique first: PostgreSQL cuts names at 63 characters.
  const unique = `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}_${label}`
  if (providerUnderTest() === 'sqlite') {
    const file = path.join(DATA_DIR, `test-${unique}.db`)
    fs.copyFileSync(SQLITE_BASE, file)
    return {
      url: `file:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
      },
    }
  }
  const database = postgresName(`${postgresCopyPrefix()}${unique}`)
  await withAdminClient((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${postgresTemplateName()}"`))
  return {
    url: postgresUrlFor(database),
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).then(() => undefined),
  }
}
