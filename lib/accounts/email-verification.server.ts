import 'server-only'
import { createHash, randomUUID } from 'node:crypto'
import { z } from 'zod'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { headerSafe } from '@/lib/mail/headers'
import { idempotencyKey, jakartaWindow } from '@/lib/mail/idempotency'
import { queueMail } from '@/lib/mail/outbox.server'
import { wakeMailWorker } from '@/lib/mail/run-worker.server'
import { emailVerificationMail } from '@/lib/mail/templates/email-verification'
import { retryPhrase } from '@/lib/rate-limit/limiter'
import { hitLimit } from '@/lib/rate-limit/limiter.server'
import { POLICIES } from '@/lib/rate-limit/policies'
import { agencyDomainOf } from './email-domain'
import { newResetToken, TOKEN_PATTERN } from './password-reset-link'

/** A verification link works this long (issue 14). */
export const VERIFY_LINK_VALID_HOURS = 24
/** Asking again within this many minutes sends no second email (a double click, a retried request). */
const VERIFY_LINK_WINDOW_MINUTES = 10
const VERIFY_LINK_PREFIX = 'verify-email:'

/** `verification.identifier` of a link's token: found by its hash, never by the token itself. */
function verifyLinkIdentifier(token: string): string {
  return `${VERIFY_LINK_PREFIX}${createHash('sha256').update(token).digest('hex')}`
}

const tokenSchema = z.string().regex(TOKEN_PATTERN)

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0]
type Person = { id: string; name: string; email: string; agencyId: string | null }

/**
 * Queues the verification email of a person's address, in the caller's transaction (the
 * registration's, or the request's own): a new token replaces any earlier one, so only the newest
 * link works. False when the same person got one within the last few minutes (nothing queued).
 */
export async function queueEmailVerification(tx: Tx, person: Person, now = new Date()): Promise<boolean> {
  const token = newResetToken()
  const expiresAt = new Date(now.getTime() + VERIFY_LINK_VALID_HOURS * 3_600_000)
  const inserted = await queueMail(
    tx,
    {
      idempotencyKey: idempotencyKey({ kind: 'email-verification', userId: person.id, subject: jakartaWindow(now, VERIFY_LINK_WINDOW_MINUTES), at: now }),
      kind: 'email-verification',
      userId: person.id,
      to: person.email,
      toName: person.name,
      ...emailVerificationMail({ name: headerSafe(person.name), token, baseUrl: env.PUBLIC_BASE_URL, validHours: VERIFY_LINK_VALID_HOURS }),
      sensitive: true,
      expiresAt,
    },
    now,
  )
  if (!inserted) return false
  await tx.verification.deleteMany({ where: { identifier: { startsWith: VERIFY_LINK_PREFIX }, value: person.id } })
  await tx.verification.create({ data: { id: randomUUID(), identifier: verifyLinkIdentifier(token), value: person.id, expiresAt } })
  return true
}

export type RequestVerificationResult = { ok: true; message: string } | { ok: false; message: string }

/** "Kirim tautan verifikasi" on the learner's dashboard: limited per person, nothing for a verified address. */
export async function requestEmailVerification(userId: string, now = new Date()): Promise<RequestVerificationResult> {
  const person = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, agencyId: true, emailVerified: true } })
  if (!person) return { ok: false, message: 'Akun tidak ditemukan.' }
  if (person.emailVerified) return { ok: true, message: `Alamat ${person.email} sudah terverifikasi.` }
  const limit = await hitLimit(`verify-email:user:${person.id}`, POLICIES.verifyEmailRequest, now.getTime())
  if (!limit.allowed) return { ok: false, message: `Terlalu banyak permintaan. Coba lagi dalam ${retryPhrase(limit.blockedUntil, now.getTime())}.` }
  const queued = await db.$transaction(async (tx) => {
    const sent = await queueEmailVerification(tx, person, now)
    if (sent) await auditLogCreate({ action: 'user.email_verification_requested', actorId: person.id, agencyId: person.agencyId, targetType: 'user', targetId: person.id }, tx)
    return sent
  })
  if (queued) wakeMailWorker()
  return {
    ok: true,
    message: queued
      ? `Tautan verifikasi dikirim ke ${person.email}. Periksa kotak masuk (dan folder spam); tautan berlaku ${VERIFY_LINK_VALID_HOURS} jam.`
      : `Tautan verifikasi baru saja dikirim ke ${person.email}. Tunggu beberapa menit sebelum meminta lagi.`,
  }
}

export type VerifyEmailResult = { ok: true; email: string; agencyDomain: string | null } | { ok: false; message: string }

export const VERIFY_LINK_UNUSABLE =
  'Tautan ini tidak berlaku lagi: sudah dipakai, sudah lewat 24 jam, atau ada tautan yang lebih baru. Masuk, lalu minta tautan baru di dasbor Anda.'

/**
 * The button on the page the link opens (a GET verifies nothing: mail scanners open links). The
 * token is used up in the transaction that marks the address verified. An address on a domain the
 * admin listed for the person's agency is recorded as the agency's address: evidence for HR, not
 * a verification of the NIP (decision 045).
 */
export async function verifyEmailWithLink(token: unknown, now = new Date()): Promise<VerifyEmailResult> {
  const parsed = tokenSchema.safeParse(token)
  if (!parsed.success) return { ok: false, message: VERIFY_LINK_UNUSABLE }
  const identifier = verifyLinkIdentifier(parsed.data)
  return db.$transaction(async (tx) => {
    const stored = await tx.verification.findFirst({ where: { identifier, expiresAt: { gt: now } } })
    if (!stored) return { ok: false as const, message: VERIFY_LINK_UNUSABLE }
    const used = await tx.verification.deleteMany({ where: { id: stored.id, expiresAt: { gt: now } } })
    const person = await tx.user.findUnique({
      where: { id: stored.value },
      select: { id: true, email: true, agencyId: true, disabledAt: true, agency: { select: { emailDomains: { select: { domain: true } } } } },
    })
    if (used.count !== 1 || !person || person.disabledAt) return { ok: false as const, message: VERIFY_LINK_UNUSABLE }
    const agencyDomain = agencyDomainOf(person.email, person.agency?.emailDomains.map((row) => row.domain) ?? [])
    await tx.user.update({ where: { id: person.id }, data: { emailVerified: true } })
    await auditLogCreate(
      { action: 'user.email_verified', actorId: person.id, agencyId: person.agencyId, targetType: 'user', targetId: person.id, details: { agencyDomain } },
      tx,
    )
    return { ok: true as const, email: person.email, agencyDomain }
  })
}

/** Whether a link's token is still usable (the page says so before showing its button). */
export async function verifyLinkUsable(token: string, now = new Date()): Promise<boolean> {
  if (!tokenSchema.safeParse(token).success) return false
  return (await db.verification.count({ where: { identifier: verifyLinkIdentifier(token), expiresAt: { gt: now } } })) === 1
}

/** The agency's listed mail domains, for showing whether a verified address is the agency's. */
export async function agencyEmailDomains(agencyId: string | null): Promise<string[]> {
  if (!agencyId) return []
  return (await db.agencyEmailDomain.findMany({ where: { agencyId }, select: { domain: true }, orderBy: { domain: 'asc' } })).map((row) => row.domain)
}

/** The person's address and whether it is verified (the dashboard's prompt). */
export async function emailVerificationOf(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } })
}
