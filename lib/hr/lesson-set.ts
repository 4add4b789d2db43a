/**
 * The lessons the database counts (`current_lesson`) and the recomputation of every enrolment's
 * lesson facts when they change (decisions 033, 059, 061). Plain functions on a database client
 * given by the caller, without the app's environment: the deploy's `npm run lessons:sync` runs
 * them with only DATABASE_URL; the app through lib/hr/enrolment-facts.server.ts.
 */
import { Prisma, type Db } from '@/lib/db/create-client'
import type { DatabaseTarget } from '@/lib/db/database-url'
import { nextTurn } from '@/lib/roster/next-turn'

type DatabaseProvider = DatabaseTarget['provider']
export type Database = { db: Db; provider: DatabaseProvider }

export type SyncOptions = {
  batchSize?: number
  /** Called after each batch's commit (tests write between batches, or stop here as a crash would). */
  afterBatch?: (batch: number) => void | Promise<void>
}

/** Whether two lists name the same lessons, in any order. */
export function sameLessons(a: readonly string[], b: readonly string[]): boolean {
  const sortedA = [...a].sort()
  const sortedB = [...b].sort()
  return sortedA.length === sortedB.length && sortedA.every((slug, index) => slug === sortedB[index])
}

const slugsOf = (rows: { slug: string }[]) => rows.map((row) => row.slug)

/**
 * Enrolments recomputed per statement. One statement for all of them ran for over ten minutes on
 * PostgreSQL at 100,000 enrolments (the statement trigger that keeps enrolment_count joins the
 * statement's old and new rows, and with no statistics on them the planner loops), holding
 * lesson saves the whole time; 1,000 took 115 ms. SQLite's driver blocks the process for each.
 */
const recomputeBatchSize = (provider: DatabaseProvider) => (provider === 'postgresql' ? 1_000 : 250)

const RECOMPUTE_ID = 1

/**
 * Makes `current_lesson` exactly these lessons, then recomputes every enrolment's lesson facts if
 * the set changed, a batch of enrolments per short transaction (decision 059). The new set and
 * the record of the unfinished recomputation (`lesson_facts_recompute`) are written together, so
 * a process that dies mid-way leaves the rest to the next call, in any instance. Lesson saves go
 * on between batches and count by the new set. True when the set was rewritten.
 */
export async function syncLessonSet({ db, provider }: Database, lessonSlugs: string[], options: SyncOptions = {}): Promise<boolean> {
  const slugs = [...lessonSlugs].sort()
  const [stored, pending] = await Promise.all([
    db.currentLesson.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } }),
    db.lessonFactsRecompute.count(),
  ])
  if (sameLessons(slugsOf(stored), slugs) && pending === 0) return false
  const changed = await db.$transaction(async (tx) => {
    // No lesson save may commit between the new set and the record (see recomputeBatch).
    if (provider === 'postgresql') await tx.$executeRaw`LOCK TABLE "lesson_progress" IN SHARE MODE`
    const again = await tx.currentLesson.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } })
    if (sameLessons(slugsOf(again), slugs)) return false
    await tx.currentLesson.deleteMany()
    await tx.currentLesson.createMany({ data: slugs.map((slug) => ({ slug })) })
    // From the first enrolment again, also when an earlier recomputation was unfinished.
    await tx.lessonFactsRecompute.upsert({
      where: { id: RECOMPUTE_ID },
      create: { id: RECOMPUTE_ID, afterEnrolmentId: '', startedAt: new Date() },
      update: { afterEnrolmentId: '', startedAt: new Date() },
    })
    return true
  })
  await finishRecomputation({ db, provider }, options)
  return changed
}

/** Recomputes the rest of an unfinished recomputation, if there is one, batch by batch. */
export async function finishRecomputation(database: Database, options: SyncOptions = {}): Promise<void> {
  for (let batch = 0; await recomputeBatch(database, options.batchSize ?? recomputeBatchSize(database.provider)); batch++) {
    await options.afterBatch?.(batch)
    // Other requests (on SQLite, the one connection) go between batches.
    await nextTurn()
  }
}

/**
 * The next batch of the unfinished recomputation, in one transaction; false when there was none
 * left (the record is deleted with the last batch).
 */
async function recomputeBatch({ db, provider }: Database, size: number): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      // A lesson save that committed while this batch's statement ran could be overwritten by a
      // value computed without it (the statement reads a snapshot from its start): on PostgreSQL
      // lesson_progress is locked against writes for the batch; SQLite's transactions take the
      // one write lock anyway. Several instances: the record's row lock makes them take turns.
      if (provider === 'postgresql') await tx.$executeRaw`LOCK TABLE "lesson_progress" IN SHARE MODE`
      const [record] = await tx.$queryRaw<{ afterEnrolmentId: string }[]>`
        SELECT "afterEnrolmentId" FROM "lesson_facts_recompute" WHERE "id" = ${RECOMPUTE_ID} ${provider === 'postgresql' ? Prisma.sql`FOR UPDATE` : Prisma.empty}`
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
