import 'server-only'
import { randomUUID } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import { z } from 'zod'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { ACTIVATION_VALID_DAYS, activationCodeMatches, hashActivationCode, newActivationCode } from './activation-code'
import { passwordSchema } from './registration-schema'
import { afterFailure, isLocked, minutesLeft } from './sign-in-throttle'

const identifierOf = (userId: string) => `activation:${userId}`

/**
 * New activation codes for every account of the agency that nobody has claimed yet (imported by
 * HR). Earlier codes of those accounts stop working. Only the hash is stored; the codes exist
 * once, in what this returns (HR hands them out).
 */
export async function issueActivationCodes(officer: { id: string; agencyId: string }) {
  const people = await db.user.findMany({
    where: { agencyId: officer.agencyId, claimedAt: null, accounts: { none: {} } },
    orderBy: { name: 'asc' },
    select: { id: true, nip: true, name: true, email: true, unit: { select: { name: true } } },
  })
  const expiresAt = new Date(Date.now() + ACTIVATION_VALID_DAYS * 86_400_000)
  const issued = people.map((person) => ({ ...person, code: newActivationCode() }))
  await db.$transaction([
    db.verification.deleteMany({ where: { identifier: { in: people.map((person) => identifierOf(person.id)) } } }),
    db.verification.createMany({
      data: issued.map((person) => ({ id: randomUUID(), identifier: identifierOf(person.id), value: hashActivationCode(person.code), expiresAt })),
    }),
    auditLogCreate({ action: 'activation_codes.exported', actorId: officer.id, agencyId: officer.agencyId, details: { count: issued.length } }),
  ])
  return { issued, expiresAt }
}

const claimSchema = z
  .object({
    nip: z.string().trim().regex(/^\d{18}$/, 'NIP / NI PPPK harus 18 angka tanpa spasi.'),
    code: z.string().trim().min(10, 'Isi kode aktivasi dari admin kepegawaian (10 karakter).').max(20, 'Kode aktivasi tidak valid.'),
    password: passwordSchema,
    passwordConfirm: z.string(),
  })
  .refine((value) => value.password === value.passwordConfirm, { path: ['passwordConfirm'], message: 'Ulangan kata sandi tidak sama.' })

export type ClaimResult = { ok: true } | { ok: false; fieldErrors: FieldErrors; nip: string }

const WRONG = 'NIP atau kode aktivasi tidak cocok, atau kodenya sudah kedaluwarsa. Minta kode baru ke admin kepegawaian.'

/**
 * Claims an account HR imported: the NIP and the one-time activation code prove who it is; the
 * person sets their password (hashed by better-auth's own function) and is signed in.
 */
export async function claimAccount(raw: Record<string, unknown>, requestHeaders: Headers): Promise<ClaimResult> {
  const nipTyped = typeof raw.nip === 'string' ? raw.nip.slice(0, 40) : ''
  const parsed = claimSchema.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), nip: nipTyped }
  }
  const { nip, code, password } = parsed.data
  const throttleKey = `activation:${nip}`
  const now = new Date()
  const throttle = await db.signInThrottle.findUnique({ where: { identifier: throttleKey } })
  if (throttle && isLocked(throttle, now)) {
    return { ok: false, nip, fieldErrors: { form: `Terlalu banyak percobaan. Coba lagi dalam ${minutesLeft(throttle, now)} menit.` } }
  }
  const user = await db.user.findUnique({ where: { nip }, select: { id: true, email: true, agencyId: true, claimedAt: true } })
  const stored = user && !user.claimedAt ? await db.verification.findFirst({ where: { identifier: identifierOf(user.id), expiresAt: { gt: now } } }) : null
  if (!user || !stored || !activationCodeMatches(code, stored.value)) {
    const next = afterFailure(throttle, now)
    await db.signInThrottle.upsert({ where: { identifier: throttleKey }, create: { identifier: throttleKey, ...next }, update: next })
    return { ok: false, nip, fieldErrors: { form: WRONG } }
  }

  const hash = await hashPassword(password)
  const claimed = await db.$transaction(async (tx) => {
    // Conditional on "not claimed yet": two simultaneous claims cannot both set a password.
    const updated = await tx.user.updateMany({ where: { id: user.id, claimedAt: null }, data: { claimedAt: now } })
    if (updated.count !== 1) return false
    await tx.account.create({ data: { id: randomUUID(), accountId: user.id, providerId: 'credential', userId: user.id, password: hash } })
    await tx.verification.deleteMany({ where: { identifier: identifierOf(user.id) } })
    await auditLogCreate({ action: 'user.claimed', actorId: user.id, agencyId: user.agencyId, targetType: 'user', targetId: user.id }, tx)
    return true
  })
  if (!claimed) return { ok: false, nip, fieldErrors: { form: WRONG } }
  await db.signInThrottle.deleteMany({ where: { identifier: throttleKey } })
  await auth.api.signInEmail({ body: { email: user.email, password }, headers: requestHeaders })
  return { ok: true }
}

