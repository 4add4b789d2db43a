import 'server-only'
import { db } from '@/lib/db/db.server'
import { logger } from './log.server'
import { createMetrics, type Metrics, type OutboxDepth } from './metrics'

// One registry per process, whichever bundle asks first (see log.server.ts).
const holder = globalThis as unknown as { bbsMetrics?: Metrics }

/** This process's metrics: request counters fed by request-log.server.ts, domain counters, the outbox read at scrape time. */
export function metrics(): Metrics {
  return (holder.bbsMetrics ??= createMetrics({
    defaultMetrics: true,
    readOutbox: readOutboxDepth,
    onReadError: (error) => logger().warn({ err: error }, 'metrics: the outbox could not be read'),
  }))
}

/** The outbox's messages by status and the age of the oldest pending one: two indexed reads. */
export async function readOutboxDepth(): Promise<OutboxDepth> {
  const [groups, oldest] = await Promise.all([
    db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } }),
    db.outboxMessage.findFirst({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
  ])
  return {
    counts: Object.fromEntries(groups.map((group) => [group.status, group._count._all])),
    oldestPendingSeconds: oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : null,
  }
}
