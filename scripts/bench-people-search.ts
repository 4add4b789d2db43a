/**
 * The people list's name search in process, one officer: `countEnrolmentRows`, one page
 * (`enrolmentRowsPage`, 26 rows as listPeople asks), and both as listPeople reads them
 * (`enrolmentRowsPageAndTotal`, one statement for a PostgreSQL search: decision 057) for a set
 * of searches, each timed RUNS times, against an existing bench database (seed one with
 * `BENCH_SEED_ONLY=1 npm run bench:hr -- --provider sqlite|postgresql`; it prints the URL):
 *
 *   DATABASE_URL=file:tests/.data/bench_hr.db npx tsx --conditions=react-server scripts/bench-people-search.ts
 *
 * Prints the median of each step per search, then one JSON line:
 * {"provider", "people", "runs", "medianMs": {"<search>": {"count", "page", "pageAndTotal", "rows"}}, "overallMedianMs": {"count", "page", "pageAndTotal"}}
 * BENCH_RUNS (default 5), BENCH_SEARCHES (a comma list; default the set below).
 */
import { DEMO_AGENCIES } from '../prisma/seed/demo-data'

process.env.BETTER_AUTH_SECRET ??= 'benchmark-secret-0123456789abcdefghijklmnop'
if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a seeded bench database (see the comment at the top)')
const { db, databaseProvider } = await import('../lib/db/db.server')
const { countEnrolmentRows, enrolmentRowsPage, enrolmentRowsPageAndTotal } = await import('../lib/hr/enrolment-rows.server')

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
// bench:hr's four name searches, "sri" (a first name whose people sit together far along the name
// index: decision 057), then: a rare one (one person's email), digits inside the NIP
// (rare, and common), one that every email matches (the worst case for any index), and a
// two-character one (too short for trigrams: the plain scan).
const SEARCHES = process.env.BENCH_SEARCHES?.split(',') ?? ['rahma', 'siti wijaya', 'budi', 'nugroho', 'sri', 'peserta73519@', '73519', '0101202101', 'contoh', 'bu']

const agency = await db.agency.findUniqueOrThrow({ where: { code: DEMO_AGENCIES[0]!.code }, select: { id: true } })
const people = await countEnrolmentRows({ agencyId: agency.id, view: 'people' })
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const start = performance.now()
  const result = await work()
  return [performance.now() - start, result]
}

console.log(`people search on ${databaseProvider}: ${people.toLocaleString('en')} people, ${RUNS} runs per step`)
const result: Record<string, { count: number; page: number; pageAndTotal: number; rows: number }> = {}
const counts: number[] = []
const pages: number[] = []
const both: number[] = []
for (const search of SEARCHES) {
  const filter = { agencyId: agency.id, view: 'people' as const, search }
  const countMs: number[] = []
  const pageMs: number[] = []
  const bothMs: number[] = []
  let rows = 0
  for (let run = 0; run < RUNS; run++) {
    const [c, n] = await time(() => countEnrolmentRows(filter))
    const [p] = await time(() => enrolmentRowsPage(filter, { limit: 26 }))
    const [b] = await time(() => enrolmentRowsPageAndTotal(filter, { limit: 26 }))
    countMs.push(c)
    pageMs.push(p)
    bothMs.push(b)
    rows = n
  }
  result[search] = { count: Math.round(median(countMs)), page: Math.round(median(pageMs)), pageAndTotal: Math.round(median(bothMs)), rows }
  counts.push(...countMs)
  pages.push(...pageMs)
  both.push(...bothMs)
  const { count, page, pageAndTotal } = result[search]
  console.log(
    `${JSON.stringify(search).padEnd(18)} ${String(rows).padStart(7)} rows   count median ${String(count).padStart(6)} ms   page median ${String(page).padStart(6)} ms   page and total ${String(pageAndTotal).padStart(6)} ms`,
  )
}
await db.$disconnect()
console.log(
  JSON.stringify({
    provider: databaseProvider,
    people,
    runs: RUNS,
    medianMs: result,
    overallMedianMs: { count: Math.round(median(counts)), page: Math.round(median(pages)), pageAndTotal: Math.round(median(both)) },
  }),
)
