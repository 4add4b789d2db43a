import 'server-only'
import { randomUUID } from 'node:crypto'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { readCookie, type CookieToSet } from '@/lib/http/cookies'
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieKey,
  deviceSecretMatches,
  hashDeviceSecret,
  newDeviceSecret,
  readDeviceCookie,
  signDeviceCookie,
} from './device-cookie'

const key = deviceCookieKey(env.BETTER_AUTH_SECRET)

export type TrustedDevice = { id: string; cookie: string }

/** Browsers remembered per account: a shared PC signed in by many keeps only the newest. */
export const TRUSTED_DEVICES_KEPT = 10

/**
 * The trusted device this request's browser holds for `userId`: a device cookie with a valid
 * signature, naming a row of that user whose secret hash matches. Anything else: null.
 */
export async function trustedDeviceFor(headers: Headers, userId: string | undefined): Promise<TrustedDevice | null> {
  if (!userId) return null
  const cookie = readCookie(headers, DEVICE_COOKIE)
  const read = readDeviceCookie(cookie, key)
  if (!read || !cookie) return null
  const row = await db.trustedDevice.findUnique({ where: { id: read.deviceId }, select: { userId: true, secretHash: true, lastUsedAt: true } })
  if (!row || row.userId !== userId || !deviceSecretMatches(read.secret, row.secretHash)) return null
  // The cookie expires after its max age unused; a copy kept past that is not trusted either.
  if (row.lastUsedAt < staleBefore(new Date())) return null
  return { id: read.deviceId, cookie }
}

/** After a successful sign-in: the device cookie to set (the same device again, or a new one). */
export async function trustThisBrowser(userId: string, existing: TrustedDevice | null): Promise<CookieToSet> {
  let value: string
  if (existing) {
    await db.trustedDevice.update({ where: { id: existing.id }, data: { lastUsedAt: new Date() } })
    value = existing.cookie
  } else {
    const id = randomUUID()
    const secret = newDeviceSecret()
    await db.trustedDevice.create({ data: { id, userId, secretHash: hashDeviceSecret(secret) } })
    await forgetOldDevices(userId)
    value = signDeviceCookie(id, secret, key)
  }
  return {
    name: DEVICE_COOKIE,
    value,
    options: { httpOnly: true, sameSite: 'lax', secure: env.PUBLIC_BASE_URL.startsWith('https://'), path: '/', maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS },
  }
}

function staleBefore(now: Date): Date {
  return new Date(now.getTime() - DEVICE_COOKIE_MAX_AGE_SECONDS * 1000)
}

/** Rows whose cookie has expired, and all but the newest few, so the table does not grow forever. */
async function forgetOldDevices(userId: string) {
  const kept = await db.trustedDevice.findMany({
    where: { userId },
    orderBy: [{ lastUsedAt: 'desc' }, { id: 'desc' }],
    take: TRUSTED_DEVICES_KEPT,
    select: { id: true },
  })
  await db.trustedDevice.deleteMany({
    where: { userId, OR: [{ lastUsedAt: { lt: staleBefore(new Date()) } }, { id: { notIn: kept.map((device) => device.id) } }] },
  })
}
