import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { emailSchema, passwordSchema } from './registration-schema'

/** A reset link works this long after it was asked for (issue 14). */
export const RESET_LINK_VALID_MINUTES = 60
/** Asking again within the same window of this many minutes sends no second email. */
export const RESET_LINK_WINDOW_MINUTES = 15

/** 32 random bytes, base64url: the secret in the link. Only its hash is stored. */
export function newResetToken(): string {
  return randomBytes(32).toString('base64url')
}

/** `verification.identifier` of a link's token: found by the hash, never by the token itself. */
export function resetLinkIdentifier(token: string): string {
  return `reset-link:${createHash('sha256').update(token).digest('hex')}`
}

export const RESET_LINK_PREFIX = 'reset-link:'

export const requestResetSchema = z.object({ email: emailSchema })

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export const resetWithLinkSchema = z
  .object({
    token: z.string({ error: 'Tautan tidak lengkap.' }).regex(TOKEN_PATTERN, 'Tautan tidak lengkap atau rusak. Salin seluruh tautan dari email.'),
    password: passwordSchema,
    passwordConfirm: z.string({ error: 'Ulangi kata sandi.' }),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Ulangan kata sandi tidak sama.' })
  })
