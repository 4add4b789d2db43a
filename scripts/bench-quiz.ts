/**
 * Quiz performance. `npm run bench:quiz`
 * 1. draw + score of one 15-item attempt in-process (scripts/bench-quiz-scoring.ts).
 * 2. The submission endpoint under autocannon (50 connections, 10 s) on the SQLite default,
 *    every request a different attempt of one of 50 signed-in learners, next to a trivial
 *    dynamic route (/api/health) measured in the same run. Then checks that every 2xx
 *    submission was recorded exactly once.
 * Prints readable lines, then one JSON object on the last line, with idlePressurePct: the share of
 * 5 s before the server starts in which some task waited for a CPU (scripts/lib/cpu-pressure.ts).
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { prepareBenchDatabase } from './lib/bench-database'
import { reportIdleCpuPressure } from './lib/cpu-pressure'
import { startNextServer } from './lib/next-server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PORT = Number(process.env.BENCH_PORT ?? 3400)
const base = `http://localhost:${PORT}`
const LEARNERS = 50
const ATTEMPTS_PER_LEARNER = 160
const CONNECTIONS = 50
const DURATION_S = 10

// 1. In-process draw + score.
const micro = JSON.parse(
  execFileSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/bench-quiz-scoring.ts')], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1) as string,
) as { drawScoreMedianUs: number }
console.log(`draw + score of one 15-item attempt: median ${micro.drawScoreMedianUs} µs`)

// 2. A scratch database with learners, sessions and open attempts.
const { file: DB_FILE, db, agency, sessionCookie } = await prepareBenchDatabase('bench-quiz', base)
const { seedUser } = await import('../prisma/seed/seeders')
const { getQuestionBank } = await import('../lib/assessment/bank.server')
const { draw, POST_TEST_BLUEPRINT } = await import('../lib/quiz')
const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Bench' } })
const { bank } = getQuestionBank()
type Job = { path: string; cookie: string; body: string }
const jobs: Job[] = []
for (let i = 0; i < LEARNERS; i++) {
  const email = `bench-${i}@contoh.go.id`
  const user = await seedUser(db, { name: `Peserta ${i}`, email, password: 'Bench-password-1', agencyId: agency.id })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
  const cookie = await sessionCookie(email, 'Bench-password-1')
  const rows = []
  for (let j = 0; j < ATTEMPTS_PER_LEARNER; j++) {
    const attempt = draw(bank, POST_TEST_BLUEPRINT, `bench-${i}-${j}`)
    const id = `bench-${i}-${j}`
    rows.push({ id, userId: user.id, enrolmentId: enrolment.id, kind: 'posttest' as const, contentVersion: 'bench', seed: id, items: JSON.stringify(attempt), expiresAt: new Date(Date.now() + 3_600_000) })
    // A plausible answer to every item: the first option shown (or "tidak" and the first reason).
    const responses = Object.fromEntries(
      attempt.items.map((item) => [
        item.itemId,
        item.type === 'judge' ? { verdict: 'tidak', reasonId: item.reasonOrder[0] } : item.type === 'multi' ? { optionIds: [item.optionOrder[0]] } : { optionId: item.optionOrder[0] },
      ]),
    )
    jobs.push({ path: `/api/attempts/${id}/submit`, cookie, body: JSON.stringify({ responses }) })
  }
  await db.quizAttempt.createMany({ data: rows })
}
await db.$disconnect()
// Interleave learners, so concurrent requests come from different people.
jobs.sort((a, b) => a.path.split('-').at(-1)!.localeCompare(b.path.split('-').at(-1)!, undefined, { numeric: true }))
console.log(`prepared ${LEARNERS} learners with ${jobs.length} open attempts in ${path.relative(root, DB_FILE)}`)

// 3. The production server on that database.
// How busy the machine is from outside, before the server starts (scripts/lib/cpu-pressure.ts).
const idlePressurePct = await reportIdleCpuPressure()
const server = await startNextServer(PORT, {})

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10
}

async function load(label: string, options: Parameters<typeof autocannon>[0]) {
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, connections: CONNECTIONS, duration: DURATION_S }, (error, done) =>
      error ? reject(error) : resolve(done),
    )
    instance.on('response', (_client, status, _bytes, time) => {
      latencies.push(time)
      statuses[status] = (statuses[status] ?? 0) + 1
    })
  })
  const summary = {
    requestsPerSec: Math.round(result.requests.average),
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
  }
  console.log(
    `${label.padEnd(22)} ${summary.requestsPerSec} req/s, p50 ${summary.latencyP50Ms} ms, p95 ${summary.latencyP95Ms} ms, ${summary.non2xx} non-2xx, ${summary.errors} errors`,
  )
  return summary
}

let next = 0
const trivial = await load('trivial /api/health', { url: `${base}/api/health` })
const submit = await load('submission endpoint', {
  url: base,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        const job = jobs[next++ % jobs.length] as Job
        return { ...request, path: job.path, body: job.body, headers: { 'content-type': 'application/json', cookie: job.cookie } }
      },
    },
  ],
})
// Let the server finish the requests still in flight before counting.
await server.stop()

// 4. Exactly once: every submitted attempt has exactly its answers, every 2xx is recorded, and
// nothing is recorded that was not sent (requests cut off at the end may be recorded unanswered).
const Database = (await import('better-sqlite3')).default
const check = new Database(DB_FILE, { readonly: true })
const recorded = (check.prepare('SELECT COUNT(*) AS n FROM quiz_attempt WHERE submittedAt IS NOT NULL').get() as { n: number }).n
const answers = (check.prepare('SELECT COUNT(*) AS n FROM quiz_answer').get() as { n: number }).n
const inconsistent = (
  check
    .prepare(
      `SELECT COUNT(*) AS n FROM quiz_attempt a WHERE (a.submittedAt IS NULL AND EXISTS (SELECT 1 FROM quiz_answer q WHERE q.attemptId = a.id))
         OR (a.submittedAt IS NOT NULL AND (SELECT COUNT(*) FROM quiz_answer q WHERE q.attemptId = a.id) <> ${POST_TEST_BLUEPRINT.size})`,
    )
    .get() as { n: number }
).n
check.close()
const sent = Math.min(next, jobs.length)
const exactlyOnce = inconsistent === 0 && recorded >= submit.ok2xx && recorded <= sent && next <= jobs.length
const ratio = Math.round((submit.requestsPerSec / trivial.requestsPerSec) * 100) / 100
console.log(
  `recorded ${recorded} submissions for ${submit.ok2xx} 2xx answers and ${sent} sent, ${answers} answer rows, ${inconsistent} inconsistent attempts: ${exactlyOnce ? 'exactly once' : 'MISMATCH'}`,
)
console.log(`submission throughput is ${ratio} × the trivial route's (target ≥ 0.5), ${submit.requestsPerSec} req/s (target ≥ 200)`)
console.log(
  JSON.stringify({
    drawScoreMedianUs: micro.drawScoreMedianUs,
    submit: { ...submit, recorded, exactlyOnce },
    trivial,
    submitToTrivialRatio: ratio,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    idlePressurePct,
  }),
)
process.exit(exactlyOnce ? 0 : 1)
