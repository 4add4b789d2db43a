/**
 * What a person may do beyond learning (decision 037). Every account is a learner; admin, HR,
 * unit operator and unit head are grants with a scope, held in `capability_grant`. Plain
 * functions over the grants read with the session, so every page and route decides the same way.
 */

export const CAPABILITIES = ['admin', 'hr', 'unit_operator', 'unit_head'] as const
export type Capability = (typeof CAPABILITIES)[number]

export type Grant = { capability: Capability; agencyId: string | null; unitId: string | null }

/**
 * The part of an agency a person may see on the HR pages: all of it (HR), or some of its units
 * (unit operators act on their people; unit heads only read).
 */
export type AgencyScope = {
  agencyId: string
  /** null: the whole agency; otherwise only people in these units. */
  unitIds: readonly string[] | null
  /** HR: imports, cohorts, settings, verification, mutasi. */
  manage: boolean
  /** HR and unit operators: assign people to cohorts, send reminders. Unit heads only read. */
  act: boolean
}

export type Capabilities = {
  admin: boolean
  /** The one agency this person administers as HR, if any. */
  hrAgencyId: string | null
  /** HR's whole agency, else the units this person operates or heads (one agency). */
  scope: AgencyScope | null
}

export const NO_CAPABILITIES: Capabilities = { admin: false, hrAgencyId: null, scope: null }

/** The key that makes a grant unique per person and capability (see the schema). */
export function scopeKeyOf(grant: Grant): string {
  if (grant.capability === 'admin') return ''
  if (grant.capability === 'hr') return grant.agencyId ?? ''
  return grant.unitId ?? ''
}

export function capabilitiesFrom(grants: readonly Grant[]): Capabilities {
  const admin = grants.some((g) => g.capability === 'admin')
  const hr = grants.find((g) => g.capability === 'hr' && g.agencyId)
  if (hr?.agencyId) return { admin, hrAgencyId: hr.agencyId, scope: { agencyId: hr.agencyId, unitIds: null, manage: true, act: true } }
  const unitGrants = grants.filter((g) => (g.capability === 'unit_operator' || g.capability === 'unit_head') && g.agencyId && g.unitId)
  const first = unitGrants[0]
  if (!first?.agencyId) return { admin, hrAgencyId: null, scope: null }
  // Unit grants are of one agency (granting refuses otherwise); any other is ignored here.
  const ofAgency = unitGrants.filter((g) => g.agencyId === first.agencyId)
  const operated = ofAgency.filter((g) => g.capability === 'unit_operator').map((g) => g.unitId as string)
  const unitIds = [...new Set(ofAgency.map((g) => g.unitId as string))].sort()
  return { admin, hrAgencyId: null, scope: { agencyId: first.agencyId, unitIds, manage: false, act: operated.length > 0 } }
}

/** Whether a person in `unitId` is inside `scope` (of the same agency, checked by the caller). */
export function unitInScope(scope: AgencyScope, unitId: string | null): boolean {
  return scope.unitIds === null || (unitId !== null && scope.unitIds.includes(unitId))
}

/** Where a person lands after signing in. */
export function homeFor(capabilities: Capabilities): string {
  if (capabilities.admin) return '/admin'
  if (capabilities.scope) return '/hr'
  return '/dasbor'
}

/** What the navigation offers (the server checks each page and route again). */
export type NavCapabilities = { admin: boolean; hr: boolean; unit: boolean }

export function navCapabilities(capabilities: Capabilities): NavCapabilities {
  return { admin: capabilities.admin, hr: capabilities.hrAgencyId !== null, unit: capabilities.hrAgencyId === null && capabilities.scope !== null }
}
