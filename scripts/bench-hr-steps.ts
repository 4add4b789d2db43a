/**
 * The database side of each HR page in process, one officer, against an existing bench database
 * (seed one with `BENCH_SEED_ONLY=1 npm run bench:hr -- --provider sqlite|postgresql`; it prints
 * the URL): the session check every HR request makes, then each page's data function. Per step:
 * SQL statements sent (counted at the driver), median wall time and median CPU time of this
 * process (on SQLite the database work is in it; on PostgreSQL it is not).
 *
 *   DATABASE_URL=file:tests/.data/bench_hr.db npx tsx --conditions=react-server scripts/bench-hr-steps.ts
 *
 * BENCH_RUNS (default 20). Last line: one JSON object {"provider", "runs", "steps": {name: {statements, wallMs, cpuMs}}}.
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import { DEMO_AGENCIES } from '../prisma/seed/demo-data'

process.env.BETTER_AUTH_SECRET ??= 'benchmark-secret-0123456789abcdefghijklmnop'
if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a seeded bench database (see the comment at the top)')
// A database seeded before the latest migrations is brought up to date first, as bench:hr does.
const { migrate } = await import('./db/migrate')
migrate(process.env.DATABASE_URL, { quiet: true })

// Count statements where they leave for the database (both drivers).
let statements = 0
const prepare = Database.prototype.prepare
Database.prototype.prepare = function (this: Database.Database, ...args: Parameters<typeof prepare>) {
  statements++
  return prepare.apply(this, args)
} as typeof prepare
const query = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++
  return (query as (...a: unknown[]) => unknown).apply(this, args)
} as typeof query

const { db, databaseProvider } = await import('../lib/db/db.server')
const { getDatabaseSessionUser } = await import('../lib/auth/database-session.server')
const { getDashboard, listPeople, getPersonHistory } = await import('../lib/hr/dashboard.server')
const { auth } = await import('../lib/auth/auth.server')

const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const agency = await db.agency.findUniqueOrThrow({ where: { code: DEMO_AGENCIES[0]!.code }, select: { id: true } })
const officer = await db.user.findFirstOrThrow({ where: { agencyId: agency.id, grants: { some: { capability: 'hr' } }, email: { startsWith: 'hr-bench-' } }, select: { email: true } })
const signIn = await auth.api.signInEmail({ body: { email: officer.email, password: 'Bench-password-1' }, asResponse: true })
const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
const headers = new Headers({ cookie })
const person = await db.user.findFirstOrThrow({ where: { agencyId: agency.id, grants: { none: {} }, enrolments: { some: {} } }, select: { id: true }, skip: 500 })

// Keys of pages 200 and 3,800 of the people list (ordered by lower-cased name, then id), as
// "Berikutnya" links carry them: keyset paging should cost the same on both as on the first page.
const { Prisma } = await import('../lib/db/create-client')
const keyAt = async (offset: number) => {
  const [row] = await db.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`
    SELECT u."id", LOWER(u."name") AS "name" FROM "user" u WHERE u."agencyId" = ${agency.id}
    ORDER BY LOWER(u."name"), u."id" LIMIT 1 OFFSET ${offset}`)
  if (!row) throw new Error(`the bench database has fewer than ${offset + 1} people`)
  return row
}
const page200Key = await keyAt(199 * 25 - 1)
const page3800Key = await keyAt(3799 * 25 - 1)

const steps: Record<string, () => Promise<unknown>> = {
  session: () => getDatabaseSessionUser(headers),
  dashboard: () => getDashboard(agency.id),
  peopleFirst: () => listPeople(agency.id, {}),
  peopleSearch: () => listPeople(agency.id, { q: 'budi' }),
  peoplePage200: () => listPeople(agency.id, { after: page200Key }),
  peoplePage3800: () => listPeople(agency.id, { after: page3800Key }),
  person: () => getPersonHistory(agency.id, person.id),
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
const result: Record<string, { statements: number; wallMs: number; cpuMs: number }> = {}
console.log(`HR steps on ${databaseProvider}, ${RUNS} runs each (load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')})`)
for (const [name, step] of Object.entries(steps)) {
  for (let i = 0; i < 3; i++) await step()
  const walls: number[] = []
  const cpus: number[] = []
  let sent = 0
  for (let run = 0; run < RUNS; run++) {
    const before = statements
    const cpu = process.cpuUsage()
    const start = performance.now()
    await step()
    walls.push(performance.now() - start)
    const used = process.cpuUsage(cpu)
    cpus.push((used.user + used.system) / 1000)
    sent = statements - before
  }
  result[name] = { statements: sent, wallMs: Math.round(median(walls) * 10) / 10, cpuMs: Math.round(median(cpus) * 10) / 10 }
  console.log(`${name.padEnd(13)} ${String(sent).padStart(3)} statements   wall ${result[name].wallMs.toFixed(1).padStart(7)} ms   cpu ${result[name].cpuMs.toFixed(1).padStart(7)} ms`)
}
await db.$disconnect()
console.log(JSON.stringify({ provider: databaseProvider, runs: RUNS, steps: result }))
