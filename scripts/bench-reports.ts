/**
 * Report streaming at scale. `npm run bench:reports` (needs a production build)
 * Seeds 100,000 learners of one agency with progress (lessons, pre- and post-tests,
 * certificates for some) into a scratch SQLite database, then downloads the completion report
 * as CSV (plain and for Excel) and as XLSX through the real endpoint, each from a fresh server, and prints
 * time-to-first-byte, total time and the server's peak RSS (VmHWM). Readable lines, then one
 * JSON object: {"rows": 100000, "csv": {"ttfbMs", "totalMs", "peakRssMb"}, "csvExcel": {…}, "xlsx": {…}}.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import Database from 'better-sqlite3'
import { prepareBenchDatabase } from './lib/bench-database'
import { startNextServer } from './lib/next-server'

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000)
const PORT = Number(process.env.BENCH_PORT ?? 3410)
const base = `http://localhost:${PORT}`
const { file: DB_FILE, db, agency, sessionCookie } = await prepareBenchDatabase('bench-reports', base)
const { seedUser } = await import('../prisma/seed/seeders')
const { getLessonOutline } = await import('../lib/content/lessons.server')
await seedUser(db, { name: 'HR Bench', email: 'hr-bench@contoh.go.id', password: 'Bench-password-1', role: 'hr', agencyId: agency.id })
const cohort = await db.cohort.create({
  data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi 2026', dueDate: new Date('2026-12-31T16:59:59Z') },
})
const cookie = await sessionCookie('hr-bench@contoh.go.id', 'Bench-password-1')
await db.$disconnect()

// Seeding 100,000 people through the ORM takes minutes; plain prepared statements take seconds.
const started = performance.now()
const sqlite = new Database(DB_FILE)
sqlite.pragma('journal_mode = WAL')
sqlite.pragma('synchronous = OFF')
const slugs = getLessonOutline().map((lesson) => lesson.slug)
const now = Date.now()
const insertUser = sqlite.prepare(
  `INSERT INTO "user" (id, name, email, emailVerified, nip, employmentType, role, agencyId, unitId, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?, 'learner', ?, ?, ?, ?)`,
)
const insertEnrolment = sqlite.prepare(`INSERT INTO enrolment (id, userId, cohortId, cycleKey, assignedAt) VALUES (?, ?, ?, 'onboarding', ?)`)
const insertProgress = sqlite.prepare(
  `INSERT INTO lesson_progress (id, userId, lessonSlug, contentVersion, state, completedAt, createdAt, updatedAt) VALUES (?, ?, ?, 'bench', '{}', ?, ?, ?)`,
)
const insertAttempt = sqlite.prepare(
  `INSERT INTO quiz_attempt (id, userId, enrolmentId, kind, contentVersion, seed, items, startedAt, expiresAt, submittedAt, score, passed) VALUES (?, ?, ?, ?, 'bench', 's', '{}', ?, ?, ?, ?, ?)`,
)
const insertCertificate = sqlite.prepare(
  `INSERT INTO certificate (id, number, year, sequence, code, userId, enrolmentId, cycleKey, attemptId, fullName, nip, agencyName, courseTitle, contentVersion, score, jp, completedAt, validUntil, signerName, signerTitle, issuedAt) VALUES (?, ?, 2026, ?, ?, ?, ?, 'onboarding', ?, ?, ?, ?, 'Bijak Bermedia Sosial bagi ASN', 'bench', ?, 2, ?, ?, 'Penandatangan', 'Kepala', ?)`,
)
const units = agency.units.map((unit) => unit.id)
const types = ['PNS', 'CPNS', 'PPPK']
let certificates = 0
sqlite.transaction(() => {
  for (let i = 0; i < ROWS; i++) {
    const userId = randomUUID()
    const enrolmentId = randomUUID()
    const nip = `19${String(60 + (i % 40)).padStart(2, '0')}0101202101${1 + (i % 2)}${String(i % 1000).padStart(3, '0')}`.slice(0, 14) + String(i).padStart(4, '0')
    const atMs = now - (i % 1000) * 60_000
    // Stored the way Prisma stores DateTime on SQLite: ISO-8601 text.
    const at = new Date(atMs).toISOString()
    const later = new Date(atMs + 3_600_000).toISOString()
    const yearLater = new Date(atMs + 365 * 86_400_000).toISOString()
    insertUser.run(userId, `Peserta ${i}, S.Sos.`, `peserta${i}@contoh.go.id`, nip, types[i % 3], agency.id, units[i % units.length], at, at)
    insertEnrolment.run(enrolmentId, userId, cohort.id, at)
    const lessonsDone = i % (slugs.length + 1)
    for (const slug of slugs.slice(0, lessonsDone)) insertProgress.run(randomUUID(), userId, slug, at, at, at)
    if (i % 4 === 0) insertAttempt.run(randomUUID(), userId, enrolmentId, 'pretest', at, later, at, 40 + (i % 50), 0)
    if (lessonsDone === slugs.length) {
      const attemptId = randomUUID()
      const passed = i % 3 !== 0
      insertAttempt.run(attemptId, userId, enrolmentId, 'posttest', at, later, at, passed ? 86.7 : 60, passed ? 1 : 0)
      if (passed) {
        certificates++
        insertCertificate.run(randomUUID(), `BBS/2026/${String(certificates).padStart(6, '0')}`, certificates, randomUUID().replaceAll('-', ''), userId, enrolmentId, attemptId, `Peserta ${i}, S.Sos.`, nip, agency.name, 86.7, at, yearLater, at)
      }
    }
  }
})()
sqlite.close()
console.log(`seeded ${ROWS.toLocaleString('en')} learners (${certificates.toLocaleString('en')} certificates) in ${Math.round(performance.now() - started)} ms`)

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
}

async function measure(format: 'csv' | 'csv-excel' | 'xlsx') {
  const server = await startNextServer(PORT, {})
  try {
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
    const result = { ttfbMs: Math.round(ttfbMs), totalMs: Math.round(totalMs), peakRssMb: peakRssMb(server.serverPid()), mb: Math.round(bytes / 1e5) / 10 }
    console.log(`${format.toUpperCase().padEnd(5)} first byte ${result.ttfbMs} ms, complete ${result.totalMs} ms, ${result.mb} MB, server peak RSS ${result.peakRssMb} MB`)
    return result
  } finally {
    await server.stop()
  }
}

const csv = await measure('csv')
// The CSV for Excel/LibreOffice (decision 016): NIP as ="…", decimal comma with ";".
const csvExcel = await measure('csv-excel')
const xlsx = await measure('xlsx')
console.log('targets: CSV < 5,000 ms, XLSX < 20,000 ms, peak RSS < 300 MB')
console.log(JSON.stringify({ rows: ROWS, csv: { ttfbMs: csv.ttfbMs, totalMs: csv.totalMs, peakRssMb: csv.peakRssMb }, csvExcel: { ttfbMs: csvExcel.ttfbMs, totalMs: csvExcel.totalMs, peakRssMb: csvExcel.peakRssMb }, xlsx: { ttfbMs: xlsx.ttfbMs, totalMs: xlsx.totalMs, peakRssMb: xlsx.peakRssMb } }))
