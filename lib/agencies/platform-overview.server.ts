import 'server-only'
import { db } from '@/lib/db/db.server'

/** The admin home: every agency with its head counts, and the latest audit entries. */
export async function getPlatformOverview() {
  const [agencies, audit] = await Promise.all([
    db.agency.findMany({
      orderBy: { name: 'asc' },
      select: { id: true, code: true, name: true, _count: { select: { users: true, units: true } } },
    }),
    db.auditLog.findMany({
      orderBy: { at: 'desc' },
      take: 20,
      select: { id: true, at: true, action: true, actor: { select: { name: true } }, agency: { select: { code: true } } },
    }),
  ])
  return { agencies, audit }
}
