import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * OWASP's device cookie ("Slow down online guessing attacks with device cookies"): after a
 * successful sign-in the browser gets a signed cookie naming a trusted_device row (its id and a
 * secret; only the secret's SHA-256 is stored). Sign-in failures from a browser holding a valid
 * one for that account count against that browser, not against the account, so failures from
 * elsewhere cannot lock the owner out of their usual browser.
 */
export const DEVICE_COOKIE = 'bbs_device'
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60

/** The signing key for device cookies, derived from the app secret (never the session key itself). */
export function deviceCookieKey(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update('bbs device cookie v1').digest()
}

function signature(payload: string, key: Buffer): string {
  return createHmac('sha256', key).update(payload).digest('base64url')
}

export function newDeviceSecret(): string {
  return randomBytes(24).toString('base64url')
}

export function hashDeviceSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** `<id>.<secret>.<signature>` */
export function signDeviceCookie(deviceId: string, secret: string, key: Buffer): string {
  const payload = `${deviceId}.${secret}`
  return `${payload}.${signature(payload, key)}`
}

/** The device id and secret from a cookie whose signature is valid, else null. */
export function readDeviceCookie(value: string | undefined | null, key: Buffer): { deviceId: string; secret: string } | null {
  if (!value || value.length > 300) return null
  const parts = value.split('.')
  if (parts.length !== 3) return null
  const [deviceId, secret, given] = parts as [string, string, string]
  if (!/^[\w-]{8,64}$/.test(deviceId) || !/^[\w-]{16,64}$/.test(secret)) return null
  const expected = Buffer.from(signature(`${deviceId}.${secret}`, key))
  const actual = Buffer.from(given)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null
  return { deviceId, secret }
}

/** Whether `secret` is the one whose hash was stored (constant time). */
export function deviceSecretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashDeviceSecret(secret), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}
