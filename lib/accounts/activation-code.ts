import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// Crockford base32 without I, L, O, U: codes are read aloud and typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const ACTIVATION_CODE_LENGTH = 10
export const ACTIVATION_VALID_DAYS = 60

/** A new activation code, 50 random bits, shown as XXXXX-XXXXX. */
export function newActivationCode(): string {
  const bytes = randomBytes(ACTIVATION_CODE_LENGTH)
  const chars = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

/** What a person typed, in the form codes are stored: upper case, no dashes or spaces, O→0, I/L→1. */
export function normalizeActivationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

export function hashActivationCode(code: string): string {
  return createHash('sha256').update(normalizeActivationCode(code)).digest('hex')
}

export function activationCodeMatches(typed: string, storedHash: string): boolean {
  const typedHash = Buffer.from(hashActivationCode(typed), 'hex')
  const stored = Buffer.from(storedHash, 'hex')
  return typedHash.length === stored.length && timingSafeEqual(typedHash, stored)
}
