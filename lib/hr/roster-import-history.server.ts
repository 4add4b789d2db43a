import 'server-only'
import { waitingFor } from '@/lib/accounts/invitations.server'
import { db } from '@/lib/db/db.server'

export type PastRosterImport = {
  id: string
  fileName: string
  importedAt: Date
  importedBy: string | null
  /** Accounts the import created. */
  created: number
  /** Of those, still in the agency and not yet activated: whom "Kirim undangan" would reach. */
  waiting: number
}

/**
 * The agency's latest roster imports (decision 052's record), newest first, with how many of the
 * accounts each created are still waiting to be activated, so HR can invite them again on a later
 * day from /hr/impor. Two statements: the imports, and the waiting people counted per import
 * with the invitations' own rule.
 */
export async function listRosterImports(agencyId: string, take = 10): Promise<PastRosterImport[]> {
  const imports = await db.rosterImport.findMany({
    // An import still being written (or abandoned) is nobody's to see (decision 053).
    where: { agencyId, publishedAt: { not: null } },
    orderBy: [{ importedAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, fileName: true, importedAt: true, created: true, importedBy: { select: { name: true } } },
  })
  if (imports.length === 0) return []
  const waiting = await db.rosterImportPerson.groupBy({
    by: ['importId'],
    where: { importId: { in: imports.map((row) => row.id) }, user: waitingFor(agencyId) },
    _count: { _all: true },
  })
  const waitingOf = new Map(waiting.map((row) => [row.importId, row._count._all]))
  return imports.map((row) => ({
    id: row.id,
    fileName: row.fileName,
    importedAt: row.importedAt,
    importedBy: row.importedBy?.name ?? null,
    created: row.created,
    waiting: waitingOf.get(row.id) ?? 0,
  }))
}
