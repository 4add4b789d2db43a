/**
 * Putting a whole agency into a cohort. `npm run bench:assign [-- --provider sqlite|postgresql]`
 * (PostgreSQL needs TEST_POSTGRES_URL, and runs by default when it is set).
 *
 * For each size in BENCH_SIZES (default 4000,16000,64000): a fresh database with that many people
 * of one agency (no enrolment), then HR's "semua" assignment into a cohort and the same people
 * moved to a second cohort of the same cycle, each as the background job of decision 049 (batches
 * of lib/hr/assignment-jobs.server.ts, one transaction each, the dashboard's count triggers).
 * Meanwhile a learner's lesson save (a small write transaction on the same database client, as
 * the app's progress route makes) runs every 25 ms and is timed: what learners feel during an
 * assignment. Per size: total time, the longest batch, and the learner saves' median and p99.
 * The last JSON line gives milliseconds per size and `growth`, the time per person at the largest
 * size over the time per person at the smallest (1 = linear).
 * {"provider": "sqlite", "assignMs": {"4000": x, ...}, "moveMs": {...}, "batchMaxMs": {...},
 *  "learnerP99Ms": {...}, "learnerAloneP99Ms": {...}, "growth": {"assign": x, "move": x}}
 * learnerAloneP99Ms: the same learners' saves for 5 s between the two jobs, with no job running.
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
    const batchMaxMs: Record<string, number> = {}
    const learnerP99Ms: Record<string, number> = {}
    const learnerAloneP99Ms: Record<string, number> = {}
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
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { assignMs: number; moveMs: number; batchMaxMs: number; learnerP99Ms: number; learnerAloneP99Ms: number }
      assignMs[size] = result.assignMs
      moveMs[size] = result.moveMs
      batchMaxMs[size] = result.batchMaxMs
      learnerP99Ms[size] = result.learnerP99Ms
      learnerAloneP99Ms[size] = result.learnerAloneP99Ms
    }
    const [smallest, largest] = [Math.min(...SIZES), Math.max(...SIZES)]
    const growth = (ms: Record<string, number>) => Math.round((ms[largest]! / largest / (ms[smallest]! / smallest)) * 100) / 100
    console.log(JSON.stringify({ provider, assignMs, moveMs, batchMaxMs, learnerP99Ms, learnerAloneP99Ms, growth: { assign: growth(assignMs), move: growth(moveMs) } }))
  }
  process.exit(failed)
}

const provider = providerArg as BenchProvider
const size = Number(process.env.BENCH_SIZE)
const { file, url, db, agency } = await prepareBenchDatabase(`bench_assign_${size}`, 'http://localhost:3999', provider)
const { getLessonOutline } = await import('../lib/content/lessons.server')
const { applyNextBatch, claimNextAssignment, startAssignment } = await import('../lib/hr/assignment-jobs.server')
const { nextTurn } = await import('../lib/roster/next-turn')
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
const learners = (await db.user.findMany({ where: { agencyId: agency.id, nip: { not: null } }, select: { id: true }, take: 500 })).map((user) => user.id)
const slugs = getLessonOutline().map((lesson) => lesson.slug)

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
}

let learnerTurn = 0
/**
 * A learner saving a lesson every 25 ms until `stop()` (a small write transaction, as the progress
 * route makes), each save timed into `into`. The learners are the agency's first 500 people, who
 * are in the first batches; a save that starts a lesson can move the person's enrolment from
 * "belum" to "mulai" in the dashboard's counts.
 */
async function learnerSaves(into: number[], stop: () => boolean) {
  while (!stop()) {
    const n = learnerTurn++
    const userId = learners[n % learners.length]!
    const slug = slugs[n % slugs.length]!
    const started = performance.now()
    await db.$transaction((tx) =>
      tx.lessonProgress.upsert({
        where: { userId_lessonSlug: { userId, lessonSlug: slug } },
        create: { userId, lessonSlug: slug, contentVersion: 'bench', activeSeconds: 5 },
        update: { activeSeconds: { increment: 5 } },
      }),
    )
    into.push(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** HR's assignment as the app runs it in the background: queued, claimed, batch after batch. */
async function assignInBackground(cohortId: string) {
  const outcome = await startAssignment(hr, cohortId, { target: 'semua' }, { inlineLimit: 0 })
  const claimer = 'bench'
  if ((await claimNextAssignment(claimer)) !== outcome.jobId) throw new Error('the job was not claimed')
  const batches: number[] = []
  const learnerMs: number[] = []
  let done = false
  let skipped = 0
  const learner = learnerSaves(learnerMs, () => done)
  const started = performance.now()
  for (;;) {
    const batchStarted = performance.now()
    const step = await applyNextBatch(outcome.jobId, claimer)
    batches.push(performance.now() - batchStarted)
    if (step.state === 'done') {
      done = true
      await learner
      return { ms: Math.round(performance.now() - started), result: step.result, batches, learnerMs, skipped }
    }
    if (step.state !== 'more') throw new Error(`batch ${step.state}`)
    if (!step.progressed) skipped++
    await nextTurn()
  }
}

const assigned = await assignInBackground(first.id)
// The same learners, now enrolled, for 5 s with no assignment running: what the machine gives
// them anyway (on a shared machine most of a p99 may be the machine).
const aloneMs: number[] = []
const aloneUntil = performance.now() + 5_000
await learnerSaves(aloneMs, () => performance.now() > aloneUntil)
const moved = await assignInBackground(second.id)
const [assignMs, moveMs] = [assigned.ms, moved.ms]
const counted = await db.enrolmentCount.aggregate({ where: { cohortId: second.id }, _sum: { n: true } })
if (assigned.result.added < size || moved.result.moved !== assigned.result.added || counted._sum.n !== moved.result.moved) {
  throw new Error(`wrong result: ${JSON.stringify({ assigned: assigned.result, moved: moved.result.moved, counted: counted._sum.n })}`)
}
const batchMs = [...assigned.batches, ...moved.batches]
const learnerMs = [...assigned.learnerMs, ...moved.learnerMs]
const batchMaxMs = Math.round(Math.max(...batchMs))
const learnerP99Ms = percentile(learnerMs, 99)
console.log(
  `${provider}, ${size.toLocaleString('en')} people: assigned in ${assignMs} ms, moved in ${moveMs} ms; ${batchMs.length} batches, median ${percentile(batchMs, 50)} ms, longest ${batchMaxMs} ms; ` +
    `${learnerMs.length} learner saves meanwhile: median ${percentile(learnerMs, 50)} ms, p99 ${learnerP99Ms} ms, longest ${Math.round(Math.max(...learnerMs))} ms; ` +
    `${aloneMs.length} with no assignment running: median ${percentile(aloneMs, 50)} ms, p99 ${percentile(aloneMs, 99)} ms`,
)
await db.$disconnect()
console.log(JSON.stringify({ size, assignMs, moveMs, batchMaxMs, learnerP99Ms, learnerAloneP99Ms: percentile(aloneMs, 99) }))
