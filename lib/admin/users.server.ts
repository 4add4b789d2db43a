import 'server-only'
import { visiblePeople } from '@/lib/hr/visible-people.server'
import { writeAudit } from '@/lib/audit/audit.server'
import { grantCapability, revokeCapability } from '@/lib/auth/grants.server'
import { db } from '@/lib/db/db.server'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { refused, type AdminResult } from './form-result'
import { appointHrSchema, disableUserSchema, enableUserSchema, removeHrSchema, userQuerySchema } from './schemas'

const USER_SELECT = {
  id: true,
  name: true,
  email: true,
  nip: true,
  agencyId: true,
  disabledAt: true,
  disabledReason: true,
  agency: { select: { code: true, name: true } },
  unit: { select: { name: true } },
  grants: { select: { capability: true, agencyId: true, unitId: true, agency: { select: { name: true } }, unit: { select: { name: true } } } },
} as const

/** Users whose email or NIP contains the query (at most 20), for /admin/pengguna. */
export async function findUsers(query: unknown): Promise<AdminResult<Awaited<ReturnType<typeof searchUsers>>>> {
  const parsed = userQuerySchema.safeParse(query)
  if (!parsed.success) return refused({ q: parsed.error.issues[0]?.message ?? 'Pencarian tidak valid.' })
  return { ok: true, value: await searchUsers(parsed.data) }
}

async function searchUsers(query: string) {
  const digits = query.replace(/\s/g, '')
  const where = /^\d+$/.test(digits) ? { nip: { contains: digits } } : { email: { contains: query.toLowerCase() } }
  return db.user.findMany({ where: visiblePeople(where), orderBy: { email: 'asc' }, take: 20, select: USER_SELECT })
}

// Nobody grants themselves more (or quietly less): another admin does, and the audit log says who.
const OWN_CAPABILITIES = 'Anda tidak dapat mengubah peran Anda sendiri; minta admin platform lain.'

export type RoleChange = { userId: string; name: string; hr: boolean; agencyName: string | null }

/**
 * Makes a user the HR officer of one agency (an `hr` grant for it; a person is HR of at most one
 * agency, so another agency's grant is removed), with its audit entries. They stay a learner.
 */
export async function appointHrOfficer(actorId: string, input: unknown): Promise<AdminResult<RoleChange>> {
  const parsed = appointHrSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { userId, agencyId } = parsed.data
  if (userId === actorId) return refused({ form: OWN_CAPABILITIES })
  return db.$transaction(async (tx) => {
    const [user, agency] = await Promise.all([
      tx.user.findUnique({
        where: { id: userId },
        select: { id: true, name: true, agencyId: true, nip: true, agency: { select: { name: true } }, unit: { select: { agencyId: true } } },
      }),
      tx.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true } }),
    ])
    if (!user) return refused({ form: 'Pengguna tidak ditemukan.' })
    if (!agency) return refused({ agencyId: 'Instansi tidak ditemukan.' })
    // A person with a NIP who works in another agency moves only by mutasi (approved by that agency).
    if (user.nip && user.agencyId && user.agencyId !== agencyId) {
      return refused({
        form: `${user.name} adalah pegawai ${user.agency?.name ?? 'instansi lain'}. Pindahkan dulu melalui mutasi (disetujui instansi asal) sebelum menjadikannya admin kepegawaian ${agency.name}.`,
      })
    }
    const granted = await grantCapability(tx, actorId, userId, { capability: 'hr', agencyId, unitId: null })
    if (!granted) return refused({ form: `${user.name} sudah menjadi admin kepegawaian ${agency.name}.` })
    const others = await tx.capabilityGrant.findMany({ where: { userId, capability: 'hr', agencyId: { not: agencyId } }, select: { agencyId: true } })
    for (const other of others) if (other.agencyId) await revokeCapability(tx, actorId, userId, { capability: 'hr', agencyId: other.agencyId })
    // Someone without a NIP (platform staff) works where they administer; a unit belongs to one agency.
    if (user.agencyId !== agencyId) {
      const unitStays = user.unit?.agencyId === agencyId
      await tx.user.update({ where: { id: userId }, data: { agencyId, ...(unitStays ? {} : { unitId: null }) } })
    }
    return { ok: true as const, value: { userId, name: user.name, hr: true, agencyName: agency.name } }
  })
}

/** Takes the HR capability away; the person stays a learner of their agency. */
export async function removeHrRole(actorId: string, input: unknown): Promise<AdminResult<RoleChange>> {
  const parsed = removeHrSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { userId } = parsed.data
  if (userId === actorId) return refused({ form: OWN_CAPABILITIES })
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, agency: { select: { name: true } } } })
    if (!user) return refused({ form: 'Pengguna tidak ditemukan.' })
    const removed = await revokeCapability(tx, actorId, userId, { capability: 'hr' })
    if (removed === 0) return refused({ form: `${user.name} bukan admin kepegawaian.` })
    return { ok: true as const, value: { userId, name: user.name, hr: false, agencyName: user.agency?.name ?? null } }
  })
}

/** The HR officers of every agency, for the overview on /admin/pengguna. */
export async function listHrOfficers() {
  return db.user.findMany({
    where: { grants: { some: { capability: 'hr' } } },
    orderBy: [{ agency: { name: 'asc' } }, { name: 'asc' }],
    select: USER_SELECT,
  })
}

export type AccessChange = { userId: string; name: string; sessionsEnded: number }

/**
 * Disables an account: it cannot sign in (auth.server.ts gives it no session) and every session
 * it has ends now, in the same transaction as the audit entry. Not one's own account.
 */
export async function disableUser(actorId: string, input: unknown): Promise<AdminResult<AccessChange>> {
  const parsed = disableUserSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { userId, reason } = parsed.data
  if (userId === actorId) return refused({ form: 'Anda tidak dapat menonaktifkan akun Anda sendiri.' })
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, agencyId: true } })
    if (!user) return refused({ form: 'Pengguna tidak ditemukan.' })
    const { count } = await tx.user.updateMany({ where: { id: userId, disabledAt: null }, data: { disabledAt: new Date(), disabledReason: reason } })
    if (count === 0) return refused({ form: `Akun ${user.name} sudah nonaktif.` })
    const sessions = await tx.session.deleteMany({ where: { userId } })
    await writeAudit({ action: 'user.disabled', actorId, agencyId: user.agencyId, targetType: 'user', targetId: userId, details: { reason, sessionsEnded: sessions.count } }, tx)
    return { ok: true as const, value: { userId, name: user.name, sessionsEnded: sessions.count } }
  })
}

/** Lets a disabled account sign in again. */
export async function enableUser(actorId: string, input: unknown): Promise<AdminResult<AccessChange>> {
  const parsed = enableUserSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { userId } = parsed.data
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, agencyId: true, disabledReason: true } })
    if (!user) return refused({ form: 'Pengguna tidak ditemukan.' })
    const { count } = await tx.user.updateMany({ where: { id: userId, disabledAt: { not: null } }, data: { disabledAt: null, disabledReason: null } })
    if (count === 0) return refused({ form: `Akun ${user.name} sudah aktif.` })
    await writeAudit({ action: 'user.enabled', actorId, agencyId: user.agencyId, targetType: 'user', targetId: userId, details: { previousReason: user.disabledReason } }, tx)
    return { ok: true as const, value: { userId, name: user.name, sessionsEnded: 0 } }
  })
}
