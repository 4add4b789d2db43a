import 'server-only'
import { db } from '@/lib/db/db.server'
import { AUDIT_PAGE_SIZE, type AuditQuery } from './audit-query'

/** One page of the audit log, newest first, with the total for paging. */
export async function listAuditLog(query: AuditQuery) {
  const where = {
    ...(query.actionPrefix ? { action: { startsWith: query.actionPrefix } } : {}),
    ...(query.agencyId ? { agencyId: query.agencyId } : {}),
  }
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        targetType: true,
        targetId: true,
        details: true,
        actor: { select: { name: true, email: true } },
        agency: { select: { code: true, name: true } },
      },
    }),
  ])
  return { total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), entries }
}

/** The distinct action names logged so far, for the filter's suggestions. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } })
  return rows.map((row) => row.action)
}
