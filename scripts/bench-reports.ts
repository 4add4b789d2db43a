/**
 * Report streaming at scale. `npm run bench:reports` (needs a production build)
 * Seeds 100,000 learners of one agency with progress (lessons, pre- and post-tests,
 * certificates for some) into a scratch SQLite database, then downloads the completion report
 * as CSV (plain and for Excel) and as XLSX through the real endpoint, each from a fresh server, and prints
 * time-to-first-byte, total time, the server's RSS once started and its peak RSS (VmHWM). Readable
 * lines, then one JSON object: {"rows": 100000, "provider", "csv": {"ttfbMs", "totalMs", "peakRssMb",
 * "startRssMb"}, "csvExcel": {…}, "xlsx": {…}}. BENCH_REUSE=1 downloads from the database an earlier
 * run seeded; BENCH_FORMATS=csv,xlsx picks the downloads; BENCH_REPEAT=n downloads each format n
 * times (the JSON then holds median times, the highest peak RSS and every peak); BENCH_SERVER_LOG=file
 * appends the servers' output to that file.
 * `-- --provider postgresql` (needs TEST_POSTGRES_URL): the same on a scratch PostgreSQL database.
 */
import fs from 'node:fs'
import { prepareBenchDatabase, type BenchProvider } from './lib/bench-database'
import { postgresWriter, seedPeople, sqliteWriter } from './lib/bench-seed'
import { startNextServer } from './lib/next-server'

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)
const PORT = Number(process.env.BENCH_PORT ?? 3410)
const base = `http://localhost:${PORT}`
const args = process.argv.slice(2)
const provider = (args.includes('--provider') ? args[args.indexOf('--provider') + 1] : 'sqlite') as BenchProvider
if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error('--provider sqlite|postgresql')
// BENCH_REUSE=1: download from the database an earlier run seeded (same BENCH_ROWS), without seeding.
const REUSE = !!process.env.BENCH_REUSE
// BENCH_FORMATS=csv,xlsx: only these downloads (default all three).
const FORMATS = (process.env.BENCH_FORMATS ?? 'csv,csv-excel,xlsx').split(',')
// BENCH_REPEAT=n: n downloads of each format, each from a fresh server (default 1).
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1))
const { file: DB_FILE, url: DB_URL, db, agency, sessionCookie } = await prepareBenchDatabase('bench-reports', base, provider, { reuse: REUSE })
const { seedUser } = await import('../prisma/seed/seeders')
const { getLessonOutline } = await import('../lib/content/lessons.server')
await seedUser(db, { name: 'HR Bench', email: 'hr-bench@contoh.go.id', password: 'Bench-password-1', role: 'hr', agencyId: agency.id })
const cohort = REUSE
  ? await db.cohort.findFirstOrThrow({ where: { agencyId: agency.id, name: 'Orientasi 2026' } })
  : await db.cohort.create({
      data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi 2026', dueDate: new Date('2026-12-31T16:59:59Z') },
    })
const cookie = await sessionCookie('hr-bench@contoh.go.id', 'Bench-password-1')
await db.$disconnect()

// Seeding 100,000 people through the ORM takes minutes; plain prepared statements take seconds.
const started = performance.now()
if (!REUSE) {
  const { certificates } = await seedPeople(provider === 'sqlite' ? sqliteWriter(DB_FILE) : postgresWriter(DB_URL), {
    people: ROWS,
    agency,
    units: agency.units.map((unit) => unit.id),
    cohorts: [{ id: cohort.id, cycleKey: 'onboarding', dueDate: cohort.dueDate }],
    lessonSlugs: getLessonOutline().map((lesson) => lesson.slug),
    cohortsOf: () => [0],
    name: (i) => `Peserta ${i}, S.Sos.`,
  })
  console.log(`${provider}: seeded ${ROWS.toLocaleString('en')} learners (${certificates.toLocaleString('en')} certificates) in ${Math.round(performance.now() - started)} ms`)
}

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024)
}
const peakRssMb = (pid: number) => statusMb(pid, 'VmHWM')

async function measure(format: Format) {
  const server = await startNextServer(PORT, {}, { logFile: process.env.BENCH_SERVER_LOG })
  try {
    // The server's own size before the download (started, one health check answered).
    const startRssMb = statusMb(server.serverPid(), 'VmRSS')
    const start = performance.now()
    const response = await fetch(`${base}/api/hr/reports/completion?kelompok=${cohort.id}&format=${format}`, { headers: { cookie } })
    if (!response.ok || !response.body) throw new Error(`${format}: HTTP ${response.status} ${await response.text()}`)
    const reader = response.body.getReader()
    let ttfbMs = 0
    let bytes = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!ttfbMs) ttfbMs = performance.now() - start
      bytes += value.byteLength
    }
    const totalMs = performance.now() - start
    const result = { ttfbMs: Math.round(ttfbMs), totalMs: Math.round(totalMs), peakRssMb: peakRssMb(server.serverPid()), startRssMb, mb: Math.round(bytes / 1e5) / 10 }
    console.log(`${format.toUpperCase().padEnd(5)} first byte ${result.ttfbMs} ms, complete ${result.totalMs} ms, ${result.mb} MB, server RSS ${result.startRssMb} MB at start, peak ${result.peakRssMb} MB`)
    return result
  } finally {
    await server.stop()
  }
}

type Format = 'csv' | 'csv-excel' | 'xlsx'
type Download = Awaited<ReturnType<typeof measure>>
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!
/**
 * Several downloads of one format, each from a fresh server: times as medians, the peak RSS as
 * the highest (a fresh server's memory can depend on chance at start-up: decision 064).
 */
function summary(downloads: Download[] | undefined) {
  if (!downloads?.length) return undefined
  const peaks = downloads.map((d) => d.peakRssMb)
  return {
    ttfbMs: median(downloads.map((d) => d.ttfbMs)),
    totalMs: median(downloads.map((d) => d.totalMs)),
    peakRssMb: Math.max(...peaks),
    startRssMb: median(downloads.map((d) => d.startRssMb)),
    ...(downloads.length > 1 && { downloads: downloads.length, peakRssMbEach: peaks }),
  }
}
const results: Partial<Record<Format, Download[]>> = {}
// The CSV for Excel/LibreOffice (decision 016): NIP as ="…", decimal comma with ";".
for (const format of ['csv', 'csv-excel', 'xlsx'] as const) {
  if (!FORMATS.includes(format)) continue
  results[format] = []
  for (let i = 0; i < REPEAT; i++) results[format].push(await measure(format))
}
console.log('targets: CSV < 5,000 ms, XLSX < 20,000 ms, peak RSS < 300 MB')
console.log(JSON.stringify({ rows: ROWS, provider, csv: summary(results.csv), csvExcel: summary(results['csv-excel']), xlsx: summary(results.xlsx) }))
