/**
 * Putting a whole agency into a cohort. `npm run bench:assign [-- --provider sqlite|postgresql]`
 * (PostgreSQL needs TEST_POSTGRES_URL, and runs by default when it is set).
 *
 * For each size in BENCH_SIZES (default 4000,16000,64000): a fresh database with that many people
 * of one agency (lesson progress, no enrolment), then HR's "semua" assignment into a cohort (one
 * transaction: inserts, the dashboard's count triggers) and the same people moved to a second
 * cohort of the same cycle (updates). What matters is how the time grows with the size: the last
 * JSON line gives milliseconds per size and `growth`, the time per person at the largest size
 * over the time per person at the smallest (1 = linear).
 * {"provider": "postgresql", "assignMs": {"4000": x, ...}, "moveMs": {...}, "growth": {"assign": x, "move": x}}
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { prepareBenchDatabase, type BenchProvider } from './lib/bench-database'
import { postgresWriter, seedPeople, sqliteWriter } from './lib/bench-seed'

const args = process.argv.slice(2)
const providerArg = args.includes('--provider') ? args[args.indexOf('--provider') + 1] : undefined
if (providerArg && providerArg !== 'sqlite' && providerArg !== 'postgresql') throw new Error('--provider sqlite|postgresql')
const SIZES = (process.env.BENCH_SIZES ?? '4000,16000,64000').split(',').map(Number)

if (!providerArg || !process.env.BENCH_SIZE) {
  // One process per provider and size: the app's database module is one per process.
  const providers: BenchProvider[] = providerArg ? [providerArg as BenchProvider] : process.env.TEST_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite']
  let failed = 0
  for (const provider of providers) {
    const assignMs: Record<string, number> = {}
    const moveMs: Record<string, number> = {}
    for (const size of SIZES) {
      const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--provider', provider], {
        env: { ...process.env, BENCH_SIZE: String(size) },
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
      })
      process.stdout.write(run.stdout)
      if (run.status !== 0) {
        failed = run.status ?? 1
        continue
      }
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { assignMs: number; moveMs: number }
      assignMs[size] = result.assignMs
      moveMs[size] = result.moveMs
    }
    const [smallest, largest] = [Math.min(...SIZES), Math.max(...SIZES)]
    const growth = (ms: Record<string, number>) => Math.round((ms[largest]! / largest / (ms[smallest]! / smallest)) * 100) / 100
    console.log(JSON.stringify({ provider, assignMs, moveMs, growth: { assign: growth(assignMs), move: growth(moveMs) } }))
  }
  process.exit(failed)
}

const provider = providerArg as BenchProvider
const size = Number(process.env.BENCH_SIZE)
const { file, url, db, agency } = await prepareBenchDatabase(`bench_assign_${size}`, 'http://localhost:3999', provider)
const { getLessonOutline } = await import('../lib/content/lessons.server')
const { assignToCohort } = await import('../lib/hr/cohorts.server')
const { seedUser } = await import('../prisma/seed/seeders')

await db.unit.createMany({ data: Array.from({ length: 12 }, (_, i) => ({ agencyId: agency.id, name: `Unit ${i + 1}` })) })
const units = (await db.unit.findMany({ where: { agencyId: agency.id }, select: { id: true } })).map((unit) => unit.id)
const officer = await seedUser(db, { name: 'Petugas SDM', email: 'hr-assign@contoh.go.id', password: 'Bench-password-1', role: 'hr', agencyId: agency.id })
const dueDate = new Date('2026-12-31T16:59:59Z')
const first = await db.cohort.create({ data: { agencyId: agency.id, name: 'Orientasi 2026', kind: 'onboarding', year: 2026, dueDate } })
const second = await db.cohort.create({ data: { agencyId: agency.id, name: 'Orientasi 2026 Gelombang 2', kind: 'onboarding', year: 2026, dueDate } })
await db.$disconnect()
await seedPeople(provider === 'sqlite' ? sqliteWriter(file) : postgresWriter(url), {
  people: size,
  agency,
  units: [...units, null],
  cohorts: [],
  lessonSlugs: getLessonOutline().map((lesson) => lesson.slug),
  cohortsOf: () => [],
  name: (i) => `Peserta ${i}`,
  identity: (i) => (i % 4 === 0 ? 'claimed' : 'verified'),
})

const hr = { id: officer.id, agencyId: agency.id }
let started = performance.now()
const assigned = await assignToCohort(hr, first.id, { target: 'semua' })
const assignMs = Math.round(performance.now() - started)
started = performance.now()
const moved = await assignToCohort(hr, second.id, { target: 'semua' })
const moveMs = Math.round(performance.now() - started)
const counted = await db.enrolmentCount.aggregate({ where: { cohortId: second.id }, _sum: { n: true } })
if (assigned.added < size || moved.moved !== assigned.added || counted._sum.n !== moved.moved) {
  throw new Error(`wrong result: ${JSON.stringify({ assigned, moved: moved.moved, counted: counted._sum.n })}`)
}
console.log(`${provider}, ${size.toLocaleString('en')} people: assigned in ${assignMs} ms, moved in ${moveMs} ms`)
await db.$disconnect()
console.log(JSON.stringify({ size, assignMs, moveMs }))
