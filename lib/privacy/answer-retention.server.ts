import 'server-only'
import type { Db } from '@/lib/db/create-client'
import { Prisma } from '@/lib/db/create-client'
import { yearWib } from '@/lib/format/indonesian'

/** Finished attempts whose answers are aggregated and deleted per transaction (~15 answers each). */
export const ANSWER_RETENTION_BATCH = 200

type DeletedAnswer = { attemptId: string; itemId: string; response: string; credit: number | string }
type Sums = { kind: string; year: number; itemId: string; response: string; n: number; sumX: number; sumY: number; sumXY: number; sumXX: number; sumYY: number }

/**
 * Raw answers of finished attempts submitted before `cutoff` (decision 047): per batch of
 * attempts, in one transaction, the answers are DELETEd with RETURNING, their sums are added to
 * `quiz_answer_aggregate` (kind, year, item, response: what item statistics read, see
 * lib/quiz/item-statistics.server.ts), and the attempt is stamped `answersDeletedAt`. The attempt
 * keeps its score, pass and drawn items (the refresher's "not seen in earlier years" reads those,
 * not answers). Counting only what this transaction deleted makes two instances running at once
 * harmless (on PostgreSQL the second DELETE waits for the first and then finds nothing). Attempts
 * are found through the partial index quiz_attempt_answers_kept_idx (finished, answers still
 * there), so a tick with nothing to do costs one probe. Answers of unfinished attempts are never
 * touched here. Returns the answers deleted and the attempts they belonged to.
 */
export async function retireOldAnswers(db: Db, cutoff: Date, now = new Date()): Promise<{ answers: number; attempts: number }> {
  let answers = 0
  let attempts = 0
  for (;;) {
    const page = await db.$queryRaw<{ id: string; kind: string; submittedAt: Date | string }[]>`
      SELECT "id", CAST("kind" AS TEXT) AS "kind", "submittedAt" FROM "quiz_attempt"
      WHERE "submittedAt" IS NOT NULL AND "answersDeletedAt" IS NULL AND "submittedAt" < ${cutoff}
      ORDER BY "submittedAt" LIMIT ${ANSWER_RETENTION_BATCH}`
    if (page.length === 0) break
    const deleted = await db.$transaction((tx) => aggregateAndDeleteAnswers(tx, page, now))
    answers += deleted.length
    attempts += new Set(deleted.map((row) => row.attemptId)).size
    if (page.length < ANSWER_RETENTION_BATCH) break
  }
  return { answers, attempts }
}

type TransactionClient = Parameters<Parameters<Db['$transaction']>[0]>[0]

/**
 * In the caller's transaction: deletes the raw answers of these finished attempts, adds their sums
 * to quiz_answer_aggregate and stamps the attempts `answersDeletedAt` (the retention job, and an
 * account deletion: decision 047). Returns the answers this transaction deleted.
 */
export async function aggregateAndDeleteAnswers(
  tx: TransactionClient,
  attempts: readonly { id: string; kind: string; submittedAt: Date | string }[],
  now: Date,
): Promise<DeletedAnswer[]> {
  if (attempts.length === 0) return []
  const byId = new Map(attempts.map((attempt) => [attempt.id, { kind: String(attempt.kind), year: yearWib(new Date(attempt.submittedAt)) }]))
  const rows = await tx.$queryRaw<DeletedAnswer[]>`DELETE FROM "quiz_answer" WHERE "attemptId" IN (${Prisma.join(attempts.map((attempt) => attempt.id))})
    RETURNING "attemptId", "itemId", "response", "credit"`
  await tx.quizAttempt.updateMany({ where: { id: { in: attempts.map((attempt) => attempt.id) }, answersDeletedAt: null }, data: { answersDeletedAt: now } })
  if (rows.length === 0) return rows
  const totals = new Map<string, number>()
  for (const row of rows) totals.set(row.attemptId, (totals.get(row.attemptId) ?? 0) + Number(row.credit))
  const sums = new Map<string, Sums>()
  for (const row of rows) {
    const { kind, year } = byId.get(row.attemptId)!
    const x = Number(row.credit)
    const y = totals.get(row.attemptId)! - x
    const key = JSON.stringify([kind, year, row.itemId, row.response])
    const s = sums.get(key) ?? { kind, year, itemId: row.itemId, response: row.response, n: 0, sumX: 0, sumY: 0, sumXY: 0, sumXX: 0, sumYY: 0 }
    s.n += 1
    s.sumX += x
    s.sumY += y
    s.sumXY += x * y
    s.sumXX += x * x
    s.sumYY += y * y
    sums.set(key, s)
  }
  const values = [...sums.values()].map((s) => Prisma.sql`(${s.kind}, ${s.year}, ${s.itemId}, ${s.response}, ${s.n}, ${s.sumX}, ${s.sumY}, ${s.sumXY}, ${s.sumXX}, ${s.sumYY})`)
  // Same SQL on both providers; at most 500 rows per statement keeps the bound parameters few.
  for (let i = 0; i < values.length; i += 500) {
    await tx.$executeRaw`INSERT INTO "quiz_answer_aggregate" ("kind", "year", "itemId", "response", "n", "sumX", "sumY", "sumXY", "sumXX", "sumYY")
      VALUES ${Prisma.join(values.slice(i, i + 500))}
      ON CONFLICT ("kind", "year", "itemId", "response") DO UPDATE SET
        "n" = "quiz_answer_aggregate"."n" + EXCLUDED."n",
        "sumX" = "quiz_answer_aggregate"."sumX" + EXCLUDED."sumX",
        "sumY" = "quiz_answer_aggregate"."sumY" + EXCLUDED."sumY",
        "sumXY" = "quiz_answer_aggregate"."sumXY" + EXCLUDED."sumXY",
        "sumXX" = "quiz_answer_aggregate"."sumXX" + EXCLUDED."sumXX",
        "sumYY" = "quiz_answer_aggregate"."sumYY" + EXCLUDED."sumYY"`
  }
  return rows
}
