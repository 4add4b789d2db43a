import 'server-only'
import { writeAudit } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { refused, type AdminResult } from './form-result'
import { appointHrSchema, disableUserSchema, enableUserSchema, removeHrSchema, userQuerySchema } from './schemas'

const USER_SELECT = {
  id: true,
  name: true,
  email: true,
  nip: true,
  role: true,
  agencyId: true,
  disabledAt: true,
  disabledReason: true,
  agency: { select: { code: true, name: true } },
  unit: { select: { name: true } },
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
  return db.user.findMany({ where, orderBy: { email: 'asc' }, take: 20, select: USER_SELECT })
}

export type RoleChange = { userId: string; name: string; role: 'learner' | 'hr'; agencyName: string | null }

/** Makes a user the HR officer of one agency (role hr + that agency), with its audit entry. */
export async function appointHrOfficer(actorId: string, input: unknown): Promise<AdminResult<RoleChange>> {
  const parsed = appointHrSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { userId, agencyId } = parsed.data
  if (userId === actorId) return refused({ form: 'Anda tidak dapat menurunkan peran Anda sendiri dari admin.' })
  return db.$transaction(async (tx) => {
    const [user, agency] = await Promise.all([
      tx.user.findUnique({
        where: { id: userId },
        select: { id: true, name: true, role: true, agencyId: true, nip: true, agency: { select: { name: true } }, unit: { select: { agencyId: true } } },
      }),
      tx.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true } }),
    ])
    if (!user) return refused({ form: 'Pengguna tidak ditemukan.' })
    if (!agency) return refused({ agencyId: 'Instansi tidak ditemukan.' })
    if (user.role === 'hr' && user.agencyId === agencyId) return refused({ form: `${user.name} sudah menjadi admin kepegawaian ${agency.name}.` })
    // A person with a NIP who works in another agency moves only by mutasi (approved by that agency).
    if (user.nip && user.agencyId && user.agencyId !== agencyId) {
      return refused({
        form: `${user.name} adalah pegawai ${user.agency?.name ?? 'instansi lain'}. Pindahkan dulu melalui mutasi (disetujui instansi asal) sebelum menjadikannya admin kepegawaian ${agency.name}.`,
      })
    }
    // A unit belongs to one agency: moving the person to another agency clears it.
    const unitStays = user.unit?.agencyId === agencyId
    await tx.user.update({ where: { id: userId }, data: { role: 'hr', agencyId, ...(unitStays ? {} : { unitId: null }) } })
    await writeAudit(
      {
        action: 'user.role_changed',
        actorId,
        agencyId,
        targetType: 'user',
        targetId: userId,
        details: { old: { role: user.role, agencyId: user.agencyId }, new: { role: 'hr', agencyId } },
      },
      tx,
    )
    return { ok: true as const, value: { userId, name: user.name, role: 'hr' as const, agencyName: agency.name } }
  })
}

/** Takes the HR role away: back to learner, agency kept. */
export async function removeHrRole(actorId: string, input: unknown): Promise<AdminResult<RoleChange>> {
  const parsed = removeHrSchema.safeParse(input)
  if (!parsed.success) return refused(fieldErrorsOf(parsed.error))
  const { userId } = parsed.data
  if (userId === actorId) return refused({ form: 'Anda tidak dapat menurunkan peran Anda sendiri dari admin.' })
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, role: true, agencyId: true, agency: { select: { name: true } } } })
    if (!user) return refused({ form: 'Pengguna tidak ditemukan.' })
    if (user.role !== 'hr') return refused({ form: `${user.name} bukan admin kepegawaian.` })
    const { count } = await tx.user.updateMany({ where: { id: userId, role: 'hr' }, data: { role: 'learner' } })
    if (count === 0) return refused({ form: `${user.name} bukan admin kepegawaian.` })
    await writeAudit(
      {
        action: 'user.role_changed',
        actorId,
        agencyId: user.agencyId,
        targetType: 'user',
        targetId: userId,
        details: { old: { role: 'hr', agencyId: user.agencyId }, new: { role: 'learner', agencyId: user.agencyId } },
      },
      tx,
    )
    return { ok: true as const, value: { userId, name: user.name, role: 'learner' as const, agencyName: user.agency?.name ?? null } }
  })
}

/** The HR officers of every agency, for the overview on /admin/pengguna. */
export async function listHrOfficers() {
  return db.user.findMany({ where: { role: 'hr' }, orderBy: [{ agency: { name: 'asc' } }, { name: 'asc' }], select: USER_SELECT })
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
