import 'server-only'
import { writeAudit } from '@/lib/audit/audit.server'
import type { Db } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { capabilitiesFrom, navCapabilities, scopeKeyOf, type Grant, type NavCapabilities } from './capabilities'

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]

/**
 * Capability grants (decision 037): the one place that writes them, each write with its audit
 * entry in the caller's transaction, so who granted or removed what is never lost.
 */

const GRANT_SELECT = { capability: true, agencyId: true, unitId: true } as const

/** What the navigation of a learner page offers this person (one indexed read). */
export async function navCapabilitiesOf(userId: string): Promise<NavCapabilities> {
  return navCapabilities(capabilitiesFrom(await db.capabilityGrant.findMany({ where: { userId }, select: GRANT_SELECT })))
}

/** Grants `grant` to `userId` unless they hold it already; true when it was new. */
export async function grantCapability(tx: Tx, actorId: string | null, userId: string, grant: Grant): Promise<boolean> {
  const scopeKey = scopeKeyOf(grant)
  const existing = await tx.capabilityGrant.findUnique({
    where: { userId_capability_scopeKey: { userId, capability: grant.capability, scopeKey } },
    select: { id: true },
  })
  if (existing) return false
  await tx.capabilityGrant.create({
    data: { userId, capability: grant.capability, agencyId: grant.agencyId, unitId: grant.unitId, scopeKey, grantedById: actorId },
  })
  await auditGrant(tx, 'capability.granted', actorId, userId, grant)
  return true
}

function auditGrant(tx: Tx, action: 'capability.granted' | 'capability.revoked', actorId: string | null, userId: string, grant: Grant) {
  return writeAudit(
    {
      action,
      actorId,
      agencyId: grant.agencyId,
      targetType: 'user',
      targetId: userId,
      details: { capability: grant.capability, agencyId: grant.agencyId, unitId: grant.unitId },
    },
    tx,
  )
}

/** Removes the grants of `userId` that match (capability and, when given, agency or unit); returns how many. */
export async function revokeCapability(
  tx: Tx,
  actorId: string | null,
  userId: string,
  match: { capability: Grant['capability']; agencyId?: string; unitId?: string },
): Promise<number> {
  const where = { userId, capability: match.capability, ...(match.agencyId ? { agencyId: match.agencyId } : {}), ...(match.unitId ? { unitId: match.unitId } : {}) }
  const grants = await tx.capabilityGrant.findMany({ where, select: { id: true, ...GRANT_SELECT } })
  if (grants.length === 0) return 0
  await tx.capabilityGrant.deleteMany({ where: { id: { in: grants.map((g) => g.id) } } })
  for (const grant of grants) await auditGrant(tx, 'capability.revoked', actorId, userId, grant)
  return grants.length
}
