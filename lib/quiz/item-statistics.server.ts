import 'server-only'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import type { Db } from '@/lib/db/create-client'
import { itemStatistics, type CreditMoments, type ItemStatistics, type ResponseTally } from './item-statistics'
import { filterStatistics, TEST_KINDS, type BankStatisticsQuery } from './item-statistics-report'

export type QuizKindForStatistics = 'pretest' | 'posttest'

export interface ItemAggregates {
  readonly moments: ReadonlyMap<string, CreditMoments>
  readonly tallies: ReadonlyMap<string, readonly ResponseTally[]>
}

type AggregateRow = {
  itemId: string
  response: string
  n: number | bigint | string
  sx: number | string | null
  sy: number | string | null
  sxy: number | string | null
  sxx: number | string | null
  syy: number | string | null
}

/**
 * The sums item statistics need, in one statement over the submitted attempts of one kind
 * (the same SQL on SQLite and PostgreSQL). One row per (item, stored response) with the number
 * of answers and their sums Σx, Σy, Σxy, Σx², Σy², x being the answer's credit and y the rest
 * of its attempt (the attempt's total credit minus x). Adding up an item's rows in JS gives its
 * moments; the rows themselves are its response tallies. One pass and one grouping over the
 * answers; the rows returned are bounded by the distinct responses (a few per item), never one
 * per answer. The answers the retention job deleted (decision 047) come from
 * quiz_answer_aggregate, whose rows hold the same sums, so the statistics stay as they were.
 */
export async function readItemAggregates(db: Db, kind: QuizKindForStatistics): Promise<ItemAggregates> {
  // CROSS JOIN fixes the join order on SQLite (its planner otherwise scans every answer and
  // looks its attempt up, ~3x slower at 1,000,000 answers): attempts first, then each attempt's
  // answers through the (attemptId, itemId) primary key. PostgreSQL plans it as an inner join.
  const rows = await db.$queryRaw<AggregateRow[]>`
    WITH "totals" AS (
      SELECT t."id" AS "attemptId", SUM(a."credit") AS "total"
      FROM "quiz_attempt" t CROSS JOIN "quiz_answer" a
      WHERE a."attemptId" = t."id" AND t."submittedAt" IS NOT NULL AND CAST(t."kind" AS TEXT) = ${kind}
      GROUP BY t."id"
    ), "pairs" AS (
      SELECT a."itemId", a."response", a."credit" AS "x", t."total" - a."credit" AS "y"
      FROM "totals" t CROSS JOIN "quiz_answer" a
      WHERE a."attemptId" = t."attemptId"
    )
    SELECT "itemId", "response", COUNT(*) AS "n", SUM("x") AS "sx", SUM("y") AS "sy",
      SUM("x" * "y") AS "sxy", SUM("x" * "x") AS "sxx", SUM("y" * "y") AS "syy"
    FROM "pairs" GROUP BY "itemId", "response"
    UNION ALL
    SELECT "itemId", "response", SUM("n") AS "n", SUM("sumX") AS "sx", SUM("sumY") AS "sy",
      SUM("sumXY") AS "sxy", SUM("sumXX") AS "sxx", SUM("sumYY") AS "syy"
    FROM "quiz_answer_aggregate" WHERE "kind" = ${kind} GROUP BY "itemId", "response"`
  const moments = new Map<string, CreditMoments>()
  const tallies = new Map<string, { response: string; count: number }[]>()
  for (const row of rows) {
    const n = Number(row.n)
    const before = moments.get(row.itemId) ?? { n: 0, sumX: 0, sumY: 0, sumXY: 0, sumXX: 0, sumYY: 0 }
    moments.set(row.itemId, {
      n: before.n + n,
      sumX: before.sumX + Number(row.sx ?? 0),
      sumY: before.sumY + Number(row.sy ?? 0),
      sumXY: before.sumXY + Number(row.sxy ?? 0),
      sumXX: before.sumXX + Number(row.sxx ?? 0),
      sumYY: before.sumYY + Number(row.syy ?? 0),
    })
    const list = tallies.get(row.itemId)
    const same = list?.find((tally) => tally.response === row.response)
    if (same) same.count += n
    else if (list) list.push({ response: row.response, count: n })
    else tallies.set(row.itemId, [{ response: row.response, count: n }])
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

/** What the admin's "Bank soal" page and its CSV show for a query (filters checked here). */
export async function getBankStatisticsView(db: Db, query: BankStatisticsQuery) {
  const { coverage } = getQuestionBank()
  const all = await getItemStatistics(db, TEST_KINDS[query.uji])
  const area = query.area && coverage.areas.some((a) => a.id === query.area) ? query.area : undefined
  const applied: BankStatisticsQuery = { ...query, area }
  return {
    query: applied,
    items: filterStatistics(all, applied),
    itemCount: all.length,
    answerCount: all.reduce((sum, s) => sum + s.answers, 0),
    areas: coverage.areas.map((a) => ({ id: a.id, title: a.title ?? a.id })),
  }
}
