import 'server-only'
import { APIError } from 'better-auth/api'
import { z } from 'zod'
import { writeAudit } from '@/lib/audit/audit.server'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { afterFailure, isLocked, minutesLeft, type ThrottleState } from './sign-in-throttle'

const signInSchema = z.object({
  identifier: z
    .string({ error: 'Isi email atau NIP Anda.' })
    .trim()
    .min(1, 'Isi email atau NIP Anda.')
    .max(254, 'Email atau NIP terlalu panjang.'),
  password: z.string({ error: 'Isi kata sandi.' }).min(1, 'Isi kata sandi.').max(200, 'Kata sandi terlalu panjang.'),
})

export type SignInResult =
  | { ok: true; role: 'learner' | 'hr' | 'admin' }
  | { ok: false; fieldErrors: Partial<Record<'identifier' | 'password' | 'form', string>>; identifier: string }

const WRONG_CREDENTIALS = 'Email/NIP atau kata sandi salah.'

/**
 * Signs in with an email or an 18-digit NIP / NI PPPK and a password. Wrong passwords are
 * counted per identifier (lib/accounts/sign-in-throttle.ts) so guessing is slowed down
 * whatever address it comes from. The message never says which of the two was wrong.
 */
export async function signIn(raw: Record<string, unknown>, requestHeaders: Headers): Promise<SignInResult> {
  const identifierTyped = typeof raw.identifier === 'string' ? raw.identifier.slice(0, 254) : ''
  const parsed = signInSchema.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), identifier: identifierTyped }
  }
  const identifier = parsed.data.identifier.toLowerCase()
  const now = new Date()
  const throttle = await db.signInThrottle.findUnique({ where: { identifier } })
  if (throttle && isLocked(throttle, now)) {
    return {
      ok: false,
      identifier: identifierTyped,
      fieldErrors: {
        form: `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutesLeft(throttle, now)} menit, atau hubungi admin kepegawaian instansi Anda.`,
      },
    }
  }

  const email = /^\d{18}$/.test(identifier)
    ? (await db.user.findUnique({ where: { nip: identifier }, select: { email: true } }))?.email
    : identifier

  try {
    // An unknown NIP still goes through a password check (on an address nobody has), so a
    // wrong NIP and a wrong password take the same time and get the same answer.
    const result = await auth.api.signInEmail({
      body: { email: email ?? `unknown-${identifier}@invalid.invalid`, password: parsed.data.password },
      headers: requestHeaders,
    })
    await db.signInThrottle.deleteMany({ where: { identifier } })
    const user = await db.user.findUniqueOrThrow({
      where: { id: result.user.id },
      select: { role: true, agencyId: true },
    })
    await writeAudit({ action: 'user.signed_in', actorId: result.user.id, agencyId: user.agencyId })
    return { ok: true, role: user.role }
  } catch (error) {
    if (!(error instanceof APIError)) throw error
    await recordFailure(identifier, throttle, now)
    return { ok: false, identifier: identifierTyped, fieldErrors: { form: WRONG_CREDENTIALS } }
  }
}

async function recordFailure(identifier: string, previous: ThrottleState | null, now: Date) {
  const next = afterFailure(previous, now)
  await db.signInThrottle.upsert({
    where: { identifier },
    create: { identifier, ...next },
    update: next,
  })
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await auth.api.signOut({ headers: requestHeaders })
}
