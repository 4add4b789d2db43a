import 'server-only'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { Prisma } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'

/**
 * The stored facts of each enrolment (decision 033): lessons done and time on task over the
 * current lessons, post-test attempts, the best post-test score, the first pass and the first
 * pre-test score. Database triggers (migration 20261202023944_enrolment_facts) keep them equal to
 * lesson_progress and quiz_attempt in the same transaction as every write, whoever writes. What
 * the app must do is keep the `current_lesson` table equal to the lessons it was built with:
 * `ensureCurrentLessons` does that before the read model reads, and recomputes every enrolment's
 * lesson facts when the set changed (a deploy with a lesson added or withdrawn).
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

const settled = new Map<string, Promise<void>>()

/**
 * Makes `current_lesson` the lessons of this build (once per process and lesson set). Several
 * instances may start at once: the check is repeated inside one transaction that holds the write
 * lock, so only the first one rewrites and recomputes.
 */
export function ensureCurrentLessons(): Promise<void> {
  const slugs = getLessonOutline().map((lesson) => lesson.slug)
  const key = [...slugs].sort().join('\n')
  let done = settled.get(key)
  if (!done) {
    done = syncCurrentLessons(slugs).catch((error: unknown) => {
      settled.delete(key)
      throw error
    })
    settled.set(key, done)
  }
  return done
}

const sameSet = (stored: { slug: string }[], slugs: string[]) =>
  stored.length === slugs.length && stored.every((row, index) => row.slug === slugs[index])

/** Makes `current_lesson` exactly these lessons, recomputing every enrolment's lesson facts if it changed. */
export async function syncCurrentLessons(lessonSlugs: string[]): Promise<void> {
  const slugs = [...lessonSlugs].sort()
  const stored = await db.currentLesson.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } })
  if (sameSet(stored, slugs)) return
  await db.$transaction(
    async (tx) => {
      // No lesson save may commit between the new set and the recomputation (its trigger would
      // count by the old set): on PostgreSQL lesson_progress is locked against writes for this
      // short transaction; SQLite's transactions take the one write lock anyway.
      if (databaseProvider === 'postgresql') await tx.$executeRaw`LOCK TABLE "lesson_progress" IN SHARE MODE`
      const again = await tx.currentLesson.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } })
      if (sameSet(again, slugs)) return
      await tx.currentLesson.deleteMany()
      await tx.currentLesson.createMany({ data: slugs.map((slug) => ({ slug })) })
      await tx.$executeRaw`UPDATE "enrolment" SET
        "lessonsDone" = (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId"),
        "activeSeconds" = (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = "enrolment"."userId")`
    },
    { timeout: 300_000, maxWait: 60_000 },
  )
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
  lessonsDone: Number(raw.lessonsDone),
  activeSeconds: Number(raw.activeSeconds),
  postTestAttempts: Number(raw.postTestAttempts),
  bestPostTestScore: raw.bestPostTestScore === null ? null : Number(raw.bestPostTestScore),
  preTestScore: raw.preTestScore === null ? null : Number(raw.preTestScore),
  passedAt: raw.passedAt === null ? null : raw.passedAt instanceof Date ? raw.passedAt : new Date(raw.passedAt),
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
