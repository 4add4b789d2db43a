import { randomBytes } from 'node:crypto'

/**
 * Verification codes: 15 random bytes (120 bits) written as 24 lowercase
 * Crockford base32 characters (no i, l, o, u), e.g. `7k3m9qxdh2c4a8ty5nw0b6rz`.
 * The canonical form is what goes into `/verify/<code>` and the database; it
 * can be shown grouped (`7k3m-9qxd-…`) and user input is normalised back.
 */

export const VERIFICATION_CODE_BYTES = 15
export const VERIFICATION_CODE_LENGTH = 24 // 15 bytes * 8 bits / 5 bits per char
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const CANONICAL_PATTERN = /^[0-9abcdefghjkmnpqrstvwxyz]{24}$/

function encodeCrockford(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += ALPHABET[(buffer >> bits) & 31]
    }
    buffer &= (1 << bits) - 1
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31]
  return out
}

/** A new unguessable code (120 bits from node:crypto). */
export function newVerificationCode(): string {
  return encodeCrockford(randomBytes(VERIFICATION_CODE_BYTES))
}

/** Quick structural check of the canonical form; does not look anything up. */
export function isWellFormedVerificationCode(code: string): boolean {
  return CANONICAL_PATTERN.test(code)
}

/**
 * Turns what a person typed (any case, spaces or hyphens, Crockford look-alikes
 * I/L → 1, O → 0) into the canonical form, or null when it cannot be a code.
 */
export function normalizeVerificationCode(input: string): string | null {
  const cleaned = input
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0')
  return isWellFormedVerificationCode(cleaned) ? cleaned : null
}

/** `7k3m9qxdh2c4a8ty5nw0b6rz` → `7K3M-9QXD-H2C4-A8TY-5NW0-B6RZ` for reading aloud or typing. */
export function formatVerificationCodeForDisplay(code: string): string {
  return (code.toUpperCase().match(/.{1,4}/g) ?? []).join('-')
}

/** `https://host/base` + code → `https://host/base/verify/<code>` (no double slashes). */
export function buildVerifyUrl(publicBaseUrl: string, code: string): string {
  if (!isWellFormedVerificationCode(code)) {
    throw new RangeError('Malformed verification code')
  }
  const base = new URL(publicBaseUrl)
  const path = base.pathname.replace(/\/+$/, '')
  return `${base.origin}${path}/verify/${code}`
}
