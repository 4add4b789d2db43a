/**
 * Crash safety (issue 15, decision 042). `npm run soak:crash [-- --provider sqlite|postgresql]`
 * (PostgreSQL needs TEST_POSTGRES_URL; the scratch database is `<its database>_soak_crash`).
 *
 * 1. Builds the app (`next build`; SOAK_REUSE_BUILD=1 keeps an existing .next), seeds a fresh
 *    database: learners who have done every lesson, each with open post-test attempts (the last
 *    one they will send passes), and learners in the middle of the lessons.
 * 2. Starts `next start` (SOAK_PORT, default 3180) and drives 50 concurrent clients over HTTP:
 *    quiz submissions and lesson-progress saves, each client recording what every 2xx
 *    acknowledged. Clients retry through restarts (same request, same body).
 * 3. SOAK_KILLS (10) times at random moments (seeded: SOAK_SEED, printed) kills the server's
 *    whole process group with SIGKILL and starts it again.
 * 4. Then checks the database: every acknowledged submission and save present exactly once, no
 *    half-written attempt, scores equal to the recorded answers, certificates and their attempts,
 *    audit entries and emails in step, certificate numbers gap-free per year, the enrolments'
 *    stored facts equal to the base tables, and the database's own integrity (SQLite:
 *    integrity_check and foreign_key_check; PostgreSQL: a query per foreign key for orphans, and
 *    amcheck where the extension is installed).
 *
 * Last line: {"kills", "acknowledged", "found", "lost", "duplicated", "integrity"}; exits 1 when
 * anything was lost or duplicated or integrity is not "ok".
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { prepareBenchDatabase, type BenchProvider } from './lib/bench-database'
import { certificateNumberProblems, lostSaves, soakLessonState, type SentSave } from './lib/crash-soak'
import { startNextServer } from './lib/next-server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const provider = (args.includes('--provider') ? args[args.indexOf('--provider') + 1] : 'sqlite') as BenchProvider
if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error('--provider sqlite|postgresql')
const PORT = Number(process.env.SOAK_PORT ?? 3180)
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 50)
const KILLS = Number(process.env.SOAK_KILLS ?? 10)
const QUIZ_LEARNERS = Number(process.env.SOAK_LEARNERS ?? 60)
/** Learners in the middle of the lessons; two clients share one, each saving its own lessons. */
const READERS = Math.ceil(CLIENTS / 2)
const ATTEMPTS = Number(process.env.SOAK_ATTEMPTS ?? 8)
const SEED = process.env.SOAK_SEED ?? String(Date.now() % 1_000_000)
const base = `http://localhost:${PORT}`
const started = performance.now()
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`.padStart(8)
const log = (line: string) => console.log(`[${elapsed()}] ${line}`)
log(`soak:crash on ${provider}: seed ${SEED}, ${CLIENTS} clients, ${KILLS} kills, ${QUIZ_LEARNERS} learners × up to ${ATTEMPTS} post-test attempts; load ${os.loadavg()[0]!.toFixed(1)}`)

// 1. Build, database, seed.
if (process.env.SOAK_REUSE_BUILD === '1' && fs.existsSync(path.join(root, '.next/BUILD_ID'))) {
  log('reusing the existing .next build (SOAK_REUSE_BUILD=1)')
} else {
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr)
    throw new Error('next build failed')
  }
  log('built (next build)')
}

const { db, agency, sessionCookie, file } = await prepareBenchDatabase('soak-crash', base, provider)
const { createRng, randomInt } = await import('../lib/quiz/rng')
const { seedUser, seedCertificateSigner } = await import('../prisma/seed/seeders')
const { DEMO_SIGNER } = await import('../prisma/seed/demo-data')
const { getQuestionBank } = await import('../lib/assessment/bank.server')
const { getLessonOutline } = await import('../lib/content/lessons.server')
const { draw, POST_TEST_BLUEPRINT } = await import('../lib/quiz')
type Attempt = ReturnType<typeof draw>
const rng = createRng(`soak-${SEED}`)
await seedCertificateSigner(db, DEMO_SIGNER)
const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Soak' } })
const { bank } = getQuestionBank()
const slugs = getLessonOutline().map((lesson) => lesson.slug)

/** The best answer to every item (passes), or the first option shown (usually fails). */
function responsesFor(attempt: Attempt, best: boolean) {
  return Object.fromEntries(
    attempt.items.map((drawn) => {
      const item = bank.itemById.get(drawn.itemId)!
      if (drawn.type === 'judge' && item.type === 'judge') {
        return [drawn.itemId, best ? { verdict: item.verdict, reasonId: item.reasons.find((r) => r.correct)!.id } : { verdict: 'tidak', reasonId: drawn.reasonOrder[0] }]
      }
      if (drawn.type !== 'judge' && item.type === 'multi') {
        return [drawn.itemId, { optionIds: best ? item.options.filter((o) => o.correct).map((o) => o.id) : [drawn.optionOrder[0]] }]
      }
      if (drawn.type !== 'judge' && item.type === 'single') {
        return [drawn.itemId, { optionId: best ? item.options.find((o) => o.credit === 1)!.id : drawn.optionOrder[0] }]
      }
      throw new Error(`item ${drawn.itemId} does not match its drawn type`)
    }),
  )
}

type Submission = { attemptId: string; cookie: string; body: string }
type Reader = { userId: string; cookie: string }
const submissionsOf: Submission[][] = Array.from({ length: CLIENTS }, () => [])
const readers: Reader[] = []
const password = 'Soak-password-1'
/** Signs a learner in (in this process, through better-auth) and returns the cookie header. */
async function signIn(email: string): Promise<string> {
  const cookie = await sessionCookie(email, password)
  if (!cookie.includes('session_token')) throw new Error(`sign-in of ${email} gave no session cookie`)
  return cookie
}
const { hashPassword } = await import('better-auth/crypto')
const passwordHash = await hashPassword(password)
/** Runs `work` over `items`, `limit` at a time (sign-ins hash passwords: CPU-bound). */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += limit) results.push(...(await Promise.all(items.slice(i, i + limit).map(work))))
  return results
}
const byClient: { learner: number; attempts: Submission[] }[][] = Array.from({ length: CLIENTS }, () => [])
const quizLearners = []
for (let i = 0; i < QUIZ_LEARNERS; i++) {
  const email = `soak-${i}@contoh.go.id`
  const user = await seedUser(db, { name: `Peserta Soak ${i}`, email, password, passwordHash, agencyId: agency.id, nip: `199001012015011${String(i).padStart(3, '0')}`, employmentType: 'PNS' })
  const enrolment = await db.enrolment.create({ data: { userId: user.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
  await db.lessonProgress.createMany({ data: slugs.map((slug) => ({ userId: user.id, lessonSlug: slug, contentVersion: 'soak', completedAt: new Date(), activeSeconds: 600 })) })
  quizLearners.push({ i, email, userId: user.id, enrolmentId: enrolment.id })
}
const quizCookies = await inBatches(quizLearners, 8, (learner) => signIn(learner.email))
for (const { i, userId, enrolmentId } of quizLearners) {
  const cookie = quizCookies[i]!
  // The learner fails 0..ATTEMPTS-1 times, then passes (and sends no more).
  const passesAt = randomInt(rng, ATTEMPTS)
  const rows = []
  const attempts: Submission[] = []
  for (let j = 0; j <= passesAt; j++) {
    const id = `soak-${i}-${j}`
    const attempt = draw(bank, POST_TEST_BLUEPRINT, id)
    rows.push({ id, userId, enrolmentId, kind: 'posttest' as const, contentVersion: 'soak', seed: id, items: JSON.stringify(attempt), expiresAt: new Date(Date.now() + 6 * 3_600_000) })
    attempts.push({ attemptId: id, cookie, body: JSON.stringify({ responses: responsesFor(attempt, j === passesAt) }) })
  }
  await db.quizAttempt.createMany({ data: rows })
  byClient[i % CLIENTS]!.push({ learner: i, attempts })
}
// A client sends its learners' attempts in turn (one learner's in order).
for (let c = 0; c < CLIENTS; c++) {
  const queues = byClient[c]!.map((learner) => [...learner.attempts])
  while (queues.some((queue) => queue.length)) for (const queue of queues) if (queue.length) submissionsOf[c]!.push(queue.shift()!)
}
// Learners in the middle of the lessons: the first lesson done, the rest being read.
const readerEmails: { email: string; userId: string }[] = []
for (let c = 0; c < READERS; c++) {
  const email = `soak-baca-${c}@contoh.go.id`
  const user = await seedUser(db, { name: `Pembaca Soak ${c}`, email, password, passwordHash, agencyId: agency.id, nip: `199001012015012${String(c).padStart(3, '0')}`, employmentType: 'PNS' })
  await db.enrolment.create({ data: { userId: user.id, cohortId: cohort.id, cycleKey: 'onboarding' } })
  await db.lessonProgress.create({ data: { userId: user.id, lessonSlug: slugs[0]!, contentVersion: 'soak', completedAt: new Date(), activeSeconds: 600 } })
  readerEmails.push({ email, userId: user.id })
}
const readerCookies = await inBatches(readerEmails, 8, (reader) => signIn(reader.email))
readerEmails.forEach((reader, c) => readers.push({ userId: reader.userId, cookie: readerCookies[c]! }))
// The lesson set the enrolments' stored facts count (decision 033), as the HR pages would set it.
const { ensureCurrentLessons } = await import('../lib/hr/enrolment-facts.server')
await ensureCurrentLessons()
await db.$disconnect()
const totalSubmissions = submissionsOf.reduce((n, list) => n + list.length, 0)
log(`seeded ${QUIZ_LEARNERS} learners ready for the post-test (${totalSubmissions} attempts to send) and ${READERS} mid-lesson`)

// 2. The server, the clients and the kills.
const logFile = path.join(root, `tests/.data/soak-crash-${provider}-server.log`)
fs.writeFileSync(logFile, '')
let server = await startNextServer(PORT, {}, { logFile })
let up: Promise<void> = Promise.resolve()
let markUp: () => void = () => {}
let stopping = false
/** Resolves at the first 2xx the running server sends (a kill then hits a server doing work). */
let servedOne: () => void = () => {}
let serving: Promise<void> = new Promise<void>((resolve) => (servedOne = resolve))
const stats = { networkErrors: 0, statuses: {} as Record<string, number>, inFlight: 0, committedUnacknowledged: 0, unexpected: [] as string[], latencies: [] as number[] }
type AckedSubmission = { attemptId: string; score: number; passed: boolean }
const ackedSubmissions: AckedSubmission[] = []
/** Per (reader, lesson): every save sent, in order. */
const savesOf = new Map<string, SentSave[]>()
let ackedSaves = 0

type Outcome = { status: number; body: string; networkErrors: number } | null
/** POSTs until the server answers something other than 5xx; null when abandoned at the very end. */
async function post(pathname: string, cookie: string, body: string, clientRng: () => number): Promise<Outcome> {
  let networkErrors = 0
  const giveUpAt = () => stopping && performance.now() > stoppedAt + 60_000
  for (;;) {
    stats.inFlight++
    const sentAt = performance.now()
    try {
      const response = await fetch(`${base}${pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: base },
        body,
        signal: AbortSignal.timeout(90_000),
      })
      const text = await response.text()
      stats.statuses[response.status] = (stats.statuses[response.status] ?? 0) + 1
      if (response.ok) {
        servedOne()
        stats.latencies.push(performance.now() - sentAt)
      }
      if (response.status < 500) return { status: response.status, body: text, networkErrors }
    } catch {
      networkErrors++
      stats.networkErrors++
    } finally {
      stats.inFlight--
    }
    if (giveUpAt()) return null
    // Wait for the server to be back, then a short random back-off (clients do not retry in step).
    await up
    await delay(20 + Math.floor(clientRng() * 200))
  }
}
let stoppedAt = Infinity

async function runClient(c: number) {
  const clientRng = createRng(`soak-${SEED}-client-${c}`)
  const submissions = submissionsOf[c]!
  const reader = readers[c % READERS]!
  // Clients c and c + READERS share a reader: one saves lessons 1, 3, 5 …, the other 2, 4, 6 …
  // (lesson 0 is done), so each (reader, lesson) has one sender and its saves one order.
  const lessons = slugs.slice(1).filter((_slug, index) => index % 2 === Math.floor(c / READERS) % 2)
  let seq = 0
  while (!stopping) {
    if (submissions.length && clientRng() < 0.5) {
      const submission = submissions.shift()!
      const outcome = await post(`/api/attempts/${submission.attemptId}/submit`, submission.cookie, submission.body, clientRng)
      if (!outcome) continue
      if (outcome.status === 200) {
        const result = JSON.parse(outcome.body) as { score: number; passed: boolean }
        ackedSubmissions.push({ attemptId: submission.attemptId, score: result.score, passed: result.passed })
      } else if (outcome.status === 409 && outcome.networkErrors > 0) {
        // The request the connection lost was recorded: acknowledged to nobody, found by the checks.
        stats.committedUnacknowledged++
      } else {
        stats.unexpected.push(`submit ${submission.attemptId}: HTTP ${outcome.status} ${outcome.body.slice(0, 200)}`)
      }
    } else {
      const n = seq++
      const slug = lessons[n % lessons.length]!
      const key = `${reader.userId} ${slug}`
      const save: SentSave = { seq: n, acknowledged: false }
      savesOf.set(key, [...(savesOf.get(key) ?? []), save])
      const outcome = await post(`/api/progress/${slug}`, reader.cookie, JSON.stringify({ state: soakLessonState(n) }), clientRng)
      if (outcome?.status === 200) {
        save.acknowledged = true
        ackedSaves++
      } else if (outcome) {
        stats.unexpected.push(`progress ${slug}: HTTP ${outcome.status} ${outcome.body.slice(0, 200)}`)
      }
    }
  }
}

const killRng = createRng(`soak-${SEED}-kills`)
const clients = Array.from({ length: CLIENTS }, (_, c) => runClient(c))
const restartMs: number[] = []
let kills = 0
const progressLine = () =>
  `acknowledged ${ackedSubmissions.length} submissions (${ackedSubmissions.filter((a) => a.passed).length} passed) and ${ackedSaves} saves; ` +
  `${stats.networkErrors} network errors, statuses ${JSON.stringify(stats.statuses)}`
log(`server up on ${base}; ${CLIENTS} clients running`)
for (let k = 1; k <= KILLS; k++) {
  // A random moment 0.5–6 s after the server (re)started answered its first request.
  await serving
  await delay(500 + Math.floor(killRng() * 5500))
  const inFlight = stats.inFlight
  let signalUp: () => void = () => {}
  up = new Promise<void>((resolve) => (signalUp = resolve))
  markUp = signalUp
  await server.kill()
  kills++
  // The port is free once the server process is gone (it dies with its group).
  while (await fetch(`${base}/api/health`).then(() => true, () => false)) await delay(50)
  log(`kill ${k}/${KILLS} (SIGKILL, ${inFlight} requests in flight); ${progressLine()}`)
  const restart = performance.now()
  serving = new Promise<void>((resolve) => (servedOne = resolve))
  server = await startNextServer(PORT, {}, { logFile })
  restartMs.push(performance.now() - restart)
  markUp()
}
// Let the clients work on the running server a little, then stop them and wait for their last request.
await serving
await delay(3000)
stopping = true
stoppedAt = performance.now()
await Promise.all(clients)
await server.stop()
const quantile = (values: number[], q: number) => Math.round([...values].sort((a, b) => a - b)[Math.floor(q * values.length)] ?? 0)
log(`load done: ${progressLine()}; ${stats.committedUnacknowledged} submissions recorded whose answer the crash lost`)
log(`2xx latency p50 ${quantile(stats.latencies, 0.5)} ms, p95 ${quantile(stats.latencies, 0.95)} ms; restart (kill to /api/health answering) median ${quantile(restartMs, 0.5)} ms`)
if (stats.unexpected.length) log(`unexpected answers (${stats.unexpected.length}): ${stats.unexpected.slice(0, 5).join(' | ')}`)

// 3. Checks, on the database the server left behind.
const { issuePendingCertificates } = await import('../lib/certificates/certificates.server')
const { formatCertificateNumber } = await import('../lib/certificates/certificate-number')
const { getCourseSettings } = await import('../lib/settings/settings.server')
const { score } = await import('../lib/quiz')
const { parseStoredState } = await import('../lib/progress/lesson-progress')
const { storedEnrolmentFacts, enrolmentFactsFromScratch } = await import('../lib/hr/enrolment-facts.server')
/** What the checks found wrong; `acknowledged` ones are counted in lost/duplicated, the rest make integrity not ok. */
const problems: { line: string; acknowledged: boolean }[] = []
const problem = (line: string, acknowledged = false) => {
  if (problems.length < 50) console.log(`  PROBLEM: ${line}`)
  problems.push({ line, acknowledged })
}
let lost = 0
let duplicated = 0
let found = 0

const attempts = await db.quizAttempt.findMany({
  select: { id: true, userId: true, enrolmentId: true, kind: true, items: true, submittedAt: true, score: true, passed: true, answers: { select: { itemId: true, response: true, credit: true } } },
})
const { passMark } = await getCourseSettings()
const attemptById = new Map(attempts.map((attempt) => [attempt.id, attempt]))

// Passes whose certificate the crash left pending: the learner's "Terbitkan sertifikat" button
// (issuePendingCertificates) must issue them; counted, then issued.
const certificatesBefore = await db.certificate.findMany({ select: { enrolmentId: true } })
const certifiedBefore = new Set(certificatesBefore.map((c) => c.enrolmentId))
const pendingUsers = new Set(attempts.filter((a) => a.passed && a.submittedAt && a.enrolmentId && !certifiedBefore.has(a.enrolmentId)).map((a) => a.userId))
const ackedPassPending = ackedSubmissions.filter((a) => a.passed && !certifiedBefore.has(attemptById.get(a.attemptId)?.enrolmentId ?? '')).length
for (const userId of pendingUsers) await issuePendingCertificates(userId)
const auditRows = await db.auditLog.groupBy({ by: ['action', 'targetId'], where: { action: { in: ['quiz.posttest.submitted', 'certificate.issued'] } }, _count: { _all: true } })
const audits = new Map(auditRows.map((row) => [`${row.action} ${row.targetId}`, row._count._all]))
log(`${certificatesBefore.length} certificates issued during the run; ${pendingUsers.size} passes left without one by a crash (${ackedPassPending} of them acknowledged), issued now by issuePendingCertificates`)

// 3a. Every acknowledged submission: recorded once, with the score and result it was told.
for (const acked of ackedSubmissions) {
  const attempt = attemptById.get(acked.attemptId)
  if (!attempt || !attempt.submittedAt) {
    lost++
    problem(`acknowledged submission ${acked.attemptId} not recorded`, true)
    continue
  }
  const submittedAudits = audits.get(`quiz.posttest.submitted ${acked.attemptId}`) ?? 0
  if (submittedAudits > 1) {
    duplicated++
    problem(`submission ${acked.attemptId} audit-logged ${submittedAudits} times`, true)
    continue
  }
  if (attempt.score !== acked.score || !!attempt.passed !== acked.passed) {
    lost++
    problem(`submission ${acked.attemptId}: recorded ${attempt.score}/${attempt.passed}, acknowledged ${acked.score}/${acked.passed}`, true)
    continue
  }
  found++
}

// 3b. Every acknowledged progress save: the row holds it (or what a later save wrote over it).
const progressRows = await db.lessonProgress.findMany({ where: { userId: { in: readers.map((r) => r.userId) } }, select: { userId: true, lessonSlug: true, state: true } })
const rowCount = new Map<string, number>()
for (const row of progressRows) rowCount.set(`${row.userId} ${row.lessonSlug}`, (rowCount.get(`${row.userId} ${row.lessonSlug}`) ?? 0) + 1)
for (const [key, saves] of savesOf) {
  const row = progressRows.find((r) => `${r.userId} ${r.lessonSlug}` === key)
  const missing = lostSaves(saves, row ? parseStoredState(row.state) : null)
  const acknowledged = saves.filter((save) => save.acknowledged).length
  if (missing.length) problem(`${missing.length} acknowledged saves of ${key} not in its row (e.g. save ${missing[0]!.seq})`, true)
  lost += missing.length
  if ((rowCount.get(key) ?? 0) > 1) {
    duplicated += acknowledged
    problem(`${rowCount.get(key)} progress rows for ${key}`, true)
  } else found += acknowledged - missing.length
}

// 3c. Every attempt in the database, acknowledged or not: whole or untouched.
let halfWritten = 0
for (const attempt of attempts) {
  const drawn = JSON.parse(attempt.items) as Attempt
  const submittedAudits = audits.get(`quiz.posttest.submitted ${attempt.id}`) ?? 0
  if (!attempt.submittedAt) {
    if (attempt.answers.length || attempt.score !== null || attempt.passed !== null || submittedAudits) {
      halfWritten++
      problem(`attempt ${attempt.id} not submitted but has ${attempt.answers.length} answers, score ${attempt.score}, ${submittedAudits} audit entries`)
    }
    continue
  }
  if (attempt.answers.length !== drawn.items.length || submittedAudits !== 1) {
    halfWritten++
    problem(`attempt ${attempt.id}: ${attempt.answers.length} answers for ${drawn.items.length} items, ${submittedAudits} audit entries`)
    continue
  }
  const responses = Object.fromEntries(attempt.answers.map((answer) => [answer.itemId, JSON.parse(answer.response)]))
  const rescored = score(bank, drawn, responses, { passMark })
  const creditOf = new Map(attempt.answers.map((answer) => [answer.itemId, answer.credit]))
  if (rescored.total !== attempt.score || rescored.passed !== !!attempt.passed || rescored.items.some((item) => Math.abs(item.earned - creditOf.get(item.itemId)!) > 1e-9)) {
    halfWritten++
    problem(`attempt ${attempt.id}: recorded ${attempt.score}/${attempt.passed}, its answers score ${rescored.total}/${rescored.passed}`)
  }
}

// 3d. Certificates: one per passing enrolment, each with its passed attempt, one audit entry and
// one email; numbers gap-free per year.
const certificates = await db.certificate.findMany({ select: { id: true, enrolmentId: true, attemptId: true, userId: true, score: true, number: true, year: true, sequence: true } })
const counters = await db.certificateCounter.findMany()
const mails = await db.outboxMessage.groupBy({ by: ['userId'], where: { kind: 'certificate-issued' }, _count: { _all: true } })
const mailsOf = new Map(mails.map((row) => [row.userId, row._count._all]))
const certifiedUsers = new Set<string>()
for (const certificate of certificates) {
  const attempt = attemptById.get(certificate.attemptId)
  if (!attempt || !attempt.passed || attempt.kind !== 'posttest' || attempt.enrolmentId !== certificate.enrolmentId || attempt.userId !== certificate.userId || attempt.score !== certificate.score) {
    problem(`certificate ${certificate.number} does not match its attempt ${certificate.attemptId}`)
  }
  const issuedAudits = audits.get(`certificate.issued ${certificate.id}`) ?? 0
  if (issuedAudits !== 1) problem(`certificate ${certificate.number} audit-logged ${issuedAudits} times`)
  if ((mailsOf.get(certificate.userId) ?? 0) !== 1) problem(`certificate ${certificate.number}: ${mailsOf.get(certificate.userId) ?? 0} emails`)
  if (certifiedUsers.has(certificate.userId)) {
    duplicated++
    problem(`a second certificate for ${certificate.userId}: ${certificate.number}`)
  }
  certifiedUsers.add(certificate.userId)
}
for (const [userId, n] of mailsOf) if (userId && !certifiedUsers.has(userId)) problem(`${n} certificate emails for ${userId}, who has no certificate`)
const passedEnrolments = new Set(attempts.filter((a) => a.passed && a.submittedAt).map((a) => a.enrolmentId))
const certifiedEnrolments = new Set(certificates.map((c) => c.enrolmentId))
for (const enrolmentId of passedEnrolments) if (enrolmentId && !certifiedEnrolments.has(enrolmentId)) problem(`enrolment ${enrolmentId} passed without a certificate`)
for (const line of certificateNumberProblems(certificates, counters, formatCertificateNumber)) problem(`certificate numbers: ${line}`)
const numbers = certificates.map((c) => c.sequence).sort((a, b) => a - b)
log(`certificates: ${certificates.length}, numbers ${numbers[0] ?? '-'}..${numbers.at(-1) ?? '-'} for ${passedEnrolments.size} passing enrolments`)

// 3e. The enrolments' stored facts (kept by triggers, decision 033) equal the base tables.
const stored = await storedEnrolmentFacts()
const scratch = await enrolmentFactsFromScratch()
const comparable = (facts: unknown) => JSON.stringify(facts, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value))
let factMismatches = 0
for (const [id, facts] of scratch) if (comparable(facts) !== comparable(stored.get(id))) factMismatches++
if (factMismatches) problem(`${factMismatches} enrolments' stored facts differ from the base tables`)

// 3f. The database's own integrity.
await db.$disconnect()
const integrityNotes: string[] = []
if (provider === 'sqlite') {
  const Database = (await import('better-sqlite3')).default
  const check = new Database(file, { readonly: true })
  const integrity = (check.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((row) => row.integrity_check)
  const foreignKeys = check.prepare('PRAGMA foreign_key_check').all()
  check.close()
  integrityNotes.push(`integrity_check: ${integrity.join('; ')}`, `foreign_key_check: ${foreignKeys.length} rows`)
  if (integrity.join() !== 'ok') problem(`PRAGMA integrity_check: ${integrity.slice(0, 5).join('; ')}`)
  if (foreignKeys.length) problem(`PRAGMA foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`)
} else {
  const pg = (await import('pg')).default
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    // Every foreign key, asked directly: rows whose reference points nowhere.
    const keys = await client.query<{ name: string; child: string; parent: string; columns: string[]; referenced: string[] }>(`
      SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
        ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
        ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS referenced
      FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
      WHERE c.contype = 'f' AND ns.nspname = current_schema()`)
    let orphans = 0
    for (const key of keys.rows) {
      const notNull = key.columns.map((column) => `c."${column}" IS NOT NULL`).join(' AND ')
      const match = key.columns.map((column, i) => `p."${key.referenced[i]}" = c."${column}"`).join(' AND ')
      const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${key.child} c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE ${match})`)
      if (Number(rows[0]!.n)) problem(`${rows[0]!.n} rows of ${key.child} break foreign key ${key.name}`)
      orphans += Number(rows[0]!.n)
    }
    integrityNotes.push(`${keys.rows.length} foreign keys, ${orphans} orphans`)
    const amcheck = await client.query(`SELECT 1 FROM pg_extension WHERE extname = 'amcheck'`)
    if (amcheck.rowCount) {
      const indexes = await client.query<{ index: string }>(`
        SELECT i.indexrelid::regclass::text AS index FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
        JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE am.amname = 'btree' AND ns.nspname = current_schema()`)
      for (const { index } of indexes.rows) await client.query(`SELECT bt_index_check($1::regclass, true)`, [index]).catch((error: Error) => problem(`amcheck ${index}: ${error.message}`))
      integrityNotes.push(`amcheck: ${indexes.rows.length} btree indexes checked`)
    } else {
      integrityNotes.push('amcheck: extension not installed (CREATE EXTENSION needs a superuser), skipped')
    }
  } finally {
    await client.end()
  }
}
log(`integrity: ${integrityNotes.join('; ')}; ${halfWritten} half-written attempts; ${factMismatches} enrolment fact mismatches`)
log(`seed ${SEED}; ${kills} kills; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; total ${elapsed().trim()}`)
if (problems.length) log(`${problems.length} problems; the server's output is in ${path.relative(root, logFile)}`)

const acknowledged = ackedSubmissions.length + ackedSaves
const integrityProblems = problems.filter((p) => !p.acknowledged).length
const integrityOk = integrityProblems === 0
console.log(JSON.stringify({ kills, acknowledged, found, lost, duplicated, integrity: integrityOk ? 'ok' : `${integrityProblems} problems` }))
process.exit(lost === 0 && duplicated === 0 && integrityOk ? 0 : 1)
