import 'server-only'
import { visiblePeople } from '@/lib/hr/visible-people.server'
import { APIError } from 'better-auth/api'
import { z } from 'zod'
import { writeAudit } from '@/lib/audit/audit.server'
import { auth } from '@/lib/auth/auth.server'
import { capabilitiesFrom, homeFor } from '@/lib/auth/capabilities'
import { db } from '@/lib/db/db.server'
import type { CookieToSet } from '@/lib/http/cookies'
import { retryPhrase, threshold } from '@/lib/rate-limit/limiter'
import { hitLimit, refundHit, resetLimit } from '@/lib/rate-limit/limiter.server'
import { POLICIES } from '@/lib/rate-limit/policies'
import { clientAddress } from '@/lib/rate-limit/rate-limit.server'
import { fieldErrorsOf } from '@/lib/validation/field-errors'
import { trustedDeviceFor, trustThisBrowser } from './trusted-device.server'

const signInSchema = z.object({
  identifier: z
    .string({ error: 'Isi email atau NIP Anda.' })
    .trim()
    .min(1, 'Isi email atau NIP Anda.')
    .max(254, 'Email atau NIP terlalu panjang.'),
  password: z.string({ error: 'Isi kata sandi.' }).min(1, 'Isi kata sandi.').max(200, 'Kata sandi terlalu panjang.'),
})

export type SignInResult =
  | { ok: true; /** Where this person lands (their capabilities decide). */ home: string; userId: string; deviceCookie: CookieToSet }
  | { ok: false; fieldErrors: Partial<Record<'identifier' | 'password' | 'form', string>>; identifier: string }

const WRONG_CREDENTIALS = 'Email/NIP atau kata sandi salah.'
export const DISABLED_MESSAGE = 'Akun ini dinonaktifkan oleh admin platform. Hubungi admin kepegawaian instansi Anda.'

/** The limiter keys of sign-in (tests and the security suite read them). */
export const signInKeys = {
  address: (address: string) => `signin:address:${address}`,
  addressFailures: (address: string) => `signin:address-failures:${address}`,
  /** An account's email and NIP are one key: its user id when it exists, else what was typed. */
  account: (userId: string | null, identifier: string) => (userId ? `signin:account:${userId}` : `signin:unknown:${identifier}`),
  device: (deviceId: string) => `signin:device:${deviceId}`,
}

/**
 * Signs in with an email or an 18-digit NIP / NI PPPK and a password (decision 010).
 *
 * Every attempt is counted BEFORE the password is checked, each with one atomic statement, so
 * parallel guesses cannot slip past a limit: per client address, failures per address across
 * accounts (spraying), and per account with growing delays. A browser holding a valid device
 * cookie for the account is counted against that cookie instead, so failures from elsewhere
 * never lock the owner out of it. The message never says whether the email/NIP exists.
 */
export async function signIn(raw: Record<string, unknown>, requestHeaders: Headers): Promise<SignInResult> {
  const identifierTyped = typeof raw.identifier === 'string' ? raw.identifier.slice(0, 254) : ''
  const parsed = signInSchema.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), identifier: identifierTyped }
  }
  const identifier = parsed.data.identifier.toLowerCase()
  const refuse = (form: string): SignInResult => ({ ok: false, identifier: identifierTyped, fieldErrors: { form } })
  const now = Date.now()

  // An account an import is still writing is nobody yet (decision 053).
  const user = await db.user.findFirst({
    where: visiblePeople(/^\d{18}$/.test(identifier) ? { nip: identifier } : { email: identifier }),
    select: { id: true, email: true, agencyId: true, disabledAt: true },
  })
  const device = await trustedDeviceFor(requestHeaders, user?.id)
  const address = clientAddress(requestHeaders)
  let throttleKey: string
  if (device) {
    throttleKey = signInKeys.device(device.id)
    const own = await hitLimit(throttleKey, POLICIES.signInDevice, now)
    if (!own.allowed) return refuse(`Terlalu banyak kata sandi salah dari perangkat ini. Coba lagi dalam ${retryPhrase(own.blockedUntil, now)}.`)
  } else {
    const fromAddress = await hitLimit(signInKeys.address(address), POLICIES.signInAddress, now)
    if (!fromAddress.allowed) return refuse(`Terlalu banyak percobaan masuk dari jaringan Anda. Coba lagi dalam ${retryPhrase(fromAddress.blockedUntil, now)}.`)
    const spraying = await hitLimit(signInKeys.addressFailures(address), POLICIES.signInAddressFailures, now)
    if (!spraying.allowed) return refuse(`Terlalu banyak percobaan masuk yang gagal dari jaringan Anda. Coba lagi dalam ${retryPhrase(spraying.blockedUntil, now)}.`)
    throttleKey = signInKeys.account(user?.id ?? null, identifier)
    const account = await hitLimit(throttleKey, POLICIES.signInAccount, now)
    if (!account.allowed) {
      return refuse(
        `Terlalu banyak percobaan masuk yang gagal untuk akun ini. Coba lagi dalam ${retryPhrase(account.blockedUntil, now)}. ` +
          'Dari perangkat yang biasa Anda pakai untuk masuk, Anda tetap bisa masuk; atau minta kode atur ulang kata sandi ke admin kepegawaian instansi Anda.',
      )
    }
  }

  try {
    // An unknown NIP still goes through a password check (on an address nobody has), so a
    // wrong NIP and a wrong password take the same time and get the same answer.
    const result = await auth.api.signInEmail({
      body: { email: user?.email ?? `unknown-${identifier}@invalid.invalid`, password: parsed.data.password },
      headers: requestHeaders,
    })
    await resetLimit(throttleKey)
    if (!device) await refundHit(signInKeys.addressFailures(address), threshold(POLICIES.signInAddressFailures))
    const signedIn = await db.user.findUniqueOrThrow({
      where: { id: result.user.id },
      select: { agencyId: true, grants: { select: { capability: true, agencyId: true, unitId: true } } },
    })
    const deviceCookie = await trustThisBrowser(result.user.id, device)
    await writeAudit({ action: 'user.signed_in', actorId: result.user.id, agencyId: signedIn.agencyId, ip: address, details: { trustedDevice: !!device } })
    return { ok: true, home: homeFor(capabilitiesFrom(signedIn.grants)), userId: result.user.id, deviceCookie }
  } catch (error) {
    if (!(error instanceof APIError)) throw error
    // The password was right but no session was allowed (auth.server.ts refuses disabled accounts).
    if (user?.disabledAt && error.body?.code === 'FAILED_TO_CREATE_SESSION') return refuse(DISABLED_MESSAGE)
    return refuse(WRONG_CREDENTIALS)
  }
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  await auth.api.signOut({ headers: requestHeaders })
}
