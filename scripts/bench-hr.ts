/**
 * The HR pages at a ministry's scale. `npm run bench:hr [-- --provider sqlite|postgresql]`
 * (needs a production build: `npx next build`; PostgreSQL needs TEST_POSTGRES_URL, and runs by
 * default when it is set).
 *
 * Seeds 100,000 people of one agency (40 units and some without one, PNS/CPNS/PPPK, four
 * cohorts over two cycles and 10 % unassigned, progress from nothing to all lessons with time on
 * task, pre- and post-tests, certificates, a few revoked, a quarter of the NIPs only claimed),
 * starts `next start`, and lets 10 HR officers (10 sessions) request at once, round after round:
 * the dashboard (/hr), the people list's first page, a name search, page 200 (the key of its
 * first row built the way the page's "Berikutnya" link builds it) and a person page. Readable
 * lines, then per provider one JSON line:
 * {"people": N, "provider": "sqlite", "p95Ms": {"dashboard", "peopleFirst", "peopleSearch", "peoplePage200", "person"},
 *  "warmUpRounds", "warmUpMaxMs": {page: ms}, "cpuPerRequestMs",
 *  "databaseCpuPerRequestMs", "loadGeneratorCpuPerRequestMs", "reference": {"page", "p95Ms", "cpuPerRequestMs"}, "bytes", "duringImport": {"p99Ms", "errors"},
 *  "idlePressurePct", "stealPct"}
 * How busy the machine was from outside (scripts/lib/cpu-pressure.ts): idlePressurePct, the share
 * of 5 s before the server starts in which some task of this machine waited for a CPU (other
 * jobs here); stealPct, the share of CPU time the hypervisor gave to other machines while the
 * officers' requests ran.
 * The officers' requests ask for gzip as a browser does and are read with as little CPU as
 * possible (scripts/lib/bench-http.ts): the load generator shares the server's two cores.
 * CPU per request is printed for the app's process, PostgreSQL's processes (null on SQLite,
 * whose work is in the app's) and the load generator: together, what one HR page costs the machine.
 * Warm-up: before the measured rounds the officers run BENCH_WARMUP_ROUNDS (default 1) rounds of
 * the same load, not counted; a fresh server's first requests run in code V8 has not optimised
 * yet, and a deployed server serves thousands of requests (decision 066). warmUpMaxMs is the
 * slowest request per page of the warm-up: what the first officers after a restart see.
 * Target (issue 13): every p95 < 300 ms. `reference` is the same load on the signed-out sign-in
 * page right after: the machine's speed at that hour, to compare runs of different hours.
 * duringImport: afterwards, 30 learners save progress and submit quizzes (BENCH_IMPORT_RATE per
 * second, default 30) while an officer imports a BENCH_IMPORT_ROWS-row roster (default 50,000; 0
 * skips it: null) through the real routes on the same server (scripts/lib/import-load.ts, as bench:import-load); target p99 < 250 ms, 0 errors.
 *
 * BENCH_ROWS (default 100000), BENCH_ROUNDS (rounds per officer, default 6), BENCH_PORT,
 * BENCH_REUSE=1 (measure the database an earlier run seeded; a run with the import adds its learners
 * and 50,000 people to it, so measure a copy of a BENCH_SEED_ONLY database for each such run), BENCH_CPU_PROF=1 (the server writes a
 * V8 CPU profile to .next-profiles/ when it stops; scripts/cpu-profile-summary.ts reads it),
 * BENCH_TIMEOUT_MS (a slower request counts as an error; default 60000), BENCH_TIMELINE=<file> (each
 * measured request's start in ms from the first, its time, page and officer, one line each), BENCH_PAGES (a comma list
 * of the page names above: only those), BENCH_SEED_ONLY=1
 * (seed the scratch database and stop: for EXPLAIN and in-process timing).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { prepareBenchDatabase, type BenchProvider } from './lib/bench-database'
import { postgresWriter, seedPeople, sqliteWriter } from './lib/bench-seed'
import { timedGet } from './lib/bench-http'
import { benchRosterCsv } from './lib/bench-roster-file'
import { formatByPhase, importDuringLearnerLoad, prepareLearners } from './lib/import-load'
import { reportIdleCpuPressure, startStealMeter } from './lib/cpu-pressure'
import { startNextServer } from './lib/next-server'

const args = process.argv.slice(2)
const providerArg = args.includes('--provider') ? args[args.indexOf('--provider') + 1] : undefined
if (providerArg && providerArg !== 'sqlite' && providerArg !== 'postgresql') throw new Error('--provider sqlite|postgresql')

if (!providerArg) {
  // Both providers (PostgreSQL when TEST_POSTGRES_URL is set), each in its own process: the app's
  // database module is one per process.
  const providers: BenchProvider[] = process.env.TEST_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite']
  let failed = 0
  for (const provider of providers) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--provider', provider], { stdio: 'inherit' })
    if (run.status !== 0) failed = run.status ?? 1
  }
  process.exit(failed)
}

const provider = providerArg as BenchProvider
const PEOPLE = Number(process.env.BENCH_ROWS ?? 100_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6)
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 1)
const OFFICERS = 10
const PORT = Number(process.env.BENCH_PORT ?? 3411)
const base = `http://localhost:${PORT}`

// BENCH_REUSE=1: measure the database an earlier run seeded (same BENCH_ROWS; seeding 100,000
// people takes minutes on a loaded machine), signing its officers in again.
const REUSE = !!process.env.BENCH_REUSE
const { file, url, db, agency, sessionCookie } = await prepareBenchDatabase('bench_hr', base, provider, { reuse: REUSE })
const { seedUser } = await import('../prisma/seed/seeders')
const { getLessonOutline } = await import('../lib/content/lessons.server')
const { Prisma } = await import('../lib/db/create-client')
const { encodeRowKey } = await import('../lib/hr/row-key')

console.log(`bench:hr on ${provider}: ${PEOPLE.toLocaleString('en')} people, ${OFFICERS} HR officers, ${ROUNDS} rounds each`)
const DIRECTORATES = ['Sekretariat', 'Direktorat Pelayanan', 'Direktorat Kebijakan', 'Inspektorat', 'Badan Pengembangan SDM', 'Pusat Data', 'Biro Hukum', 'Biro Umum']
if (!REUSE) await db.unit.createMany({
  data: Array.from({ length: 36 }, (_, i) => ({ agencyId: agency.id, name: `${DIRECTORATES[i % DIRECTORATES.length]} ${Math.floor(i / DIRECTORATES.length) + 1}` })),
})
const units = (await db.unit.findMany({ where: { agencyId: agency.id }, select: { id: true } })).map((unit) => unit.id)
const cohortData = [
  { name: 'Orientasi 2025', kind: 'onboarding' as const, year: 2025, dueDate: new Date('2025-12-31T16:59:59Z'), cycleKey: 'onboarding' },
  { name: 'Penyegaran 2026', kind: 'refresher' as const, year: 2026, dueDate: new Date('2026-12-31T16:59:59Z'), cycleKey: 'refresher-2026' },
  { name: 'Orientasi 2026', kind: 'onboarding' as const, year: 2026, dueDate: new Date('2026-12-31T16:59:59Z'), cycleKey: 'onboarding' },
  { name: 'Orientasi 2026 Gelombang 2', kind: 'onboarding' as const, year: 2026, dueDate: new Date('2027-03-31T16:59:59Z'), cycleKey: 'onboarding' },
]
const cohorts = []
for (const { cycleKey, ...data } of cohortData) {
  const cohort = REUSE
    ? await db.cohort.findFirstOrThrow({ where: { agencyId: agency.id, name: data.name } })
    : await db.cohort.create({ data: { agencyId: agency.id, ...data } })
  cohorts.push({ id: cohort.id, cycleKey, dueDate: cohort.dueDate })
}
const cookies: string[] = []
for (let i = 0; i < OFFICERS; i++) {
  const email = `hr-bench-${i}@contoh.go.id`
  await seedUser(db, { name: `Petugas SDM ${i}`, email, password: 'Bench-password-1', role: 'hr', agencyId: agency.id })
  cookies.push(await sessionCookie(email, 'Bench-password-1'))
}
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000)
// The learners of the during-import figure, in 2026's onboarding (30 people among 100,000).
// Not in a database seeded for later runs (BENCH_SEED_ONLY): each run with the import adds them.
const nextLearnerRequest = IMPORT_ROWS > 0 && !process.env.BENCH_SEED_ONLY ? await prepareLearners(db, agency.id, sessionCookie, { cohortId: cohorts[2]!.id }) : null
await db.$disconnect()

const FIRST = ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Andi', 'Sri', 'Joko', 'Putri', 'Hendra', 'Ayu', 'Bambang', 'Nur', 'Rudi', 'Wahyu', 'Fitri', 'Yohanes', 'Made', 'Ketut', 'Lestari', 'Eko', 'Indah', 'Dian', 'Arif', 'Ratna', 'Hadi', 'Maria', 'Taufik', 'Ani', 'Gede', 'Yusuf']
const LAST = ['Rahmawati', 'Santoso', 'Wijaya', 'Saputra', 'Hartono', 'Kusuma', 'Nugroho', 'Siregar', 'Lubis', 'Pratama', 'Wulandari', 'Hidayat', 'Setiawan', 'Simanjuntak', 'Purnomo', 'Susanti', 'Gunawan', 'Utami', 'Manurung', 'Aritonang', 'Halim', 'Suryadi', 'Permata', 'Anggraini', 'Firmansyah', 'Tambunan', 'Rahman', 'Sembiring', 'Pangaribuan', 'Yulianti', 'Damanik', 'Marpaung', 'Sitompul', 'Effendi', 'Kurniawan', 'Syahputra', 'Maharani']
const TITLES = ['', ', S.Sos.', ', S.E.', ', S.H.', ', M.Si.', '', ', S.Kom.', ', S.Pd.']
const started = performance.now()
const seeded = REUSE ? null : await seedPeople(provider === 'sqlite' ? sqliteWriter(file) : postgresWriter(url), {
  people: PEOPLE,
  agency,
  units: [...units, null],
  cohorts,
  lessonSlugs: getLessonOutline().map((lesson) => lesson.slug),
  // 10 % unassigned; 30 % in 2025's onboarding (a third of them also in 2026's refresher);
  // 40 % in 2026's onboarding; 20 % in its second wave.
  cohortsOf: (i) => {
    const d = i % 10
    if (d === 0) return []
    if (d <= 3) return d === 1 ? [0, 1] : [0]
    return d <= 7 ? [2] : [3]
  },
  name: (i) => `${i % 9 === 0 ? 'Dr. ' : ''}${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${TITLES[i % TITLES.length]}`,
  identity: (i) => (i % 4 === 0 ? 'claimed' : 'verified'),
})
if (!seeded) console.log(`reusing the seeded database (BENCH_REUSE): ${url}`)
else console.log(
  `seeded ${PEOPLE.toLocaleString('en')} people (${seeded.enrolments.toLocaleString('en')} enrolments, ${seeded.certificates.toLocaleString('en')} certificates) in ${Math.round(performance.now() - started)} ms`,
)

if (process.env.BENCH_SEED_ONLY) {
  console.log(`seeded only (BENCH_SEED_ONLY): ${url}`)
  process.exit(0)
}

// Page 200's key: the row before it in the people list's order, built as the page builds it.
const { createDbClient } = await import('../lib/db/create-client')
const { db: reader } = createDbClient(url)
const [keyRow] = await reader.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`
  SELECT u."id", LOWER(u."name") AS "name" FROM "user" u
  WHERE u."agencyId" = ${agency.id}
  ORDER BY LOWER(u."name"), u."id" LIMIT 1 OFFSET ${199 * 25 - 1}`)
// The roster HR imports for duringImport: new people only (no NIP of the seeded ones).
const importRoster =
  IMPORT_ROWS > 0 ? benchRosterCsv(IMPORT_ROWS, agency.units, 'impor', new Set((await reader.user.findMany({ select: { nip: true } })).map((user) => user.nip ?? ''))) : null
// People HR sees (a NIP: decision 037's counted people); the bench's own learners have none.
const personIds = (
  await reader.user.findMany({ where: { agencyId: agency.id, grants: { none: {} }, nip: { not: null } }, select: { id: true }, orderBy: { email: 'asc' }, take: 2000 })
).filter((_, i) => i % 40 === 7).map((user) => user.id)
await reader.$disconnect()

const pages = {
  dashboard: () => '/hr',
  peopleFirst: () => '/hr/pegawai',
  peopleSearch: (i: number) => `/hr/pegawai?q=${encodeURIComponent(['rahma', 'siti wijaya', 'budi', 'nugroho'][i % 4]!)}`,
  peoplePage200: () => `/hr/pegawai?setelah=${encodeRowKey(keyRow!)}&halaman=200`,
  person: (i: number) => `/hr/pegawai/${personIds[i % personIds.length]}`,
}
type PageName = keyof typeof pages
// BENCH_PAGES=peopleFirst,person… measures only those (the others print null).
const chosen = process.env.BENCH_PAGES?.split(',').map((name) => name.trim())
const names = (Object.keys(pages) as PageName[]).filter((name) => !chosen || chosen.includes(name))

// How busy the machine is from outside, before the server starts (scripts/lib/cpu-pressure.ts).
const idlePressurePct = await reportIdleCpuPressure()
// BENCH_CPU_PROF=1: the server writes a V8 CPU profile to .next-profiles/ when it stops (Next's
// own NEXT_CPU_PROF; Node refuses --cpu-prof in NODE_OPTIONS).
const server = await startNextServer(PORT, process.env.BENCH_CPU_PROF ? { NEXT_CPU_PROF: '1' } : {})
/** A process's CPU time (user + system) so far, in ms, from its /proc/<pid>/stat line. */
const cpuMsOfStat = (stat: string): number => {
  const fields = stat.replace(/^.*\) /, '').split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}
/** CPU time the server process has used so far, in ms. */
const serverCpuMs = (): number => cpuMsOfStat(fs.readFileSync(`/proc/${server.serverPid()}/stat`, 'utf8'))
/**
 * CPU time all PostgreSQL server processes on this machine have used so far, in ms (Linux /proc;
 * on SQLite the database's work is in the app's process). A backend that ends during the phase
 * takes its time with it, so this is a lower bound; the pool keeps its connections open.
 */
const databaseCpuMs = (): number => {
  let ms = 0
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      if (stat.includes('(postgres)')) ms += cpuMsOfStat(stat)
    } catch {
      // the process ended while we read
    }
  }
  return ms
}
let errors = 0
/** A request that takes longer than this counts as an error, with this time as its sample. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 60_000)
/** A page of the same app with nothing of HR's: what any page costs on this machine at this hour. */
const REFERENCE_PAGE = '/masuk'
async function get(path: string, cookie: string, keepBody = false): Promise<{ ms: number; body: string }> {
  const start = performance.now()
  try {
    const response = await timedGet(base + path, { cookie, timeoutMs: TIMEOUT_MS, keepBody })
    if (response.status !== 200) {
      errors++
      console.error(`${path}: HTTP ${response.status}`)
    }
    return { ms: response.ms, body: response.body ?? '' }
  } catch (error) {
    errors++
    console.error(`${path}: ${error instanceof Error ? error.message : error} after ${Math.round(performance.now() - start)} ms`)
    return { ms: performance.now() - start, body: '' }
  }
}
try {
  // Warm up (compile paths, fill caches) and check that each page shows what it should.
  const page200 = await get(pages.peoplePage200(), cookies[0]!, true)
  if (errors) throw new Error('the first request failed')
  if (!/pegawai · halaman 200 dari/.test(page200.body)) throw new Error(`page 200 does not say "halaman 200 dari …": ${page200.body.slice(0, 300)}`)
  // Bytes per page: the HTML, and of it the inline RSC payload (the `self.__next_f.push` scripts).
  const bytes: Record<string, { html: number; rsc: number }> = {}
  for (const name of names) {
    const { body } = await get(pages[name](0), cookies[0]!, true)
    const rsc = [...body.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0)
    bytes[name] = { html: Buffer.byteLength(body), rsc }
    // BENCH_DUMP=<dir>: keep each page's HTML to look at.
    if (process.env.BENCH_DUMP) {
      fs.mkdirSync(process.env.BENCH_DUMP, { recursive: true })
      fs.writeFileSync(`${process.env.BENCH_DUMP}/${name}.html`, body)
    }
    console.log(`${name.padEnd(14)} ${(bytes[name].html / 1000).toFixed(1)} kB HTML, of it ${(rsc / 1000).toFixed(1)} kB inline RSC payload`)
  }
  /**
   * The officers' load: each officer asks for the pages one after another, `rounds` times, all
   * officers at once. Returns each page's times and, for BENCH_TIMELINE, each request's start (ms
   * from the load's start), time, page and officer.
   */
  async function officersLoad(rounds: number, firstRound = 0) {
    const times: Record<PageName, number[]> = { dashboard: [], peopleFirst: [], peopleSearch: [], peoplePage200: [], person: [] }
    const timeline: string[] = []
    const loadStart = performance.now()
    await Promise.all(
      cookies.map(async (cookie, officer) => {
        for (let round = firstRound; round < firstRound + rounds; round++) {
          // Each officer visits the pages in a different order, so the mix at any moment varies.
          for (let k = 0; k < names.length; k++) {
            const name = names[(k + officer + round) % names.length]!
            const requestStart = performance.now() - loadStart
            const { ms } = await get(pages[name](officer * (WARMUP_ROUNDS + ROUNDS) + round), cookie)
            times[name].push(ms)
            timeline.push(`${Math.round(requestStart)} ${Math.round(ms)} ${name} ${officer}`)
          }
        }
      }),
    )
    return { times, timeline }
  }
  // The same load, unmeasured, first: a fresh server's first requests run in code V8 has not yet
  // optimised (at 10 officers the first round took up to 890 ms a page, against ~250 ms after).
  // Its figures are printed (warmUpMaxMs), not counted in the p95.
  const warmUp = WARMUP_ROUNDS > 0 ? await officersLoad(WARMUP_ROUNDS) : null
  const warmUpMaxMs = warmUp
    ? (Object.fromEntries(names.map((name) => [name, Math.round(Math.max(...warmUp.times[name]))])) as Partial<Record<PageName, number>>)
    : null
  if (warmUpMaxMs) console.log(`warm-up (${WARMUP_ROUNDS} round${WARMUP_ROUNDS === 1 ? '' : 's'} of the same load, not counted): slowest request per page ${JSON.stringify(warmUpMaxMs)} ms`)
  const wall = performance.now()
  const cpuBefore = serverCpuMs()
  const databaseCpuBefore = databaseCpuMs()
  const loadGeneratorCpuBefore = process.cpuUsage()
  const stolen = startStealMeter()
  const { times, timeline } = await officersLoad(ROUNDS, WARMUP_ROUNDS)
  const wallMs = performance.now() - wall
  if (process.env.BENCH_TIMELINE) fs.writeFileSync(process.env.BENCH_TIMELINE, timeline.join('\n') + '\n')
  const stealPct = stolen()
  const cpuPerRequestMs = Math.round((serverCpuMs() - cpuBefore) / (OFFICERS * ROUNDS * names.length))
  const databaseCpuPerRequestMs = provider === 'postgresql' ? Math.round((10 * (databaseCpuMs() - databaseCpuBefore)) / (OFFICERS * ROUNDS * names.length)) / 10 : null
  const loadGeneratorCpu = process.cpuUsage(loadGeneratorCpuBefore)
  const loadGeneratorCpuPerRequestMs = Math.round((loadGeneratorCpu.user + loadGeneratorCpu.system) / 100 / (OFFICERS * ROUNDS * names.length)) / 10
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b)
    return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0)
  }
  const p95Ms = Object.fromEntries((Object.keys(pages) as PageName[]).map((name) => [name, names.includes(name) ? percentile(times[name], 95) : null])) as Record<
    PageName,
    number | null
  >
  for (const name of names) {
    console.log(`${name.padEnd(14)} median ${String(percentile(times[name], 50)).padStart(6)} ms  p95 ${String(p95Ms[name]).padStart(6)} ms  (${times[name].length} requests)`)
  }
  console.log(`${OFFICERS * ROUNDS * names.length} requests in ${Math.round(wallMs)} ms, ${errors} errors; target: every p95 < 300 ms`)
  console.log(`server CPU (the Node process, user + system) per request: ${cpuPerRequestMs} ms; ${databaseCpuPerRequestMs === null ? '' : `PostgreSQL's ${databaseCpuPerRequestMs} ms; `}the load generator's ${loadGeneratorCpuPerRequestMs} ms; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; CPU time stolen by the hypervisor ${stealPct ?? 'unknown'} %`)

  // The machine's speed varies by the hour (the same build has cost 22 and 34 ms of CPU per HR
  // request): the same load on a trivial page (the sign-in form, signed out: proxy, layouts,
  // both renders and compression, no database), measured right after, tells the hour from the code.
  // Warmed up as the HR pages were, with as many requests as their warm-up.
  const referenceLoad = async (requestsPerOfficer: number) => {
    const referenceTimes: number[] = []
    await Promise.all(
      cookies.map(async () => {
        for (let i = 0; i < requestsPerOfficer; i++) referenceTimes.push((await get(REFERENCE_PAGE, '')).ms)
      }),
    )
    return referenceTimes
  }
  await referenceLoad(WARMUP_ROUNDS * names.length)
  const referenceCpuBefore = serverCpuMs()
  const referenceTimes = await referenceLoad(ROUNDS * names.length)
  const reference = {
    page: REFERENCE_PAGE,
    p95Ms: percentile(referenceTimes, 95),
    cpuPerRequestMs: Math.round((10 * (serverCpuMs() - referenceCpuBefore)) / referenceTimes.length) / 10,
  }
  console.log(
    `reference ${REFERENCE_PAGE} at the same load: median ${percentile(referenceTimes, 50)} ms, p95 ${reference.p95Ms} ms, ${reference.cpuPerRequestMs} ms CPU per request; an HR page costs ${(cpuPerRequestMs / reference.cpuPerRequestMs).toFixed(1)}× its CPU`,
  )
  let duringImport: { p99Ms: number; errors: number } | null = null
  if (importRoster && nextLearnerRequest) {
    try {
      const rate = Number(process.env.BENCH_IMPORT_RATE ?? 30)
      const result = await importDuringLearnerLoad({ base, hrCookie: cookies[0]!, file: importRoster, nextRequest: nextLearnerRequest, ratePerSecond: rate })
      const { baseline, duringImport: during } = result
      console.log(`import of ${IMPORT_ROWS.toLocaleString('en')} rows: preview ${result.previewMs} ms, import ${result.importMs} ms, phases ${JSON.stringify(result.phases)}`)
      console.log(`learners by import phase: ${formatByPhase(result.byPhase)}`)
      console.log(`learners at ${rate}/s without import: p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms, ${baseline.errors} errors; during import: ${during.requests} requests, p50 ${during.p50Ms} ms, p99 ${during.p99Ms} ms, max ${during.maxMs} ms, ${during.errors} errors (target p99 < 250 ms, 0 errors)`)
      duringImport = { p99Ms: during.p99Ms, errors: during.errors }
      errors += during.errors
    } catch (error) {
      errors++
      console.error(`duringImport: ${error instanceof Error ? error.message : error}`)
    }
  }
  console.log(JSON.stringify({ people: PEOPLE, provider, p95Ms, warmUpRounds: WARMUP_ROUNDS, warmUpMaxMs, cpuPerRequestMs, databaseCpuPerRequestMs, loadGeneratorCpuPerRequestMs, reference, bytes, duringImport, idlePressurePct, stealPct }))
} finally {
  await server.stop()
}
if (errors) process.exitCode = 1
