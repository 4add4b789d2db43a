import 'server-only'
import { randomBytes } from 'node:crypto'
import { auditLogCreate, writeAudit } from '@/lib/audit/audit.server'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { getContentVersion } from '@/lib/content/lessons.server'
import { Prisma, type Db } from '@/lib/db/create-client'
import { logger } from '@/lib/observability/log.server'
import { metrics } from '@/lib/observability/metrics.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { AppError } from '@/lib/errors/app-error'
import { formatDateTimeWib, yearWib } from '@/lib/format/indonesian'
import { enrolInSelfEnrolCohort } from '@/lib/hr/cohorts.server'
import { getCourseProgress } from '@/lib/progress/progress.server'
import {
  attemptSchema,
  courseForm,
  draw,
  findResponseProblems,
  score,
  toPublicItems,
  toResultView,
  type Attempt,
  type PublicItem,
  type Responses,
  type ResultView,
} from '@/lib/quiz'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { rescoreWithout } from '@/lib/quiz/rescore'
import { getQuestionBank } from './bank.server'
import { itemsOutOfDraws, withdrawnItemIds } from './item-status.server'
import { QUIZ_TITLES, SUBMIT_GRACE_MS, type QuizKind } from './quiz-kinds'


type Learner = { id: string; agencyId: string | null; nip?: string | null }
type TransactionClient = Parameters<Parameters<Db['$transaction']>[0]>[0]
type Client = Db | TransactionClient

/**
 * The enrolment a learner's quizzes count for: their open one (no certificate yet), or, for a
 * learner nobody has assigned, the agency's cohort for self-registered people (chosen by HR),
 * else a self-paced onboarding cohort of their agency.
 */
async function currentEnrolment(learner: Learner) {
  const enrolments = await db.enrolment.findMany({
    where: { userId: learner.id },
    orderBy: { assignedAt: 'desc' },
    select: { id: true, cycleKey: true, certificate: { select: { id: true } } },
  })
  const open = enrolments.find((enrolment) => !enrolment.certificate)
  if (open) return open
  if (enrolments[0]) return enrolments[0]
  if (!learner.agencyId) throw new AppError(409, 'Akun ini tidak terhubung dengan instansi, jadi tidak dapat mengikuti uji.')
  const person = { id: learner.id, agencyId: learner.agencyId }
  const chosenByHr = await enrolInSelfEnrolCohort(db, person).catch((error: unknown) => {
    // Enrolled a moment ago by another request of the same learner: that enrolment it is.
    if (isUniqueViolation(error)) return enrolInSelfEnrolCohort(db, person)
    throw error
  })
  if (chosenByHr) return db.enrolment.findUniqueOrThrow({ where: { id: chosenByHr.id }, select: { id: true, cycleKey: true, certificate: { select: { id: true } } } })
  const year = yearWib(new Date())
  const cohortKey = { agencyId_name: { agencyId: learner.agencyId, name: `Orientasi mandiri ${year}` } }
  const cohort = await db.cohort
    .upsert({
      where: cohortKey,
      update: {},
      create: { agencyId: learner.agencyId, kind: 'onboarding', year, name: `Orientasi mandiri ${year}` },
    })
    .catch((error: unknown) => {
      // Created a moment ago by another request (the upsert reads, then inserts).
      if (isUniqueViolation(error)) return db.cohort.findUniqueOrThrow({ where: cohortKey })
      throw error
    })
  try {
    return await db.enrolment.create({
      data: { userId: learner.id, cohortId: cohort.id, cycleKey: 'onboarding' },
      select: { id: true, cycleKey: true, certificate: { select: { id: true } } },
    })
  } catch {
    // Created a moment ago by another request of the same learner.
    return db.enrolment.findUniqueOrThrow({
      where: { userId_cycleKey: { userId: learner.id, cycleKey: 'onboarding' } },
      select: { id: true, cycleKey: true, certificate: { select: { id: true } } },
    })
  }
}

export type QuizStatus = {
  kind: QuizKind
  /** Why the learner cannot start now, or null. */
  blockedReason: string | null
  attemptsLeft: number | null
  openAttemptId: string | null
  lastResult: { attemptId: string; score: number; passed: boolean; submittedAt: Date } | null
  passed: boolean
  /** When the attempt limit is reached: the moment the next attempt may start; else null. */
  nextAttemptAt: Date | null
}

/**
 * The enrolment the learner is working on (the newest without a certificate), whether they have
 * any, so that a refresher starts afresh while earlier cycles keep their results.
 */
async function openEnrolment(userId: string, client: Client = db) {
  const enrolments = await client.enrolment.findMany({
    where: { userId },
    orderBy: { assignedAt: 'desc' },
    select: { id: true, certificate: { select: { id: true } } },
  })
  return { open: enrolments.find((enrolment) => !enrolment.certificate) ?? null, any: enrolments.length > 0 }
}

type StatusOptions = {
  /** A transaction client: the status is then read inside that transaction (startAttempt). */
  client?: Client
  /** The settings in force, when the caller has read them already (required with a client on SQLite). */
  settings?: Awaited<ReturnType<typeof getCourseSettings>>
  now?: Date
}

/** What the quiz page and the dashboard show: may the learner start, and how did it go. */
export async function getQuizStatus(learner: Learner, kind: QuizKind, options: StatusOptions = {}): Promise<QuizStatus> {
  const client = options.client ?? db
  const settings = options.settings ?? (await getCourseSettings())
  const now = options.now ?? new Date()
  const enrolment = await openEnrolment(learner.id, client)
  const allCertified = enrolment.any && !enrolment.open
  const attempts = await client.quizAttempt.findMany({
    where: { userId: learner.id, kind },
    orderBy: { startedAt: 'desc' },
    select: { id: true, enrolmentId: true, startedAt: true, expiresAt: true, submittedAt: true, score: true, passed: true },
  })
  // Results count for the open enrolment only (a refresher starts afresh); the attempt limit
  // counts every recent attempt.
  const current = allCertified ? attempts : attempts.filter((attempt) => !enrolment.open || attempt.enrolmentId === enrolment.open.id)
  const open = current.find((attempt) => !attempt.submittedAt && attempt.expiresAt > now)
  const submitted = current.filter((attempt) => attempt.submittedAt)
  const last = submitted[0]
  const lastResult =
    last && last.submittedAt && last.score !== null
      ? { attemptId: last.id, score: last.score, passed: !!last.passed, submittedAt: last.submittedAt }
      : null
  const passed = allCertified || submitted.some((attempt) => attempt.passed)
  const base = { kind, openAttemptId: open?.id ?? null, lastResult, passed, nextAttemptAt: null }

  if (kind === 'pretest') {
    const done = submitted.length > 0
    return { ...base, attemptsLeft: done ? 0 : 1, blockedReason: done ? 'Uji awal hanya dikerjakan sekali.' : null }
  }
  if (passed) return { ...base, attemptsLeft: 0, blockedReason: 'Anda sudah lulus uji akhir.' }
  // A certificate names its holder by NIP: without one (e.g. a rejected claim) there is none to earn.
  if (learner.nip === null) {
    return {
      ...base,
      attemptsLeft: 0,
      blockedReason: 'Uji akhir memerlukan NIP / NI PPPK yang terdaftar pada akun Anda. Hubungi admin kepegawaian instansi Anda.',
    }
  }
  const progress = await getCourseProgress(learner.id, client)
  if (progress.completedCount < progress.lessons.length) {
    return {
      ...base,
      attemptsLeft: settings.attemptLimit,
      blockedReason: `Selesaikan semua pelajaran dulu (${progress.completedCount} dari ${progress.lessons.length} selesai).`,
    }
  }
  const windowStart = new Date(now.getTime() - settings.attemptWindowHours * 3_600_000)
  const recent = attempts.filter((attempt) => attempt.startedAt > windowStart)
  const attemptsLeft = Math.max(0, settings.attemptLimit - recent.length)
  if (attemptsLeft === 0 && !open) {
    const oldest = recent[recent.length - 1]
    const nextTry = new Date((oldest?.startedAt ?? now).getTime() + settings.attemptWindowHours * 3_600_000)
    return {
      ...base,
      attemptsLeft,
      nextAttemptAt: nextTry,
      blockedReason: `Batas ${settings.attemptLimit} percobaan per ${settings.attemptWindowHours} jam sudah tercapai. Anda dapat mencoba lagi mulai ${formatDateTimeWib(nextTry)}.`,
    }
  }
  return { ...base, attemptsLeft, blockedReason: null }
}

/**
 * Starts (or resumes) an attempt: checks the gate, draws the items on the server and stores
 * exactly what was asked. Returns the attempt id.
 *
 * One learner's starts are serialised (issue 10 §3): inside one transaction the first statement
 * bumps their `quizStartSeq`, which takes their user row's lock on PostgreSQL (SQLite runs one
 * transaction at a time anyway); only then are the gate, the open attempt and the items already
 * seen read, the items drawn and the attempt inserted. A parallel start waits for that commit and
 * then finds the open attempt (returned as is) or the limit reached, and never draws items
 * another attempt holds. The transaction is kept short: settings and the enrolment are read
 * before it (on SQLite every other query of the process waits while it is open).
 */
export async function startAttempt(learner: Learner, kind: QuizKind, now = new Date()): Promise<string> {
  const settings = await getCourseSettings()
  // Fast path and the same refusals as before, without taking the lock.
  const status = await getQuizStatus(learner, kind, { settings, now })
  if (status.openAttemptId) return status.openAttemptId
  if (status.blockedReason) throw new AppError(kind === 'posttest' && status.attemptsLeft === 0 ? 429 : 409, status.blockedReason)

  const enrolment = await currentEnrolment(learner)
  const { bank } = getQuestionBank()
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`UPDATE "user" SET "quizStartSeq" = "quizStartSeq" + 1 WHERE "id" = ${learner.id}`
      const locked = await getQuizStatus(learner, kind, { client: tx, settings, now })
      if (locked.openAttemptId) return locked.openAttemptId
      if (locked.blockedReason) throw new AppError(kind === 'posttest' && locked.attemptsLeft === 0 ? 429 : 409, locked.blockedReason)
      const previous = await tx.quizAttempt.findMany({ where: { userId: learner.id }, select: { items: true, startedAt: true } })
      // Item → the year the learner last saw it: the refresher prefers items no earlier year showed.
      const lastSeenYear = new Map<string, number>()
      for (const attempt of previous) {
        const parsed = attemptSchema.safeParse(JSON.parse(attempt.items))
        if (!parsed.success) continue
        const year = yearWib(attempt.startedAt)
        for (const { itemId } of parsed.data.items) lastSeenYear.set(itemId, Math.max(year, lastSeenYear.get(itemId) ?? year))
      }
      // Items an admin has under review or withdrew are never drawn (decision 035), read here so
      // that a decision on any instance applies to the next start everywhere.
      const excludedItemIds = await itemsOutOfDraws(tx)
      const seed = randomBytes(12).toString('hex')
      const size = kind === 'posttest' ? settings.postTestItems : settings.preTestItems
      const attempt = draw(bank, courseForm(size), seed, { seenItemIds: lastSeenYear, excludedItemIds })
      const created = await tx.quizAttempt.create({
        data: {
          userId: learner.id,
          enrolmentId: enrolment.id,
          kind,
          contentVersion: getContentVersion(),
          seed,
          items: JSON.stringify(attempt),
          startedAt: now,
          expiresAt: new Date(now.getTime() + settings.attemptMinutes * 60_000),
        },
        select: { id: true },
      })
      await writeAudit({ action: `quiz.${kind}.started`, actorId: learner.id, agencyId: learner.agencyId, targetType: 'quiz_attempt', targetId: created.id }, tx)
      return created.id
    },
    // Parallel starts queue for the lock: give them time to wait their turn.
    { maxWait: 15_000, timeout: 15_000 },
  )
}

/** What a submission needs of its attempt (dates as the driver returns them: Date or text). */
async function findAttemptForSubmission(attemptId: string) {
  const rows = await db.$queryRaw<{ userId: string; kind: QuizKind; items: string; expiresAt: Date | string; submittedAt: Date | string | null }[]>`
    SELECT "userId", "kind", "items", "expiresAt", "submittedAt" FROM "quiz_attempt" WHERE "id" = ${attemptId}`
  return rows[0] ?? null
}

function storedAttempt(json: string): Attempt {
  return attemptSchema.parse(JSON.parse(json)) as Attempt
}

export type AttemptView = {
  id: string
  kind: QuizKind
  title: string
  items: PublicItem[]
  expiresAt: Date
  submitted: boolean
}

/** The attempt as the learner's browser may see it: questions, never the key. */
export async function getAttemptForLearner(userId: string, attemptId: string): Promise<AttemptView> {
  const attempt = await db.quizAttempt.findUnique({ where: { id: attemptId } })
  if (!attempt || attempt.userId !== userId) throw new AppError(404, 'Percobaan ini tidak ditemukan.')
  const { bank } = getQuestionBank()
  return {
    id: attempt.id,
    kind: attempt.kind,
    title: QUIZ_TITLES[attempt.kind],
    items: toPublicItems(bank, storedAttempt(attempt.items)),
    expiresAt: attempt.expiresAt,
    submitted: !!attempt.submittedAt,
  }
}

/**
 * Scores and records a submission exactly once. Refused: someone else's attempt (404), a
 * second submission (409), an expired attempt (410), answers for items not in the attempt (400).
 */
export async function submitAttempt(
  learner: Learner,
  attemptId: string,
  responses: Responses,
): Promise<{ score: number; passed: boolean }> {
  // This is the hottest write of the course (a whole cohort submits at the end of a session), so
  // it runs as tagged SQL: Prisma's query builder costs ~0.4 ms per statement on top of the
  // database's own time, more than a submission's scoring. `npm run bench:quiz` measures it.
  const [settings, attempt, withdrawn] = await Promise.all([getCourseSettings(), findAttemptForSubmission(attemptId), withdrawnItemIds()])
  if (!attempt || attempt.userId !== learner.id) throw new AppError(404, 'Percobaan ini tidak ditemukan.')
  if (attempt.submittedAt !== null) {
    metrics().countQuizSubmission(attempt.kind, 'duplicate')
    throw new AppError(409, 'Jawaban percobaan ini sudah dikirim dan dinilai.', { attemptId })
  }
  if (Date.now() > new Date(attempt.expiresAt).getTime() + SUBMIT_GRACE_MS) {
    metrics().countQuizSubmission(attempt.kind, 'expired')
    throw new AppError(410, 'Waktu percobaan ini sudah habis. Mulai percobaan baru dari halaman uji.')
  }
  const drawn = storedAttempt(attempt.items)
  const problems = findResponseProblems(drawn, responses)
  if (problems.unknownItemIds.length || problems.mismatchedItemIds.length) {
    throw new AppError(400, 'Ada jawaban untuk soal yang tidak ada dalam percobaan ini.', {
      unknownItemIds: problems.unknownItemIds,
      mismatchedItemIds: problems.mismatchedItemIds,
    })
  }
  const scored = score(getQuestionBank().bank, drawn, responses, { passMark: settings.passMark })
  // An item withdrawn as defective while the attempt was open does not count (decision 035); its
  // answer is still recorded with its credit.
  const adjusted = drawn.items.some((item) => withdrawn.has(item.itemId))
    ? rescoreWithout(
        scored.items.map((item) => ({ itemId: item.itemId, credit: item.earned })),
        withdrawn,
        { passMark: settings.passMark, recordedPassed: false },
      )
    : null
  const result = adjusted ? { ...scored, total: adjusted.score, passed: adjusted.passed } : scored
  const now = new Date()
  try {
    // One batch transaction. Exactly-once does not depend on the read above: a second,
    // simultaneous submission would insert the same (attempt, item) answers again, which the
    // primary key refuses, rolling its whole batch back. Standard SQL with quoted
    // identifiers: the same on both providers.
    await db.$transaction([
      db.$executeRaw`UPDATE "quiz_attempt" SET "submittedAt" = ${now}, "score" = ${result.total}, "passed" = ${result.passed}
        WHERE "id" = ${attemptId} AND "submittedAt" IS NULL`,
      db.$executeRaw`INSERT INTO "quiz_answer" ("attemptId", "itemId", "response", "credit") VALUES ${Prisma.join(
        result.items.map((item) => Prisma.sql`(${attemptId}, ${item.itemId}, ${JSON.stringify(responses[item.itemId] ?? {})}, ${item.earned})`),
      )}`,
      auditLogCreate({
        action: `quiz.${attempt.kind}.submitted`,
        actorId: learner.id,
        agencyId: learner.agencyId,
        targetType: 'quiz_attempt',
        targetId: attemptId,
        details: { score: result.total, passed: result.passed },
      }),
    ])
  } catch (error) {
    if (isUniqueViolation(error)) {
      metrics().countQuizSubmission(attempt.kind, 'duplicate')
      throw new AppError(409, 'Jawaban percobaan ini sudah dikirim dan dinilai.', { attemptId })
    }
    throw error
  }
  metrics().countQuizSubmission(attempt.kind, result.passed ? 'passed' : 'failed')
  if (result.passed && attempt.kind === 'posttest') {
    // The follow-up that issues the certificate is idempotent; if it fails now, the certificate
    // page issues it on the next visit (issuePendingCertificates), so the pass is never lost.
    await issueCertificateIfEligible(attemptId).catch((error: unknown) => {
      logger().error({ attemptId, err: error }, 'certificate not issued yet (issued on the next visit of /sertifikat)')
    })
  }
  return { score: result.total, passed: result.passed }
}

export type AttemptResult = { id: string; kind: QuizKind; title: string; submittedAt: Date; result: ResultView }

/**
 * The scored attempt with per-item feedback, rebuilt from what was recorded. The best answers
 * and explanations are included only once the learner has passed the post-test of the
 * enrolment this attempt belongs to (issue 10 §3): before that they may meet the same items in
 * a later attempt (lib/quiz/result-view.ts).
 */
export async function getAttemptResult(userId: string, attemptId: string): Promise<AttemptResult> {
  const attempt = await db.quizAttempt.findUnique({ where: { id: attemptId }, include: { answers: true } })
  if (!attempt || attempt.userId !== userId) throw new AppError(404, 'Percobaan ini tidak ditemukan.')
  if (!attempt.submittedAt || attempt.score === null) throw new AppError(409, 'Percobaan ini belum dikirim.')
  const [settings, passedPostTests, withdrawn] = await Promise.all([
    getCourseSettings(),
    db.quizAttempt.count({ where: { userId, kind: 'posttest', passed: true, enrolmentId: attempt.enrolmentId } }),
    withdrawnItemIds(),
  ])
  const { bank } = getQuestionBank()
  const responses: Responses = Object.fromEntries(attempt.answers.map((answer) => [answer.itemId, JSON.parse(answer.response)]))
  const rescored = score(bank, storedAttempt(attempt.items), responses, { passMark: settings.passMark })
  // The recorded score is what counts (the pass mark may have changed since).
  // The recorded score includes any re-scoring without withdrawn items (decision 035), which the
  // view marks.
  const result = toResultView(bank, { ...rescored, total: attempt.score, passed: !!attempt.passed }, { reveal: passedPostTests > 0, withdrawn })
  return { id: attempt.id, kind: attempt.kind, title: QUIZ_TITLES[attempt.kind], submittedAt: attempt.submittedAt, result }
}
