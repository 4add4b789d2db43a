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
import { formatByPhase, importDuringLearnerLoad, prepareLearners } from './lib/import-load'
import { startNextServer } from './lib/next-server'

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000)
const PORT = Number(process.env.BENCH_PORT ?? 3420)
const RATE = Number(process.env.BENCH_RATE ?? 30)
const LEARNERS = 30
const ATTEMPTS_PER_LEARNER = 60
const base = `http://localhost:${PORT}`

const { db, agency, sessionCookie } = await prepareBenchDatabase('bench-import-load', base)
const { seedUser } = await import('../prisma/seed/seeders')
await seedUser(db, { name: 'HR Bench', email: 'hr-import@contoh.go.id', password: 'Bench-password-1', role: 'hr', agencyId: agency.id })
const hrCookie = await sessionCookie('hr-import@contoh.go.id', 'Bench-password-1')
const nextRequest = await prepareLearners(db, agency.id, sessionCookie, { learners: LEARNERS, attemptsPerLearner: ATTEMPTS_PER_LEARNER })
await db.$disconnect()

const file = benchRosterCsv(ROWS, agency.units)
console.log(`roster: ${ROWS.toLocaleString('en')} rows, ${(file.length / 1e6).toFixed(1)} MB; ${LEARNERS} learners at ${RATE} requests/s (half progress saves, half quiz submissions)`)
const server = await startNextServer(PORT, {})
let exitCode = 0
try {
  const result = await importDuringLearnerLoad({ base, hrCookie, file, nextRequest, ratePerSecond: RATE })
  console.log(`preview: ${result.previewMs} ms, ${JSON.stringify(result.previewCounts)}`)
  const { baseline, duringImport } = result
  console.log(`import:  ${result.importMs} ms (HTTP ${result.importStatus}), phases ${JSON.stringify(result.phases)}, ${result.importBody}`)
  console.log(`learners by import phase: ${formatByPhase(result.byPhase)}`)
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
