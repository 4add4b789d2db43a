import 'server-only'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import type { Db } from '@/lib/db/create-client'
import { itemStatistics, type CreditMoments, type ItemStatistics, type ResponseTally } from './item-statistics'

export type QuizKindForStatistics = 'pretest' | 'posttest'

export interface ItemAggregates {
  readonly moments: ReadonlyMap<string, CreditMoments>
  readonly tallies: ReadonlyMap<string, readonly ResponseTally[]>
}

type AggregateRow = {
  itemId: string
  response: string | null
  n: number | bigint | string
  sx: number | string | null
  sy: number | string | null
  sxy: number | string | null
  sxx: number | string | null
  syy: number | string | null
}

/**
 * The sums item statistics need, in one statement over the submitted attempts of one kind
 * (the same SQL on SQLite and PostgreSQL): per item n, Σx, Σy, Σxy, Σx², Σy² with x the
 * answer's credit and y the rest of its attempt (the attempt's total credit minus x), and per
 * (item, stored response) the number of answers. No row per answer leaves the database.
 */
export async function readItemAggregates(db: Db, kind: QuizKindForStatistics): Promise<ItemAggregates> {
  const rows = await db.$queryRaw<AggregateRow[]>`
    WITH "scope" AS (
      SELECT a."attemptId", a."itemId", a."response", a."credit"
      FROM "quiz_answer" a JOIN "quiz_attempt" t ON t."id" = a."attemptId"
      WHERE t."submittedAt" IS NOT NULL AND CAST(t."kind" AS TEXT) = ${kind}
    ), "totals" AS (
      SELECT "attemptId", SUM("credit") AS "total" FROM "scope" GROUP BY "attemptId"
    ), "pairs" AS (
      SELECT s."itemId", s."credit" AS "x", t."total" - s."credit" AS "y"
      FROM "scope" s JOIN "totals" t ON t."attemptId" = s."attemptId"
    )
    SELECT "itemId", CAST(NULL AS TEXT) AS "response", COUNT(*) AS "n", SUM("x") AS "sx", SUM("y") AS "sy",
      SUM("x" * "y") AS "sxy", SUM("x" * "x") AS "sxx", SUM("y" * "y") AS "syy"
    FROM "pairs" GROUP BY "itemId"
    UNION ALL
    SELECT "itemId", "response", COUNT(*) AS "n", NULL, NULL, NULL, NULL, NULL
    FROM "scope" GROUP BY "itemId", "response"`
  const moments = new Map<string, CreditMoments>()
  const tallies = new Map<string, ResponseTally[]>()
  for (const row of rows) {
    if (row.response === null) {
      moments.set(row.itemId, {
        n: Number(row.n),
        sumX: Number(row.sx ?? 0),
        sumY: Number(row.sy ?? 0),
        sumXY: Number(row.sxy ?? 0),
        sumXX: Number(row.sxx ?? 0),
        sumYY: Number(row.syy ?? 0),
      })
    } else {
      const list = tallies.get(row.itemId)
      const tally = { response: row.response, count: Number(row.n) }
      if (list) list.push(tally)
      else tallies.set(row.itemId, [tally])
    }
  }
  return { moments, tallies }
}

/**
 * Statistics for every item of the current bank (in area, then bank order), from the recorded
 * answers of one attempt kind. Answers to items no longer in the bank are not listed.
 */
export async function getItemStatistics(db: Db, kind: QuizKindForStatistics): Promise<ItemStatistics[]> {
  const { bank, coverage } = getQuestionBank()
  const aggregates = await readItemAggregates(db, kind)
  const areaOrder = new Map(coverage.areas.map((area, index) => [area.id, index]))
  const stats = bank.items.map((item) => itemStatistics(item, bank.areaOfRule.get(item.rules[0]) ?? '', aggregates.moments.get(item.id), aggregates.tallies.get(item.id) ?? []))
  return stats
    .map((s, index) => ({ s, index }))
    .sort((a, b) => (areaOrder.get(a.s.area) ?? 99) - (areaOrder.get(b.s.area) ?? 99) || a.index - b.index)
    .map(({ s }) => s)
}
