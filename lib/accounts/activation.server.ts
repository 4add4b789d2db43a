import 'server-only'
import { visiblePeople } from '@/lib/hr/visible-people.server'
import { randomUUID } from 'node:crypto'
import { hashPassword } from 'better-auth/crypto'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { ACTIVATION_VALID_DAYS, activationCodeMatches, hashActivationCode, newActivationCode } from './activation-code'
import { nipCodeAndPasswordSchema } from './registration-schema'
import { retryPhrase } from '@/lib/rate-limit/limiter'
import { hitLimit, resetLimit } from '@/lib/rate-limit/limiter.server'
import { POLICIES } from '@/lib/rate-limit/policies'
import { clientAddress } from '@/lib/rate-limit/rate-limit.server'
import { recordPrivacyAcceptance } from '@/lib/privacy/acceptance.server'

/**
 * Where a person's activation code hashes are kept (`verification.identifier`): one per way of
 * handing it out, the invitation email's and the CSV's, so a code HR printed from the CSV and one
 * an email carried both work until the person claims the account. Each way's next code replaces
 * only its own earlier one (decision 052 left the CSV replacing emailed codes; see its amendment).
 */
export const identifierOf = (userId: string) => `activation:${userId}`
const csvIdentifierOf = (userId: string) => `activation-csv:${userId}`
/** Every activation code identifier of a person (claiming or deleting the account ends them all). */
export const activationIdentifiers = (userId: string) => [identifierOf(userId), csvIdentifierOf(userId)]

/**
 * New activation codes for every account of the agency that nobody has claimed yet (imported by
 * HR). Earlier CSV codes of those accounts stop working; a code emailed by "Kirim undangan"
 * keeps working. Only the hash is stored; the codes exist once, in what this returns (HR hands
 * them out).
 */
export async function issueActivationCodes(officer: { id: string; agencyId: string }) {
  const people = await db.user.findMany({
    // Not the people of an import still writing (decision 053).
    where: visiblePeople({ agencyId: officer.agencyId, claimedAt: null, accounts: { none: {} } }),
    orderBy: { name: 'asc' },
    select: { id: true, nip: true, name: true, email: true, unit: { select: { name: true } } },
  })
  const expiresAt = new Date(Date.now() + ACTIVATION_VALID_DAYS * 86_400_000)
  const issued = people.map((person) => ({ ...person, code: newActivationCode() }))
  await db.$transaction([
    db.verification.deleteMany({ where: { identifier: { in: people.map((person) => csvIdentifierOf(person.id)) } } }),
    db.verification.createMany({
      data: issued.map((person) => ({ id: randomUUID(), identifier: csvIdentifierOf(person.id), value: hashActivationCode(person.code), expiresAt })),
    }),
    auditLogCreate({ action: 'activation_codes.exported', actorId: officer.id, agencyId: officer.agencyId, details: { count: issued.length } }),
  ])
  return { issued, expiresAt }
}

const claimSchema = nipCodeAndPasswordSchema('kode aktivasi')

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
  const limited = await codeAttemptRefused('activation', nip, requestHeaders)
  if (limited) return { ok: false, nip, fieldErrors: { form: limited } }
  const throttleKey = codeKeys.nip('activation', nip)
  const now = new Date()
  const user = await db.user.findFirst({ where: visiblePeople({ nip }), select: { id: true, email: true, agencyId: true, claimedAt: true } })
  const stored = user && !user.claimedAt ? await db.verification.findMany({ where: { identifier: { in: activationIdentifiers(user.id) }, expiresAt: { gt: now } } }) : []
  if (!user || !stored.some((row) => activationCodeMatches(code, row.value))) {
    return { ok: false, nip, fieldErrors: { form: WRONG } }
  }

  const hash = await hashPassword(password)
  const claimed = await db.$transaction(async (tx) => {
    // Conditional on "not claimed yet": two simultaneous claims cannot both set a password.
    const updated = await tx.user.updateMany({ where: { id: user.id, claimedAt: null }, data: { claimedAt: now } })
    if (updated.count !== 1) return false
    await tx.account.create({ data: { id: randomUUID(), accountId: user.id, providerId: 'credential', userId: user.id, password: hash } })
    await tx.verification.deleteMany({ where: { identifier: { in: activationIdentifiers(user.id) } } })
    await recordPrivacyAcceptance(tx, user.id, now)
    await auditLogCreate({ action: 'user.claimed', actorId: user.id, agencyId: user.agencyId, targetType: 'user', targetId: user.id }, tx)
    return true
  })
  if (!claimed) return { ok: false, nip, fieldErrors: { form: WRONG } }
  await resetLimit(throttleKey)
  await auth.api.signInEmail({ body: { email: user.email, password }, headers: requestHeaders })
  return { ok: true }
}


export const codeKeys = {
  address: (address: string) => `code:address:${address}`,
  nip: (purpose: 'activation' | 'reset', nip: string) => `code:${purpose}:${nip}`,
}

/**
 * Counts one attempt with a one-time code (activation or password reset) before the code is
 * checked: per client address, and per NIP with growing delays. The refusal message, or null.
 */
export async function codeAttemptRefused(purpose: 'activation' | 'reset', nip: string, requestHeaders: Headers): Promise<string | null> {
  const now = Date.now()
  const fromAddress = await hitLimit(codeKeys.address(clientAddress(requestHeaders)), POLICIES.codeAddress, now)
  if (!fromAddress.allowed) return `Terlalu banyak percobaan dari jaringan Anda. Coba lagi dalam ${retryPhrase(fromAddress.blockedUntil, now)}.`
  const forNip = await hitLimit(codeKeys.nip(purpose, nip), POLICIES.codeAccount, now)
  if (!forNip.allowed) return `Terlalu banyak percobaan untuk NIP ini. Coba lagi dalam ${retryPhrase(forNip.blockedUntil, now)}, atau minta kode baru ke admin kepegawaian.`
  return null
}
