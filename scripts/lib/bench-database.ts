import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * A fresh, migrated scratch SQLite database for a benchmark, with the demo agency, and the
 * environment the app modules read pointed at it. Import app modules only after calling this.
 */
export async function prepareBenchDatabase(name: string, publicBaseUrl: string) {
  const file = path.join(root, 'tests/.data', `${name}.db`)
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  process.env.DATABASE_URL = `file:${file}`
  process.env.BETTER_AUTH_SECRET = 'benchmark-secret-0123456789abcdefghijklmnop'
  process.env.PUBLIC_BASE_URL = publicBaseUrl
  const { migrate } = await import('../db/migrate')
  migrate(process.env.DATABASE_URL, { quiet: true })
  const { db } = await import('../../lib/db/db.server')
  const { auth } = await import('../../lib/auth/auth.server')
  const { seedAgency } = await import('../../prisma/seed/seeders')
  const { DEMO_AGENCIES } = await import('../../prisma/seed/demo-data')
  const agency = await seedAgency(db, DEMO_AGENCIES[0]!)

  /** Signs a user in through better-auth and returns the Cookie header a browser would send. */
  async function sessionCookie(email: string, password: string): Promise<string> {
    const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true })
    return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
  }
  return { file, db, agency, sessionCookie }
}
