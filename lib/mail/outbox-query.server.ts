import 'server-only'
import { db } from '@/lib/db/db.server'
import { OUTBOX_PAGE_SIZE, OUTBOX_STATUSES, type OutboxQuery, type OutboxStatusValue } from './outbox-view'

/** The admin's "Kotak keluar": newest first, one page, with the count per status. */
export async function listOutbox(query: OutboxQuery) {
  const where = query.status ? { status: query.status } : {}
  const [messages, total, grouped] = await Promise.all([
    db.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: { id: true, kind: true, toAddress: true, toName: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, nextAttemptAt: true },
    }),
    db.outboxMessage.count({ where }),
    db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } }),
  ])
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatusValue, number>
  for (const row of grouped) counts[row.status] = row._count._all
  return { messages, total, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)), counts }
}

/** One message with its text and HTML, for the preview. */
export function findOutboxMessage(id: string) {
  if (id.length > 100) return Promise.resolve(null)
  return db.outboxMessage.findUnique({ where: { id } })
}
