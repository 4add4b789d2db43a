import { describe, expect, it } from 'vitest'
import { identityStatusLabel, isIdentityStatus } from './identity-status'

describe('identity status vocabulary', () => {
  it('labels every status in Bahasa Indonesia and treats unknown values as claimed', () => {
    expect(identityStatusLabel('verified')).toBe('Terverifikasi')
    expect(identityStatusLabel('claimed')).toBe('Belum diverifikasi')
    expect(identityStatusLabel('rejected')).toBe('Klaim ditolak')
    expect(identityStatusLabel('bogus')).toBe('Belum diverifikasi')
    expect(identityStatusLabel(null)).toBe('Belum diverifikasi')
  })

  it('recognises only the schema values', () => {
    expect(isIdentityStatus('verified')).toBe(true)
    expect(isIdentityStatus('Verified')).toBe(false)
    expect(isIdentityStatus(1)).toBe(false)
  })
})
