import 'server-only'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { Prisma } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'
import { asDate, asNumber } from '@/lib/db/raw-values'
import { nextTurn } from '@/lib/roster/next-turn'

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

/**
 * Enrolments recomputed per statement. One statement for all of them ran for over ten minutes on
 * PostgreSQL at 100,000 enrolments (the statement trigger that keeps enrolment_count joins the
 * statement's old and new rows, and with no statistics on them the planner loops), holding
 * lesson saves the whole time; 1,000 took 115 ms. SQLite's driver blocks the process for each.
 */
export const RECOMPUTE_BATCH = databaseProvider === 'postgresql' ? 1_000 : 250

const RECOMPUTE_ID = 1

/**
 * Makes `current_lesson` exactly these lessons, then recomputes every enrolment's lesson facts if
 * the set changed, a batch of enrolments per short transaction (decision 059). The new set and
 * the record of the unfinished recomputation (`lesson_facts_recompute`) are written together, so
 * a process that dies mid-way leaves the rest to the next call, in any instance. Lesson saves go
 * on between batches and count by the new set.
 */
export async function syncCurrentLessons(
  lessonSlugs: string[],
  options: {
    batchSize?: number
    /** Called after each batch's commit (tests write between batches, or stop here as a crash would). */
    afterBatch?: (batch: number) => void | Promise<void>
  } = {},
): Promise<void> {
  const slugs = [...lessonSlugs].sort()
  const [stored, pending] = await Promise.all([
    db.currentLesson.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } }),
    db.lessonFactsRecompute.count(),
  ])
  if (sameSet(stored, slugs) && pending === 0) return
  await db.$transaction(async (tx) => {
    // No lesson save may commit between the new set and the record (see recomputeBatch).
    if (databaseProvider === 'postgresql') await tx.$executeRaw`LOCK TABLE "lesson_progress" IN SHARE MODE`
    const again = await tx.currentLesson.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } })
    if (sameSet(again, slugs)) return
    await tx.currentLesson.deleteMany()
    await tx.currentLesson.createMany({ data: slugs.map((slug) => ({ slug })) })
    // From the first enrolment again, also when an earlier recomputation was unfinished.
    await tx.lessonFactsRecompute.upsert({
      where: { id: RECOMPUTE_ID },
      create: { id: RECOMPUTE_ID, afterEnrolmentId: '', startedAt: new Date() },
      update: { afterEnrolmentId: '', startedAt: new Date() },
    })
  })
  for (let batch = 0; await recomputeBatch(options.batchSize ?? RECOMPUTE_BATCH); batch++) {
    await options.afterBatch?.(batch)
    // Other requests (on SQLite, the one connection) go between batches.
    await nextTurn()
  }
}

/**
 * The next batch of the unfinished recomputation, in one transaction; false when there was none
 * left (the record is deleted with the last batch).
 */
async function recomputeBatch(size: number): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      // A lesson save that committed while this batch's statement ran could be overwritten by a
      // value computed without it (the statement reads a snapshot from its start): on PostgreSQL
      // lesson_progress is locked against writes for the batch; SQLite's transactions take the
      // one write lock anyway. Several instances: the record's row lock makes them take turns.
      if (databaseProvider === 'postgresql') await tx.$executeRaw`LOCK TABLE "lesson_progress" IN SHARE MODE`
      const [record] = await tx.$queryRaw<{ afterEnrolmentId: string }[]>`
        SELECT "afterEnrolmentId" FROM "lesson_facts_recompute" WHERE "id" = ${RECOMPUTE_ID} ${databaseProvider === 'postgresql' ? Prisma.sql`FOR UPDATE` : Prisma.empty}`
      if (!record) return false
      const batch = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "enrolment" WHERE "id" > ${record.afterEnrolmentId} ORDER BY "id" LIMIT ${size}`
      const last = batch.at(-1)
      if (!last) {
        await tx.lessonFactsRecompute.delete({ where: { id: RECOMPUTE_ID } })
        return false
      }
      // Only the enrolments whose facts change are written (and their counts' triggers fired).
      await tx.$executeRaw`
        UPDATE "enrolment" SET "lessonsDone" = f."lessonsDone", "activeSeconds" = f."activeSeconds"
        FROM (
          SELECT e."id",
            (SELECT COUNT(lp."completedAt") FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = e."userId") AS "lessonsDone",
            (SELECT COALESCE(SUM(lp."activeSeconds"), 0) FROM "lesson_progress" lp JOIN "current_lesson" cl ON cl."slug" = lp."lessonSlug" WHERE lp."userId" = e."userId") AS "activeSeconds"
          FROM "enrolment" e WHERE e."id" > ${record.afterEnrolmentId} AND e."id" <= ${last.id}
        ) AS f
        WHERE "enrolment"."id" = f."id" AND ("enrolment"."lessonsDone" <> f."lessonsDone" OR "enrolment"."activeSeconds" <> f."activeSeconds")`
      await tx.lessonFactsRecompute.update({ where: { id: RECOMPUTE_ID }, data: { afterEnrolmentId: last.id } })
      return true
    },
    { timeout: 60_000, maxWait: 60_000 },
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
