/**
 * Learners during a roster import, on SQLite. `npm run bench:import-load` (needs a production
 * build: `npx next build`)
 * A scratch SQLite database with signed-in learners (open post-test attempts) and an HR officer;
 * the production server on it; learners save lesson progress and submit quizzes through the real
 * endpoints at a fixed rate, first alone (baseline), then while HR imports a 50,000-row roster
 * through the real import route (after its preview, as HR does it). Prints p50/p99 and errors of
 * the learner requests in both windows and the import's phases (its Server-Timing header).
 * Last line: {"rows", "provider", "duringImport": {"p99Ms", "errors"}, "importMs", "publishMs"}.
 * Target: learner p99 < 250 ms and 0 errors during the import.
 */
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { prepareBenchDatabase } from './lib/bench-database'
import { benchRosterCsv } from './lib/bench-roster-file'
import { measureLearnersDuringImport, type LearnerRequest } from './lib/import-load'
import { startNextServer } from './lib/next-server'

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000)
const PORT = Number(process.env.BENCH_PORT ?? 3420)
const RATE = Number(process.env.BENCH_RATE ?? 30)
const LEARNERS = 30
const ATTEMPTS_PER_LEARNER = 60
const base = `http://localhost:${PORT}`

const { db, agency, sessionCookie } = await prepareBenchDatabase('bench-import-load', base)
const { seedUser } = await import('../prisma/seed/seeders')
const { getQuestionBank } = await import('../lib/assessment/bank.server')
const { getLessonOutline } = await import('../lib/content/lessons.server')
const { draw, POST_TEST_BLUEPRINT } = await import('../lib/quiz')
await seedUser(db, { name: 'HR Bench', email: 'hr-import@contoh.go.id', password: 'Bench-password-1', role: 'hr', agencyId: agency.id })
const hrCookie = await sessionCookie('hr-import@contoh.go.id', 'Bench-password-1')
const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Bench' } })
const { bank } = getQuestionBank()
const slugs = getLessonOutline().map((lesson) => lesson.slug)
const submissions: LearnerRequest[] = []
const saves: LearnerRequest[] = []
for (let i = 0; i < LEARNERS; i++) {
  const email = `belajar-${i}@contoh.go.id`
  const user = await seedUser(db, { name: `Pembelajar ${i}`, email, password: 'Bench-password-1', agencyId: agency.id })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
  const cookie = await sessionCookie(email, 'Bench-password-1')
  const rows = []
  for (let j = 0; j < ATTEMPTS_PER_LEARNER; j++) {
    const id = `load-${i}-${j}`
    const attempt = draw(bank, POST_TEST_BLUEPRINT, id)
    rows.push({ id, userId: user.id, enrolmentId: enrolment.id, kind: 'posttest' as const, contentVersion: 'bench', seed: id, items: JSON.stringify(attempt), expiresAt: new Date(Date.now() + 3_600_000) })
    const responses = Object.fromEntries(
      attempt.items.map((item) => [
        item.itemId,
        item.type === 'judge' ? { verdict: 'tidak', reasonId: item.reasonOrder[0] } : item.type === 'multi' ? { optionIds: [item.optionOrder[0]] } : { optionId: item.optionOrder[0] },
      ]),
    )
    submissions.push({ path: `/api/attempts/${id}/submit`, cookie, body: JSON.stringify({ responses }) })
  }
  await db.quizAttempt.createMany({ data: rows })
  for (const slug of slugs) {
    saves.push({ path: `/api/progress/${slug}`, cookie, body: JSON.stringify({ state: { checklists: {}, answers: {}, verdicts: {}, position: null, reachedEnd: false } }) })
  }
}
await db.$disconnect()
// Interleave learners; alternate a progress save and a quiz submission.
submissions.sort((a, b) => a.path.split('-').at(-1)!.localeCompare(b.path.split('-').at(-1)!, undefined, { numeric: true }))
let sent = 0
const nextRequest = (): LearnerRequest => {
  const n = sent++
  if (n % 2 === 1 && n >> 1 < submissions.length) return submissions[n >> 1]!
  return saves[n % saves.length]!
}

const file = benchRosterCsv(ROWS, agency.units)
console.log(`roster: ${ROWS.toLocaleString('en')} rows, ${(file.length / 1e6).toFixed(1)} MB; ${LEARNERS} learners at ${RATE} requests/s (half progress saves, half quiz submissions)`)
const server = await startNextServer(PORT, {})
const hrRequest = (path: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { cookie: hrCookie, origin: base, 'content-type': 'text/csv', 'x-file-name': 'daftar.csv' }, body: new Uint8Array(file) })
let exitCode = 0
try {
  let start = performance.now()
  const preview = await hrRequest('/api/hr/roster/preview')
  const previewBody = (await preview.json()) as { counts?: unknown }
  if (!preview.ok) throw new Error(`preview: HTTP ${preview.status} ${JSON.stringify(previewBody)}`)
  console.log(`preview: ${Math.round(performance.now() - start)} ms, ${JSON.stringify(previewBody.counts)}`)
  start = performance.now()
  const result = await measureLearnersDuringImport({ base, nextRequest, ratePerSecond: RATE, baselineMs: 5000, warmUp: 20, runImport: () => hrRequest('/api/hr/roster/import') })
  if (result.importStatus !== 200) throw new Error(`import: HTTP ${result.importStatus} ${result.importBody}`)
  const { baseline, duringImport } = result
  console.log(`import:  ${result.importMs} ms (HTTP ${result.importStatus}), phases ${JSON.stringify(result.phases)}, ${result.importBody}`)
  console.log(`learners without import: ${baseline.requests} requests, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms, max ${baseline.maxMs} ms, ${baseline.errors} errors, statuses ${JSON.stringify(baseline.statuses)}`)
  console.log(`learners during import:  ${duringImport.requests} requests, p50 ${duringImport.p50Ms} ms, p99 ${duringImport.p99Ms} ms, max ${duringImport.maxMs} ms, ${duringImport.errors} errors, statuses ${JSON.stringify(duringImport.statuses)} (target p99 < 250 ms, 0 errors)`)
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${os.cpus().length} cores; git ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}`)
  if (duringImport.p99Ms >= 250 || duringImport.errors > 0) exitCode = 1
  console.log(
    JSON.stringify({
      rows: ROWS,
      provider: 'sqlite',
      duringImport: { p99Ms: duringImport.p99Ms, errors: duringImport.errors },
      importMs: result.importMs,
      publishMs: result.phases.publish ?? null,
    }),
  )
} finally {
  await server.stop()
}
process.exit(exitCode)
