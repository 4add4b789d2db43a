import 'server-only'
import { randomUUID } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { headerSafe } from '@/lib/mail/headers'
import { idempotencyKey, jakartaWindow } from '@/lib/mail/idempotency'
import { queueMail } from '@/lib/mail/outbox.server'
import { wakeMailWorker } from '@/lib/mail/run-worker.server'
import { passwordResetMail } from '@/lib/mail/templates/password-reset'
import { retryPhrase } from '@/lib/rate-limit/limiter'
import { hitLimit } from '@/lib/rate-limit/limiter.server'
import { POLICIES } from '@/lib/rate-limit/policies'
import { clientAddress } from '@/lib/rate-limit/rate-limit.server'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { codeKeys } from './activation.server'
import {
  newResetToken,
  requestResetSchema,
  RESET_LINK_PREFIX,
  RESET_LINK_VALID_MINUTES,
  RESET_LINK_WINDOW_MINUTES,
  resetLinkIdentifier,
  resetWithLinkSchema,
} from './password-reset-link'

export const resetLinkKeys = {
  address: (address: string) => `reset-link:address:${address}`,
  email: (email: string) => `reset-link:email:${email}`,
}

export type RequestResetResult = { ok: true } | { ok: false; fieldErrors: FieldErrors; email: string }

/**
 * "Lupa kata sandi?": emails a one-time link to the address, if an active account with a
 * password has it. The answer is the same whether or not it does (never reveals an address).
 * Limited per client address and per typed address before anything is looked up.
 *
 * The link's token (only its hash is kept, in `verification`) and the email are written in ONE
 * transaction, with an earlier link of the person ended. The outbox key is per person and
 * 15-minute window: a double click or a retried request inside it queues nothing and keeps the
 * first link working.
 */
export async function requestPasswordResetLink(raw: Record<string, unknown>, requestHeaders: Headers, now = new Date()): Promise<RequestResetResult> {
  const typed = typeof raw.email === 'string' ? raw.email.slice(0, 254) : ''
  const parsed = requestResetSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), email: typed }
  const { email } = parsed.data
  const at = now.getTime()
  const fromAddress = await hitLimit(resetLinkKeys.address(clientAddress(requestHeaders)), POLICIES.resetLinkAddress, at)
  if (!fromAddress.allowed) return { ok: false, email: typed, fieldErrors: { form: `Terlalu banyak permintaan dari jaringan Anda. Coba lagi dalam ${retryPhrase(fromAddress.blockedUntil, at)}.` } }
  const forEmail = await hitLimit(resetLinkKeys.email(email), POLICIES.resetLinkEmail, at)
  if (!forEmail.allowed) return { ok: false, email: typed, fieldErrors: { form: `Terlalu banyak permintaan untuk alamat ini. Coba lagi dalam ${retryPhrase(forEmail.blockedUntil, at)}.` } }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, agencyId: true, disabledAt: true, accounts: { where: { providerId: 'credential' }, select: { password: true } } },
  })
  // Nobody, a disabled account, or one never activated (an activation code is its way in): nothing
  // is sent, and the answer is the same.
  if (!user || user.disabledAt || !user.accounts.some((account) => account.password)) return { ok: true }

  const token = newResetToken()
  const expiresAt = new Date(at + RESET_LINK_VALID_MINUTES * 60_000)
  const queued = await db.$transaction(async (tx) => {
    const inserted = await queueMail(
      tx,
      {
        idempotencyKey: idempotencyKey({ kind: 'password-reset', userId: user.id, subject: jakartaWindow(now, RESET_LINK_WINDOW_MINUTES), at: now }),
        kind: 'password-reset',
        userId: user.id,
        to: user.email,
        toName: user.name,
        ...passwordResetMail({ name: headerSafe(user.name), token, baseUrl: env.PUBLIC_BASE_URL, validMinutes: RESET_LINK_VALID_MINUTES }),
        sensitive: true,
        expiresAt,
      },
      now,
    )
    if (!inserted) return false
    await tx.verification.deleteMany({ where: { identifier: { startsWith: RESET_LINK_PREFIX }, value: user.id } })
    await tx.verification.create({ data: { id: randomUUID(), identifier: resetLinkIdentifier(token), value: user.id, expiresAt } })
    await auditLogCreate({ action: 'user.reset_link_requested', actorId: user.id, agencyId: user.agencyId, targetType: 'user', targetId: user.id, details: { expiresAt: expiresAt.toISOString() } }, tx)
    return true
  })
  if (queued) wakeMailWorker()
  return { ok: true }
}

export type ResetWithLinkResult = { ok: true } | { ok: false; fieldErrors: FieldErrors }

const LINK_UNUSABLE = 'Tautan ini tidak berlaku lagi: sudah dipakai, sudah lewat 1 jam, atau ada tautan yang lebih baru. Minta tautan baru di halaman Lupa kata sandi.'

/**
 * The page the link opens: a new password. The token is used up in the transaction that sets
 * the password and ends every session of the person (so a browser left signed in elsewhere is
 * signed out); two parallel uses cannot both succeed. The address is then known to work, so the
 * email counts as verified.
 */
export async function resetPasswordWithLink(raw: Record<string, unknown>, requestHeaders: Headers, now = new Date()): Promise<ResetWithLinkResult> {
  const parsed = resetWithLinkSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
  const fromAddress = await hitLimit(codeKeys.address(clientAddress(requestHeaders)), POLICIES.codeAddress, now.getTime())
  if (!fromAddress.allowed) return { ok: false, fieldErrors: { form: `Terlalu banyak percobaan dari jaringan Anda. Coba lagi dalam ${retryPhrase(fromAddress.blockedUntil, now.getTime())}.` } }
  const identifier = resetLinkIdentifier(parsed.data.token)
  const stored = await db.verification.findFirst({ where: { identifier, expiresAt: { gt: now } } })
  const user = stored ? await db.user.findUnique({ where: { id: stored.value }, select: { id: true, agencyId: true, disabledAt: true } }) : null
  if (!stored || !user || user.disabledAt) return { ok: false, fieldErrors: { form: LINK_UNUSABLE } }

  const hash = await hashPassword(parsed.data.password)
  const done = await db.$transaction(async (tx) => {
    const used = await tx.verification.deleteMany({ where: { id: stored.id, expiresAt: { gt: now } } })
    if (used.count !== 1) return false
    const updated = await tx.account.updateMany({ where: { userId: user.id, providerId: 'credential' }, data: { password: hash } })
    if (updated.count !== 1) throw new Error('credential account missing')
    await tx.user.update({ where: { id: user.id }, data: { emailVerified: true } })
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } })
    await auditLogCreate({ action: 'user.password_reset', actorId: user.id, agencyId: user.agencyId, targetType: 'user', targetId: user.id, details: { via: 'email', sessionsEnded: sessions.count } }, tx)
    return true
  })
  if (!done) return { ok: false, fieldErrors: { form: LINK_UNUSABLE } }
  return { ok: true }
}

/** Whether a token from a link is still usable (the page says so before asking for a password). */
export async function resetLinkUsable(token: string, now = new Date()): Promise<boolean> {
  if (!resetWithLinkSchema.shape.token.safeParse(token).success) return false
  return (await db.verification.count({ where: { identifier: resetLinkIdentifier(token), expiresAt: { gt: now } } })) === 1
}
