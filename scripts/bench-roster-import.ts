/**
 * A 50,000-row roster through the real import service on a scratch SQLite database: preview
 * (read, validate, classify against the database), then import (read and classify again, write
 * everything in one transaction), as HR does it. `npm run bench:roster-import`
 * Readable lines, then one JSON object: {"rows", "previewMs", "importMs", "totalMs", "peakRssMb", "created"}.
 */
import { Readable } from 'node:stream'
import { prepareBenchDatabase } from './lib/bench-database'
import { benchRosterCsv } from './lib/bench-roster-file'

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
start = performance.now()
const counts = await importRosterUpload(officer, upload())
const importMs = Math.round(performance.now() - start)
clearInterval(sampler)
const created = await db.user.count({ where: { agencyId: agency.id, role: 'learner' } })
console.log(`import:  ${importMs} ms, ${counts.create.toLocaleString('en')} accounts created (${created.toLocaleString('en')} in the database)`)
console.log(`preview + import: ${previewMs + importMs} ms (target < 30,000 ms), peak RSS ${Math.round(peak / 1e6)} MB`)
await db.$disconnect()
console.log(JSON.stringify({ rows: ROWS, previewMs, importMs, totalMs: previewMs + importMs, peakRssMb: Math.round(peak / 1e6), created }))
