import 'server-only'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { AUDIT_PAGE_SIZE, untilBound, type AuditCursor, type AuditKey, type AuditQuery } from './audit-query'

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
 * Entries before (older) or after (newer) a key, in the log's order (time, then id). The bound on
 * the time alone lets the index on ("at", "id") start at the key; the second condition settles
 * entries of the same millisecond.
 */
function beyond(direction: AuditCursor['direction'], key: AuditKey): Prisma.AuditLogWhereInput {
  return direction === 'older'
    ? { AND: [{ at: { lte: key.at } }, { OR: [{ at: { lt: key.at } }, { id: { lt: key.id } }] }] }
    : { AND: [{ at: { gte: key.at } }, { OR: [{ at: { gt: key.at } }, { id: { gt: key.id } }] }] }
}

const keyOf = (entry: { at: Date; id: string }): AuditKey => ({ at: entry.at, id: entry.id })

/**
 * One page of the audit log, newest first, read from a key rather than an offset (decision
 * 065), with the cursors of the pages next to it: `older` when there are older entries, `newer`
 * when there are newer ones. No total: counting a log of millions of entries on every page
 * would cost more than the page.
 */
export async function listAuditLog(query: AuditQuery) {
  const filter: Prisma.AuditLogWhereInput = {
    ...(query.actionPrefix ? { action: { startsWith: query.actionPrefix } } : {}),
    ...(query.agencyId ? { agencyId: query.agencyId } : {}),
  }
  const until = untilBound(query.untilDay)
  const direction = query.cursor?.direction ?? 'older'
  const start = query.cursor ? beyond(query.cursor.direction, query.cursor.key) : until ? { at: { lt: until } } : {}
  const order = direction === 'older' ? ('desc' as const) : ('asc' as const)
  // One more than a page: whether there is a page beyond this one.
  const read = await db.auditLog.findMany({
    where: { AND: [filter, start] },
    orderBy: [{ at: order }, { id: order }],
    take: AUDIT_PAGE_SIZE + 1,
    select: entrySelect,
  })
  const more = read.length > AUDIT_PAGE_SIZE
  const page = read.slice(0, AUDIT_PAGE_SIZE)
  const entries = direction === 'older' ? page : page.reverse()
  const first = entries[0]
  const last = entries.at(-1)
  // The other side of a page: is anything there?
  const anyBeyond = async (side: AuditCursor['direction'], key: AuditKey) =>
    (await db.auditLog.findFirst({ where: { AND: [filter, beyond(side, key)] }, select: { id: true } })) !== null
  // The page read newer-wards knows its newer side from the extra row; one read older-wards
  // from the newest entry (no key, no day) has nothing newer.
  const startsAtNewest = query.cursor === null && until === null
  const hasNewer = !!first && (direction === 'newer' ? more : !startsAtNewest && (await anyBeyond('newer', keyOf(first))))
  const hasOlder = !!last && (direction === 'older' ? more : await anyBeyond('older', keyOf(last)))
  return {
    entries,
    newer: hasNewer && first ? ({ direction: 'newer', key: keyOf(first) } satisfies AuditCursor) : null,
    older: hasOlder && last ? ({ direction: 'older', key: keyOf(last) } satisfies AuditCursor) : null,
  }
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
