import { describe, expect, it } from 'vitest'
import { newResetToken, requestResetSchema, resetLinkIdentifier, resetWithLinkSchema, TOKEN_PATTERN } from './password-reset-link'

describe('reset link tokens', () => {
  it('are 256-bit base64url secrets, stored only as a hash', () => {
    const token = newResetToken()
    expect(token).toMatch(TOKEN_PATTERN)
    expect(newResetToken()).not.toBe(token)
    expect(resetLinkIdentifier(token)).toMatch(/^reset-link:[0-9a-f]{64}$/)
    expect(resetLinkIdentifier(token)).not.toContain(token)
  })
})

describe('schemas', () => {
  it('checks the email and the new password in Bahasa Indonesia', () => {
    expect(requestResetSchema.safeParse({ email: ' Budi@Contoh.go.id ' })).toMatchObject({ success: true, data: { email: 'budi@contoh.go.id' } })
    expect(requestResetSchema.safeParse({ email: 'budi' }).error?.issues[0]?.message).toContain('Format email tidak valid')
    const token = newResetToken()
    expect(resetWithLinkSchema.safeParse({ token, password: 'Sandi-baru-99', passwordConfirm: 'Sandi-baru-99' }).success).toBe(true)
    expect(resetWithLinkSchema.safeParse({ token: 'pendek', password: 'Sandi-baru-99', passwordConfirm: 'Sandi-baru-99' }).error?.issues[0]?.message).toContain('Tautan')
    expect(resetWithLinkSchema.safeParse({ token, password: 'Sandi-baru-99', passwordConfirm: 'lain' }).error?.issues[0]?.message).toBe('Ulangan kata sandi tidak sama.')
  })
})
