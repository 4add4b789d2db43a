import 'server-only'
import type { EmploymentType } from '@/lib/vocabulary/employment-types'
import { headers } from 'next/headers'
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { getDatabaseSessionUser } from './database-session.server'

export type Role = 'learner' | 'hr' | 'admin'

export type CurrentUser = {
  id: string
  name: string
  email: string
  role: Role
  nip: string | null
  employmentType: EmploymentType | null
  agencyId: string | null
  agencyName: string | null
  unitId: string | null
  unitName: string | null
}

/**
 * The signed-in user for this request (read once per request), or null. The session is checked
 * in the database every time (sign-out, disabling and HR/admin timeouts apply at once), in the
 * same query as the user's role, agency and unit, so an admin's change applies at once too.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getDatabaseSessionUser(await headers())
  if (!session) return null
  const { user } = session
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    nip: user.nip,
    employmentType: user.employmentType,
    agencyId: user.agencyId,
    agencyName: user.agency?.name ?? null,
    unitId: user.unitId,
    unitName: user.unit?.name ?? null,
  }
})

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) redirect(`/masuk?kembali=${encodeURIComponent(returnTo)}`)
  return user
}

/** A signed-in user with one of `roles`; anyone else gets 403 (never the page's data). */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo)
  if (!roles.includes(user.role)) forbidden()
  return user
}

/** An HR officer and the one agency they administer. */
export async function requireHrOfficer(returnTo: string): Promise<CurrentUser & { agencyId: string }> {
  const user = await requireRole(['hr'], returnTo)
  if (!user.agencyId) forbidden()
  return { ...user, agencyId: user.agencyId }
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return role === 'admin' ? '/admin' : role === 'hr' ? '/hr' : '/dasbor'
}
