import 'server-only'
import type { EmploymentType } from '@/lib/vocabulary/employment-types'
import { headers } from 'next/headers'
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { capabilitiesFrom, type AgencyScope, type Capabilities } from './capabilities'
import { mustAcceptNotice, PRIVACY_ACCEPT_PATH } from '@/lib/privacy/notice'
import { getDatabaseSessionUser } from './database-session.server'

export type CurrentUser = {
  id: string
  name: string
  email: string
  /** What the person may do beyond learning (decision 037); every account is a learner. */
  capabilities: Capabilities
  nip: string | null
  employmentType: EmploymentType | null
  /** The agency the person works in (their own learning); what they administer is in `capabilities`. */
  agencyId: string | null
  agencyName: string | null
  unitId: string | null
  unitName: string | null
  /** A newer privacy notice than the person accepted is in force: pages ask first (decision 047). */
  mustAcceptNotice: boolean
}

/**
 * The signed-in user for this request (read once per request), or null. The session is checked
 * in the database every time (sign-out, disabling and staff timeouts apply at once), in the
 * same query as the user's grants, agency and unit, so an admin's change applies at once too.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getDatabaseSessionUser(await headers())
  if (!session) return null
  const { user } = session
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    capabilities: capabilitiesFrom(user.grants),
    nip: user.nip,
    employmentType: user.employmentType,
    agencyId: user.agencyId,
    agencyName: user.agency?.name ?? null,
    unitId: user.unitId,
    unitName: user.unit?.name ?? null,
    mustAcceptNotice: mustAcceptNotice(user.noticeAccepted),
  }
})

/**
 * The signed-in user, or a redirect to sign-in that comes back to `returnTo`. A person who has
 * not accepted the current privacy notice is sent to accept it first, and then back to
 * `returnTo` (decision 047). Pages only: routes and server actions read `getCurrentUser` through
 * lib/http/handler, so a JSON call is never redirected to an HTML page.
 */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) redirect(`/masuk?kembali=${encodeURIComponent(returnTo)}`)
  if (user.mustAcceptNotice) redirect(`${PRIVACY_ACCEPT_PATH}?kembali=${encodeURIComponent(returnTo)}`)
  return user
}

/** A platform admin; anyone else gets 403 (never the page's data). */
export async function requireAdmin(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo)
  if (!user.capabilities.admin) forbidden()
  return user
}

/** An HR officer, with `agencyId` set to the one agency they administer. */
export async function requireHrOfficer(returnTo: string): Promise<CurrentUser & { agencyId: string }> {
  const user = await requireUser(returnTo)
  const agencyId = user.capabilities.hrAgencyId
  if (!agencyId) forbidden()
  return { ...user, agencyId }
}

/**
 * Whoever may look at (part of) an agency's people: HR (all of it), unit operators and unit heads
 * (their units). `agencyId` is the scope's agency; the read model is asked with `scope.unitIds`.
 */
export async function requireAgencyViewer(returnTo: string): Promise<CurrentUser & { agencyId: string; scope: AgencyScope }> {
  const user = await requireUser(returnTo)
  const scope = user.capabilities.scope
  if (!scope) forbidden()
  return { ...user, agencyId: scope.agencyId, scope }
}
