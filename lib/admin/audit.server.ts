import 'server-only'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { beyondTimeKey, readNewestFirst } from '@/lib/paging/time-key'
import { AUDIT_PAGE_SIZE, untilBound, type AuditQuery } from './audit-query'

const entrySelect = {
  id: true,
  at: true,
  action: true,
  targetType: true,
  targetId: true,
  details: true,
  actor: { select: { name: true, email: true } },
  agency: { select: { code: true, name: true } },
} satisfies Prisma.AuditLogSelect

/**
 * One page of the audit log, newest first, read from a key rather than an offset (decision
 * 065), with the cursors of the pages next to it. No total: counting a log of millions of
 * entries on every page would cost more than the page.
 */
export async function listAuditLog(query: AuditQuery) {
  const filter: Prisma.AuditLogWhereInput = {
    ...(query.actionPrefix ? { action: { startsWith: query.actionPrefix } } : {}),
    ...(query.agencyId ? { agencyId: query.agencyId } : {}),
  }
  const until = untilBound(query.untilDay)
  const start: Prisma.AuditLogWhereInput = query.cursor ? beyondTimeKey('at', query.cursor.direction, query.cursor.key) : until ? { at: { lt: until } } : {}
  const { rows, newer, older } = await readNewestFirst<Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>>({
    cursor: query.cursor,
    pageSize: AUDIT_PAGE_SIZE,
    startsAtNewest: query.cursor === null && until === null,
    keyOf: (entry) => ({ at: entry.at, id: entry.id }),
    read: (direction, take) => {
      const order = direction === 'older' ? ('desc' as const) : ('asc' as const)
      return db.auditLog.findMany({ where: { AND: [filter, start] }, orderBy: [{ at: order }, { id: order }], take, select: entrySelect })
    },
    anyBeyond: async (direction, key) => (await db.auditLog.findFirst({ where: { AND: [filter, beyondTimeKey('at', direction, key)] }, select: { id: true } })) !== null,
  })
  return { entries: rows, newer, older }
}

/**
 * The distinct action names logged so far, for the filter's suggestions. Read by skipping from
 * one action to the next along the index on ("action", "at"): a few dozen index probes, where
 * `SELECT DISTINCT` read every entry of the log.
 */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.$queryRaw<{ action: string | null }[]>(Prisma.sql`
    WITH RECURSIVE actions(action) AS (
      SELECT MIN("action") FROM "audit_log"
      UNION ALL
      SELECT (SELECT MIN(l."action") FROM "audit_log" l WHERE l."action" > actions.action)
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`)
  return rows.map((row) => row.action!)
}
