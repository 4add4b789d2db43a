import 'server-only'
import { randomUUID } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import { z } from 'zod'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { activationCodeMatches, hashActivationCode, newActivationCode } from './activation-code'
import { codeAttemptRefused, codeKeys } from './activation.server'
import { nipCodeAndPasswordSchema } from './registration-schema'
import { resetLimit } from '@/lib/rate-limit/limiter.server'

/** A reset code is valid this long after HR issues it. */
export const RESET_CODE_VALID_HOURS = 24
const identifierOf = (userId: string) => `reset:${userId}`

export type IssueResult = { ok: true; value: { code: string; name: string; expiresAt: Date } } | { ok: false; fieldErrors: FieldErrors }

const issueSchema = z.object({ userId: z.string({ error: 'Pegawai tidak ditemukan.' }).min(1, 'Pegawai tidak ditemukan.').max(100, 'Pegawai tidak ditemukan.') })

/**
 * An HR officer issues a one-time password-reset code for a learner of their own agency who has
 * a password (someone never activated gets an activation code instead). The code is shown once;
 * only its hash is kept (in `verification`, identifier `reset:<userId>`), an earlier one stops
 * working, and it is audit-logged. Email will reuse this later.
 */
export async function issueResetCode(officer: { id: string; agencyId: string }, raw: Record<string, unknown>): Promise<IssueResult> {
  const parsed = issueSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
  const person = await db.user.findUnique({
    where: { id: parsed.data.userId },
    select: { id: true, name: true, agencyId: true, disabledAt: true, grants: { select: { id: true }, take: 1 }, accounts: { where: { providerId: 'credential' }, select: { password: true } } },
  })
  // Another agency's person is answered exactly like an unknown one.
  if (!person || person.agencyId !== officer.agencyId) return { ok: false, fieldErrors: { form: 'Pegawai tidak ditemukan.' } }
  // Someone who administers (HR, unit, admin) is reset by the platform admin, never by a colleague.
  if (person.grants.length > 0) return { ok: false, fieldErrors: { form: 'Kode atur ulang dari HR hanya untuk peserta tanpa peran pengelola. Admin kepegawaian, operator unit dan admin diatur ulang oleh admin platform.' } }
  if (person.disabledAt) return { ok: false, fieldErrors: { form: 'Akun ini dinonaktifkan oleh admin platform.' } }
  if (!person.accounts.some((account) => account.password)) {
    return { ok: false, fieldErrors: { form: 'Akun ini belum diaktifkan. Berikan kode aktivasi (menu Impor) sebagai gantinya.' } }
  }
  const code = newActivationCode()
  const expiresAt = new Date(Date.now() + RESET_CODE_VALID_HOURS * 3_600_000)
  await db.$transaction([
    db.verification.deleteMany({ where: { identifier: identifierOf(person.id) } }),
    db.verification.create({ data: { id: randomUUID(), identifier: identifierOf(person.id), value: hashActivationCode(code), expiresAt } }),
    auditLogCreate({ action: 'user.reset_code_issued', actorId: officer.id, agencyId: officer.agencyId, targetType: 'user', targetId: person.id, details: { expiresAt: expiresAt.toISOString() } }),
  ])
  return { ok: true, value: { code, name: person.name, expiresAt } }
}

const redeemSchema = nipCodeAndPasswordSchema('kode')

export type RedeemResult = { ok: true } | { ok: false; fieldErrors: FieldErrors; nip: string }

const WRONG = 'NIP atau kode tidak cocok, atau kodenya sudah dipakai atau kedaluwarsa. Minta kode baru ke admin kepegawaian.'

/**
 * /atur-ulang-sandi: NIP + the code from HR + a new password. Throttled like activation; the code
 * is used up in the same transaction that sets the password (a second use, even a parallel one,
 * finds nothing), and every session of the person ends.
 */
export async function redeemResetCode(raw: Record<string, unknown>, requestHeaders: Headers): Promise<RedeemResult> {
  const nipTyped = typeof raw.nip === 'string' ? raw.nip.slice(0, 40) : ''
  const parsed = redeemSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), nip: nipTyped }
  const { nip, code, password } = parsed.data
  const limited = await codeAttemptRefused('reset', nip, requestHeaders)
  if (limited) return { ok: false, nip, fieldErrors: { form: limited } }
  const now = new Date()
  const user = await db.user.findUnique({ where: { nip }, select: { id: true, agencyId: true, disabledAt: true } })
  const stored = user && !user.disabledAt ? await db.verification.findFirst({ where: { identifier: identifierOf(user.id), expiresAt: { gt: now } } }) : null
  if (!user || !stored || !activationCodeMatches(code, stored.value)) return { ok: false, nip, fieldErrors: { form: WRONG } }

  const hash = await hashPassword(password)
  const done = await db.$transaction(async (tx) => {
    // Used up here: of two parallel uses, only one deletes the row.
    const used = await tx.verification.deleteMany({ where: { id: stored.id, expiresAt: { gt: now } } })
    if (used.count !== 1) return false
    const updated = await tx.account.updateMany({ where: { userId: user.id, providerId: 'credential' }, data: { password: hash } })
    if (updated.count !== 1) throw new Error('credential account missing')
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } })
    await auditLogCreate({ action: 'user.password_reset', actorId: user.id, agencyId: user.agencyId, targetType: 'user', targetId: user.id, details: { sessionsEnded: sessions.count } }, tx)
    return true
  })
  if (!done) return { ok: false, nip, fieldErrors: { form: WRONG } }
  await resetLimit(codeKeys.nip('reset', nip))
  return { ok: true }
}
