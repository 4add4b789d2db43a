import { describe, expect, it } from 'vitest'
import { CERTIFICATE_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import { certificateStatus } from './certificate-status'

describe('certificate validity', () => {
  const now = new Date('2027-01-01T00:00:00Z')
  it('is revoked before anything else, then expired after validUntil, else valid', () => {
    expect(certificateStatus({ validUntil: new Date('2030-01-01T00:00:00Z'), revokedAt: new Date('2026-12-01T00:00:00Z') }, now)).toBe('dicabut')
    expect(certificateStatus({ validUntil: new Date('2026-12-31T23:59:59Z'), revokedAt: null }, now)).toBe('kedaluwarsa')
    expect(certificateStatus({ validUntil: now, revokedAt: null }, now)).toBe('berlaku')
    expect(CERTIFICATE_STATUS_LABELS.dicabut).toBe('Dicabut')
  })
})
