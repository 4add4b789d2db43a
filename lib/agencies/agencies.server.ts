import 'server-only'
import { db } from '@/lib/db/db.server'

export type AgencyOption = { id: string; name: string; units: { id: string; name: string }[] }

/** Agencies and their units, for choosing one's workplace when registering. */
export async function listAgenciesWithUnits(): Promise<AgencyOption[]> {
  return db.agency.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, units: { orderBy: { name: 'asc' }, select: { id: true, name: true } } },
  })
}

/** The units of one agency, by name (for filters and assignment forms). */
/** The agency's units by name; with `unitIds` (a unit operator's or head's scope) only those. */
export async function listUnits(agencyId: string, unitIds: readonly string[] | null = null) {
  return db.unit.findMany({ where: { agencyId, ...(unitIds ? { id: { in: [...unitIds] } } : {}) }, orderBy: { name: 'asc' }, select: { id: true, name: true } })
}
