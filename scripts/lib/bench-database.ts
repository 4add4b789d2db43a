import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type BenchProvider = 'sqlite' | 'postgresql'

/** A scratch PostgreSQL database `<TEST_POSTGRES_URL's database>_<name>`, dropped and made anew. */
async function freshPostgresDatabase(name: string): Promise<string> {
  const admin = process.env.TEST_POSTGRES_URL
  if (!admin) throw new Error('--provider postgresql needs TEST_POSTGRES_URL (bash scripts/ci/start-postgres.sh prints one)')
  const url = new URL(admin)
  const database = `${url.pathname.slice(1)}_${name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63)
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${database}"`)
  } finally {
    await client.end()
  }
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * A fresh, migrated scratch database for a benchmark (a SQLite file under tests/.data, or a
 * PostgreSQL database next to TEST_POSTGRES_URL's), with the demo agency, and the environment
 * the app modules read pointed at it. Import app modules only after calling this.
 */
export async function prepareBenchDatabase(name: string, publicBaseUrl: string, provider: BenchProvider = 'sqlite', options: { reuse?: boolean } = {}) {
  let file = ''
  if (provider === 'sqlite') {
    file = path.join(root, 'tests/.data', `${name}.db`)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (!options.reuse) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    process.env.DATABASE_URL = `file:${file}`
  } else if (options.reuse) {
    // The database an earlier run made (no drop).
    const url = new URL(process.env.TEST_POSTGRES_URL ?? '')
    url.pathname = `/${`${url.pathname.slice(1)}_${name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63)}`
    process.env.DATABASE_URL = url.toString()
  } else {
    process.env.DATABASE_URL = await freshPostgresDatabase(name)
  }
  const url = process.env.DATABASE_URL
  process.env.BETTER_AUTH_SECRET = 'benchmark-secret-0123456789abcdefghijklmnop'
  process.env.PUBLIC_BASE_URL = publicBaseUrl
  const { migrate } = await import('../db/migrate')
  migrate(url, { quiet: true })
  const { db } = await import('../../lib/db/db.server')
  // The current lessons, as a deployed app has had them since its first request: otherwise the
  // server's first HR request would recompute every seeded enrolment's facts (on PostgreSQL at
  // 100,000 enrolments that took over a minute: bench:hr's first request timed out).
  const { ensureCurrentLessons } = await import('../../lib/hr/enrolment-facts.server')
  await ensureCurrentLessons()
  const { auth } = await import('../../lib/auth/auth.server')
  const { seedAgency } = await import('../../prisma/seed/seeders')
  const { DEMO_AGENCIES } = await import('../../prisma/seed/demo-data')
  const agency = await seedAgency(db, DEMO_AGENCIES[0]!)

  /** Signs a user in through better-auth and returns the Cookie header a browser would send. */
  async function sessionCookie(email: string, password: string): Promise<string> {
    const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true })
    return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
  }
  return { file, url, provider, db, agency, sessionCookie }
}
