/**
 * What the kept counts' statement triggers (decisions 044, 055, 067) add to one statement that
 * updates many rows, on PostgreSQL, against an existing bench database (seed one with
 * `BENCH_SEED_ONLY=1 npm run bench:hr -- --provider postgresql`; it prints the URL):
 *
 *   DATABASE_URL=postgresql://…/bbs_test_bench_hr npm run bench:kept-counts
 *
 * On one connection, as on a pooled connection of the app: first a one-row UPDATE of each table
 * (a learner's write: PL/pgSQL plans each trigger statement at its first call and keeps the
 * plan), then per size one UPDATE of that many enrolments (their lessons done, as a recomputation
 * of lesson facts writes) and of that many people (a column no count reads, as the import's
 * publication writes), each in a transaction rolled back. Median of BENCH_RUNS (default 3) per
 * size, ms. BENCH_SIZES (default 1000,4000,16000). Last line: one JSON object
 * {"runs", "enrolmentMs": {size: ms}, "personMs": {size: ms}}.
 */
import pg from 'pg'

const url = process.env.DATABASE_URL
if (!url?.startsWith('postgres')) throw new Error('set DATABASE_URL to a seeded PostgreSQL bench database (see the comment at the top)')
const { migrate } = await import('./db/migrate')
migrate(url, { quiet: true })

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const SIZES = (process.env.BENCH_SIZES ?? '1000,4000,16000').split(',').map(Number)
const client = new pg.Client({ connectionString: url })
await client.connect()

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
/** `statement` in a transaction rolled back; ms. */
async function timed(statement: string): Promise<number> {
  await client.query('BEGIN')
  try {
    const start = performance.now()
    await client.query(statement)
    return performance.now() - start
  } finally {
    await client.query('ROLLBACK')
  }
}

const enrolments = `SELECT "id" FROM "enrolment" ORDER BY "id"`
const people = `SELECT "id" FROM "user" ORDER BY "id"`
// The connection's first trigger calls: one row each, as a learner's writes (their plans are kept).
await timed(`UPDATE "enrolment" SET "activeSeconds" = "activeSeconds" WHERE "id" IN (${enrolments} LIMIT 1)`)
await timed(`UPDATE "user" SET "updatedAt" = "updatedAt" WHERE "id" IN (${people} LIMIT 1)`)

const available = Number((await client.query(`SELECT LEAST((SELECT COUNT(*) FROM "enrolment"), (SELECT COUNT(*) FROM "user")) AS n`)).rows[0].n)
const enrolmentMs: Record<number, number> = {}
const personMs: Record<number, number> = {}
console.log(`bench:kept-counts: one UPDATE of N rows after a one-row UPDATE on the same connection, median of ${RUNS}`)
for (const size of SIZES.filter((n) => n <= available)) {
  const e: number[] = []
  const p: number[] = []
  for (let run = 0; run < RUNS; run++) {
    e.push(await timed(`UPDATE "enrolment" SET "lessonsDone" = "lessonsDone" + 1 WHERE "id" IN (${enrolments} LIMIT ${size})`))
    p.push(await timed(`UPDATE "user" SET "updatedAt" = "updatedAt" + INTERVAL '1 second' WHERE "id" IN (${people} LIMIT ${size})`))
  }
  enrolmentMs[size] = Math.round(median(e))
  personMs[size] = Math.round(median(p))
  console.log(`${String(size).padStart(7)} rows: enrolments ${String(enrolmentMs[size]).padStart(7)} ms, people ${String(personMs[size]).padStart(7)} ms`)
}
await client.end()
console.log(JSON.stringify({ runs: RUNS, enrolmentMs, personMs }))
