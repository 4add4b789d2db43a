/**
 * Item statistics over 1,000,000 recorded answers. `npm run bench:item-stats [-- --answers N]`
 * 1. Builds a scratch, migrated SQLite database (tests/.data/bench-item-stats.db) with N recorded
 *    answers (default 1,000,000) in submitted post-test attempts of 15 items, answered by
 *    simulated learners and scored by the real scorer (prisma/seed/recorded-answers.ts); bulk
 *    insert with better-sqlite3 in one transaction.
 * 2. In a fresh child process (so its memory is the statistics' alone), runs what the admin's
 *    "Bank soal" page runs (lib/quiz/item-statistics.server.ts: one aggregate statement through
 *    Prisma, then the pure functions) once to warm up and RUNS more times; reports the median and
 *    the child's peak RSS next to its RSS before the first run.
 * Prints readable lines, then on the last line exactly {"answers": N, "ms": x, "peakRssMb": x}.
 */
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = 5
const ITEMS_PER_ATTEMPT = 15

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

const measureFile = argValue('--measure')
if (measureFile) await measure(measureFile)
else await build()

async function build() {
  const target = Number(argValue('--answers') ?? 1_000_000)
  if (!Number.isInteger(target) || target < ITEMS_PER_ATTEMPT) throw new Error('--answers must be an integer >= 15')
  const { prepareBenchDatabase } = await import('./lib/bench-database')
  const { file, db } = await prepareBenchDatabase('bench-item-stats', 'http://localhost:3000')
  const { getQuestionBank } = await import('../lib/assessment/bank.server')
  const { simulateAttempt, simulationRng } = await import('../prisma/seed/recorded-answers')
  const Database = (await import('better-sqlite3')).default
  const { bank } = getQuestionBank()

  // One attempt through Prisma, so the bulk rows store dates exactly as the app does.
  const user = await db.user.create({ data: { id: 'bench-item-stats', name: 'Peserta simulasi', email: 'bench-item-stats@contoh.go.id' } })
  const now = new Date()
  await db.quizAttempt.create({
    data: { id: 'template', userId: user.id, kind: 'posttest', contentVersion: 'bench', seed: 'template', items: '{}', expiresAt: now, submittedAt: now, score: 0, passed: false },
  })
  await db.$disconnect()

  const started = performance.now()
  const sqlite = new Database(file)
  const template = sqlite.prepare('SELECT "startedAt", "expiresAt", "submittedAt" FROM "quiz_attempt" WHERE "id" = ?').get('template') as Record<string, unknown>
  sqlite.prepare('DELETE FROM "quiz_attempt" WHERE "id" = ?').run('template')
  const insertAttempt = sqlite.prepare(
    `INSERT INTO "quiz_attempt" ("id", "userId", "kind", "contentVersion", "seed", "items", "startedAt", "expiresAt", "submittedAt", "score", "passed")
     VALUES (?, ?, 'posttest', 'bench', ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertAnswer = sqlite.prepare('INSERT INTO "quiz_answer" ("attemptId", "itemId", "response", "credit") VALUES (?, ?, ?, ?)')
  const rng = simulationRng('bench-item-stats')
  let answers = 0
  sqlite.transaction(() => {
    for (let index = 0; answers < target; index++) {
      const { attempt, answers: scored } = simulateAttempt(bank, index, ITEMS_PER_ATTEMPT, rng)
      const rows = scored.slice(0, target - answers)
      const total = rows.reduce((sum, a) => sum + a.credit, 0)
      const id = `bench-${index}`
      const scorePercent = Math.round((total / rows.length) * 1000) / 10
      insertAttempt.run(id, user.id, attempt.seed, JSON.stringify(attempt), template.startedAt, template.expiresAt, template.submittedAt, scorePercent, scorePercent >= 80 ? 1 : 0)
      for (const answer of rows) insertAnswer.run(id, answer.itemId, answer.response, answer.credit)
      answers += rows.length
    }
  })()
  const counted = (sqlite.prepare('SELECT COUNT(*) AS n FROM "quiz_answer"').get() as { n: number }).n
  sqlite.close()
  console.log(`built ${counted.toLocaleString('en')} recorded answers (${bank.items.length} bank items) in ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const output = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', path.join(root, 'scripts/bench-item-stats.ts'), '--measure', file], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  })
  const lines = output.trim().split('\n')
  for (const line of lines.slice(0, -1)) console.log(line)
  const result = JSON.parse(lines.at(-1)!) as { ms: number; peakRssMb: number }
  console.log(JSON.stringify({ answers: counted, ms: result.ms, peakRssMb: result.peakRssMb }).replaceAll(',', ', ').replaceAll(':', ': '))
}

async function measure(file: string) {
  process.env.DATABASE_URL = `file:${file}`
  process.env.BETTER_AUTH_SECRET ??= 'benchmark-secret-0123456789abcdefghijklmnop'
  const { createDbClient } = await import('../lib/db/create-client')
  const { getItemStatistics } = await import('../lib/quiz/item-statistics.server')
  const { getQuestionBank } = await import('../lib/assessment/bank.server')
  const { db } = createDbClient(`file:${file}`)
  getQuestionBank()
  await db.$queryRaw`SELECT 1`
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
  const rssBefore = mb(process.memoryUsage().rss)
  const times: number[] = []
  const cpuTimes: number[] = []
  let flagged = 0
  for (let run = 0; run <= RUNS; run++) {
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const stats = await getItemStatistics(db, 'posttest')
    const ms = performance.now() - t0
    // SQLite runs in this process: its CPU time is the work itself, whatever else the machine does.
    const cpu = process.cpuUsage(cpu0)
    const cpuMs = (cpu.user + cpu.system) / 1000
    if (run > 0) {
      times.push(ms)
      cpuTimes.push(cpuMs)
    }
    flagged = stats.filter((s) => s.flags.length > 0).length
    console.log(`  run ${run === 0 ? 'warm-up' : run}: ${Math.round(ms)} ms wall, ${Math.round(cpuMs)} ms CPU (${stats.length} items, ${flagged} flagged)`)
  }
  await db.$disconnect()
  times.sort((a, b) => a - b)
  cpuTimes.sort((a, b) => a - b)
  const median = Math.round(times[Math.floor(times.length / 2)]!)
  const cpuMedian = Math.round(cpuTimes[Math.floor(cpuTimes.length / 2)]!)
  const peak = mb(process.resourceUsage().maxRSS * 1024)
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`)
  console.log(`statistics: median ${median} ms wall (${cpuMedian} ms CPU) over ${RUNS} runs; RSS ${rssBefore} MB before the first run, peak ${peak} MB`)
  console.log(JSON.stringify({ ms: median, peakRssMb: peak }))
}
