import 'server-only'
import { APIError } from 'better-auth/api'
import { z } from 'zod'
import { writeAudit } from '@/lib/audit/audit.server'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { retryPhrase } from '@/lib/rate-limit/limiter'
import { hitLimit, resetLimit } from '@/lib/rate-limit/limiter.server'
import { POLICIES } from '@/lib/rate-limit/policies'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { passwordSchema } from './registration-schema'

export type AccountResult = { ok: true } | { ok: false; fieldErrors: FieldErrors }

const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Isi kata sandi Anda saat ini.' }).min(1, 'Isi kata sandi Anda saat ini.').max(200, 'Kata sandi terlalu panjang.'),
    password: passwordSchema,
    passwordConfirm: z.string({ error: 'Ulangi kata sandi baru.' }),
  })
  .refine((value) => value.password === value.passwordConfirm, { path: ['passwordConfirm'], message: 'Ulangan kata sandi tidak sama.' })
  .refine((value) => value.password !== value.currentPassword, { path: ['password'], message: 'Kata sandi baru harus berbeda dari yang sekarang.' })

/**
 * Changes the signed-in person's password: the current one is required (and wrong guesses are
 * limited, for a browser left signed in), every other session ends, this browser gets a new one.
 */
export async function changeOwnPassword(user: { id: string; agencyId: string | null }, raw: Record<string, unknown>, requestHeaders: Headers): Promise<AccountResult> {
  const parsed = changePasswordSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
  const key = `password-change:${user.id}`
  const now = Date.now()
  const limit = await hitLimit(key, POLICIES.passwordChange, now)
  if (!limit.allowed) return { ok: false, fieldErrors: { form: `Terlalu banyak percobaan. Coba lagi dalam ${retryPhrase(limit.blockedUntil, now)}.` } }
  try {
    await auth.api.changePassword({
      body: { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.password, revokeOtherSessions: true },
      headers: requestHeaders,
    })
  } catch (error) {
    if (error instanceof APIError) return { ok: false, fieldErrors: { currentPassword: 'Kata sandi saat ini salah.' } }
    throw error
  }
  await resetLimit(key)
  await writeAudit({ action: 'user.password_changed', actorId: user.id, agencyId: user.agencyId, targetType: 'user', targetId: user.id })
  return { ok: true }
}

/** "Keluar dari semua perangkat": ends every session of the person, this one included. */
export async function signOutEverywhere(user: { id: string; agencyId: string | null }, requestHeaders: Headers): Promise<{ ended: number }> {
  // better-auth ends this browser's session and clears its cookies; then every other session goes.
  await auth.api.signOut({ headers: requestHeaders }).catch(() => undefined)
  const { count } = await db.session.deleteMany({ where: { userId: user.id } })
  await writeAudit({ action: 'user.signed_out_everywhere', actorId: user.id, agencyId: user.agencyId, targetType: 'user', targetId: user.id, details: { otherSessions: count } })
  return { ended: count + 1 }
}
