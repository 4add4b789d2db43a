import 'server-only'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { beyondTimeKey, readNewestFirst } from '@/lib/paging/time-key'
import { OUTBOX_COUNT_LIMIT, OUTBOX_PAGE_SIZE, OUTBOX_STATUSES, type BoundedCount, type OutboxQuery, type OutboxStatusValue } from './outbox-view'

const messageSelect = {
  id: true,
  kind: true,
  toAddress: true,
  toName: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
} satisfies Prisma.OutboxMessageSelect

/**
 * The admin's "Kotak keluar": one page, newest first, read from a key (decision 068, as the
 * audit log's, decision 065), with the cursors of the pages next to it and the count per status
 * up to OUTBOX_COUNT_LIMIT. Weekly reminders to a ministry keep over a million messages within
 * the outbox's retention; an offset, a total and a GROUP BY per view would read all of them.
 */
export async function listOutbox(query: OutboxQuery) {
  const filter: Prisma.OutboxMessageWhereInput = query.status ? { status: query.status } : {}
  const start: Prisma.OutboxMessageWhereInput = query.cursor ? beyondTimeKey('createdAt', query.cursor.direction, query.cursor.key) : {}
  const [page, counts] = await Promise.all([
    readNewestFirst<Prisma.OutboxMessageGetPayload<{ select: typeof messageSelect }>>({
      cursor: query.cursor,
      pageSize: OUTBOX_PAGE_SIZE,
      startsAtNewest: query.cursor === null,
      keyOf: (message) => ({ at: message.createdAt, id: message.id }),
      read: (direction, take) => {
        const order = direction === 'older' ? ('desc' as const) : ('asc' as const)
        return db.outboxMessage.findMany({ where: { AND: [filter, start] }, orderBy: [{ createdAt: order }, { id: order }], take, select: messageSelect })
      },
      anyBeyond: async (direction, key) =>
        (await db.outboxMessage.findFirst({ where: { AND: [filter, beyondTimeKey('createdAt', direction, key)] }, select: { id: true } })) !== null,
    }),
    boundedStatusCounts(),
  ])
  return { messages: page.rows, newer: page.newer, older: page.older, counts }
}

/**
 * Messages per status, each counted up to one past OUTBOX_COUNT_LIMIT, in one statement: each
 * count reads the (status, createdAt, id) index and stops there. (Prisma's `count` with `take`
 * selects every column in its subquery and so reads the table too: three times slower.)
 */
async function boundedStatusCounts(): Promise<Record<OutboxStatusValue, BoundedCount>> {
  // The statuses are this module's constants, written as literals: a parameter would be text,
  // which PostgreSQL does not compare with its enum.
  const counts = OUTBOX_STATUSES.map(
    (status) =>
      Prisma.sql`SELECT ${status} AS "status", COUNT(*) AS "n" FROM (SELECT 1 FROM "outbox_message" WHERE "status" = ${Prisma.raw(`'${status}'`)} LIMIT ${OUTBOX_COUNT_LIMIT + 1}) AS "upTo"`,
  )
  const rows = await db.$queryRaw<{ status: OutboxStatusValue; n: number | bigint }[]>(Prisma.join(counts, ' UNION ALL '))
  const byStatus = new Map(rows.map((row) => [row.status, Number(row.n)]))
  return Object.fromEntries(
    OUTBOX_STATUSES.map((status) => {
      const n = byStatus.get(status) ?? 0
      return [status, { n: Math.min(n, OUTBOX_COUNT_LIMIT), capped: n > OUTBOX_COUNT_LIMIT }]
    }),
  ) as Record<OutboxStatusValue, BoundedCount>
}

/** One message with its text and HTML, for the preview. */
export function findOutboxMessage(id: string) {
  if (id.length > 100) return Promise.resolve(null)
  return db.outboxMessage.findUnique({ where: { id } })
}
