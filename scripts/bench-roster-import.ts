/**
 * A 50,000-row roster through the real import service on a scratch SQLite database: preview
 * (read, validate, classify against the database), then import (read and classify again, write
 * everything in one transaction), as HR does it. `npm run bench:roster-import`
 * Readable lines, then one JSON object: {"rows", "previewMs", "importMs", "totalMs", "peakRssMb", "created"}.
 */
import { Readable } from 'node:stream'
import { prepareBenchDatabase } from './lib/bench-database'
import { benchRosterCsv } from './lib/bench-roster-file'
import { summariseStalls, watchEventLoop } from './lib/event-loop-stalls'

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000)
const { db, agency } = await prepareBenchDatabase('bench-roster-import', 'http://localhost:3000')
const { previewRosterUpload, importRosterUpload } = await import('../lib/hr/roster-import.server')
const { seedUser } = await import('../prisma/seed/seeders')
const hr = await seedUser(db, { name: 'HR', email: 'hr-roster@contoh.go.id', password: 'Bench-password-1', role: 'hr', agencyId: agency.id })
const officer = { id: hr.id, agencyId: agency.id }

const file = benchRosterCsv(ROWS, agency.units)
const upload = () => ({ body: Readable.from([file]) as unknown as AsyncIterable<Uint8Array>, fileName: 'daftar.csv' })
console.log(`roster: ${ROWS.toLocaleString('en')} rows, ${(file.length / 1e6).toFixed(1)} MB`)

let peak = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
let start = performance.now()
const preview = await previewRosterUpload(officer, upload())
const previewMs = Math.round(performance.now() - start)
console.log(`preview: ${previewMs} ms, ${JSON.stringify(preview.counts)}`)
const loop = watchEventLoop(20)
start = performance.now()
let timings: Record<string, number> = {}
const counts = await importRosterUpload(officer, upload(), new Map(), { onTimings: (t) => (timings = t) })
const importMs = Math.round(performance.now() - start)
// One turn of the event loop, so the watcher sees the stall that ended with the import.
await new Promise((resolve) => setTimeout(resolve, 5))
loop.stop()
clearInterval(sampler)
// The event loop's stalls (> 20 ms) per phase of the import: what a learner's request may wait behind.
const stalls: Record<string, ReturnType<typeof summariseStalls>> = {}
let from = start
for (const [phase, ms] of Object.entries(timings)) {
  // The last phase takes every stall up to the end (timings are rounded).
  const to = phase === 'cleanup' ? Infinity : from + ms
  stalls[phase] = summariseStalls(loop.between(from, to))
  from = to
}
console.log(`import phases (ms): ${JSON.stringify(timings)}`)
if (process.env.BENCH_VERBOSE) {
  for (const s of loop.all().filter((s) => s.ms > 100)) console.log(`stall from ${Math.round(s.at - start)} ms: ${Math.round(s.ms)} ms (cpu ${Math.round(s.cpuMs)} ms)`)
}
console.log(`event-loop stalls > 20 ms per phase: ${JSON.stringify(stalls)}`)
const created = await db.user.count({ where: { agencyId: agency.id, grants: { none: {} } } })
console.log(`import:  ${importMs} ms, ${counts.create.toLocaleString('en')} accounts created (${created.toLocaleString('en')} in the database)`)
console.log(`preview + import: ${previewMs + importMs} ms (target < 30,000 ms), peak RSS ${Math.round(peak / 1e6)} MB`)
await db.$disconnect()
const longestStallMs = Math.max(0, ...Object.values(stalls).map((s) => s.maxMs))
const longestStallCpuMs = Math.max(0, ...Object.values(stalls).map((s) => s.maxCpuMs))
console.log(JSON.stringify({ rows: ROWS, previewMs, importMs, totalMs: previewMs + importMs, peakRssMb: Math.round(peak / 1e6), created, longestStallMs, longestStallCpuMs }))
