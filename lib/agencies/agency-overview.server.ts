import 'server-only'
import { db } from '@/lib/db/db.server'

/** What the HR home shows about the officer's own agency: never another agency's data. */
export async function getAgencyOverview(agencyId: string) {
  const [agency, learners, units] = await Promise.all([
    db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { name: true, code: true } }),
    db.user.count({ where: { agencyId, role: 'learner' } }),
    db.unit.findMany({
      where: { agencyId },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, _count: { select: { users: true } } },
    }),
  ])
  return { ...agency, learners, units: units.map((u) => ({ id: u.id, name: u.name, people: u._count.users })) }
}

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
