import 'server-only'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { Prisma } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'
import { asDate, asNumber } from '@/lib/db/raw-values'
import { logger } from '@/lib/observability/log.server'
import { finishRecomputation, sameLessons, syncLessonSet, type SyncOptions } from './lesson-set'

/**
 * The stored facts of each enrolment (decision 033): lessons done and time on task over the
 * current lessons, post-test attempts, the best post-test score, the first pass and the first
 * pre-test score. Database triggers (migration 20261202023944_enrolment_facts) keep them equal to
 * lesson_progress and quiz_attempt in the same transaction as every write, whoever writes. The
 * lessons they count are the `current_lesson` table: the deploy writes it (`npm run db:migrate`,
 * which runs `npm run lessons:sync`), and recomputes every enrolment's lesson facts when the set
 * changed (a release with a lesson added or withdrawn). An instance writes it only into an empty
 * database (decision 061).
 */

/** The facts as the triggers store them, per enrolment id. */
export type EnrolmentFacts = {
  lessonsDone: number
  activeSeconds: number
  postTestAttempts: number
  bestPostTestScore: number | null
  preTestScore: number | null
  passedAt: Date | null
}

let settled: Promise<void> | null = null

/**
 * Before the read model's first read in this process: `reconcileCurrentLessons` with this build's
 * lessons. Once per process; a failure is tried again by the next read.
 */
export function ensureCurrentLessons(): Promise<void> {
  if (settled) return settled
  const done = reconcileCurrentLessons(getLessonOutline().map((lesson) => lesson.slug)).then(
    () => undefined,
    (error: unknown) => {
      settled = null
      throw error
    },
  )
  settled = done
  return done
}

export type Reconciled = 'written' | 'same' | 'another-release'

/**
 * What an app instance does about the lesson set (decision 061). It writes the set only when
 * there is none (a database no deploy has synced yet: the demo, the tests' databases); it
 * finishes a recomputation a process left unfinished, by the stored set; and it never replaces
 * a set another release wrote. During a rolling deploy an old instance that restarts after the
 * new release's `db:migrate` would otherwise write its old set back, and the new instances would
 * read facts counted over it until they restarted. Several instances may start at once on an
 * empty database: `syncCurrentLessons` checks again under the write lock.
 */
export async function reconcileCurrentLessons(buildSlugs: string[]): Promise<Reconciled> {
  const stored = (await db.currentLesson.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } })).map((row) => row.slug)
  if (stored.length === 0) {
    await syncCurrentLessons(buildSlugs)
    return 'written'
  }
  await finishRecomputation({ db, provider: databaseProvider })
  if (sameLessons(stored, buildSlugs)) return 'same'
  logger().warn(
    { storedLessons: stored, buildLessons: [...buildSlugs].sort() },
    'current lessons: the database counts the lessons of another release; this instance leaves them (run `npm run lessons:sync` from the release that should count)',
  )
  return 'another-release'
}

/**
 * `syncLessonSet` (lib/hr/lesson-set.ts) on the app's database: makes `current_lesson` exactly
 * these lessons and recomputes the lesson facts if they changed. True when the set was rewritten.
 */
export function syncCurrentLessons(lessonSlugs: string[], options: SyncOptions = {}): Promise<boolean> {
  return syncLessonSet({ db, provider: databaseProvider }, lessonSlugs, options)
}

type RawFacts = {
  id: string
  lessonsDone: number | bigint | string
  activeSeconds: number | bigint | string
  postTestAttempts: number | bigint | string
  bestPostTestScore: number | string | null
  preTestScore: number | string | null
  passedAt: Date | string | null
}

const asFacts = (raw: RawFacts): EnrolmentFacts => ({
  lessonsDone: asNumber(raw.lessonsDone),
  activeSeconds: asNumber(raw.activeSeconds),
  postTestAttempts: asNumber(raw.postTestAttempts),
  bestPostTestScore: asNumber(raw.bestPostTestScore),
  preTestScore: asNumber(raw.preTestScore),
  passedAt: asDate(raw.passedAt),
})

/** The stored facts of these enrolments (all, when no ids are given), by id. */
export async function storedEnrolmentFacts(ids?: string[]): Promise<Map<string, EnrolmentFacts>> {
  const where = ids ? Prisma.sql`WHERE e."id" IN (${Prisma.join(ids.length ? ids : [''])})` : Prisma.empty
  const raws = await db.$queryRaw<RawFacts[]>`
    SELECT e."id", e."lessonsDone", e."activeSeconds", e."postTestAttempts", e."bestPostTestScore", e."preTestScore", e."passedAt"
    FROM "enrolment" e ${where}`
  return new Map(raws.map((raw) => [raw.id, asFacts(raw)]))
}

/**
 * The same facts computed from lesson_progress and quiz_attempt, ignoring the stored columns:
 * the definition the triggers implement, for the tests that hold them to it (and for a repair,
 * should a stored fact ever be found wrong).
 */
export async function enrolmentFactsFromScratch(
  ids?: string[],
  slugs: string[] = getLessonOutline().map((lesson) => lesson.slug),
): Promise<Map<string, EnrolmentFacts>> {
  const current = Prisma.join(slugs.length ? slugs : [''])
  const where = ids ? Prisma.sql`WHERE e."id" IN (${Prisma.join(ids.length ? ids : [''])})` : Prisma.empty
  const posttest = Prisma.sql`qa."enrolmentId" = e."id" AND CAST(qa."kind" AS TEXT) = 'posttest'`
  const raws = await db.$queryRaw<RawFacts[]>`
    SELECT e."id",
      (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp WHERE lp."userId" = e."userId" AND lp."lessonSlug" IN (${current})) AS "lessonsDone",
      (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp WHERE lp."userId" = e."userId" AND lp."lessonSlug" IN (${current})) AS "activeSeconds",
      (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE ${posttest}) AS "postTestAttempts",
      (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE ${posttest}) AS "bestPostTestScore",
      (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa WHERE ${posttest} AND qa."passed" = TRUE) AS "passedAt",
      (SELECT qa."score" FROM "quiz_attempt" qa WHERE qa."enrolmentId" = e."id" AND CAST(qa."kind" AS TEXT) = 'pretest' AND qa."submittedAt" IS NOT NULL
        ORDER BY qa."submittedAt", qa."id" LIMIT 1) AS "preTestScore"
    FROM "enrolment" e ${where}`
  return new Map(raws.map((raw) => [raw.id, asFacts(raw)]))
}
