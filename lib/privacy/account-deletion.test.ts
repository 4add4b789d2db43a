import { describe, expect, it } from 'vitest'
import { accountDeletionSchema, DELETION_PHRASE } from './account-deletion'
import { yearsAfter } from './compliance-retention'

describe('accountDeletionSchema', () => {
  it('accepts the phrase in any case and spacing around it', () => {
    expect(accountDeletionSchema.safeParse({ password: 'x', confirmation: ` ${DELETION_PHRASE.toLowerCase()} ` }).success).toBe(true)
  })
  it('refuses another phrase and a missing password, in Bahasa Indonesia', () => {
    const result = accountDeletionSchema.safeParse({ password: '', confirmation: 'hapus' })
    expect(result.success).toBe(false)
    const messages = result.error!.issues.map((issue) => issue.message)
    expect(messages).toContain('Isi kata sandi Anda.')
    expect(messages).toContain(`Ketik ${DELETION_PHRASE} persis untuk mengonfirmasi.`)
  })
})

describe('yearsAfter', () => {
  it('keeps the calendar date, and 29 February falls back to 28 February', () => {
    expect(yearsAfter(new Date('2027-12-02T05:00:00Z'), 5).toISOString()).toBe('2032-12-02T05:00:00.000Z')
    expect(yearsAfter(new Date('2028-02-29T00:00:00Z'), 1).toISOString()).toBe('2029-02-28T00:00:00.000Z')
  })
})
