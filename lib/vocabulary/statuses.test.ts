import { describe, expect, it } from 'vitest'
import {
  CERTIFICATE_STATUS_LABELS,
  ENROLMENT_STATUS_LABELS,
  ENROLMENT_STATUSES,
  identityStatusLabel,
  isIdentityStatus,
  isPersonStatus,
  PERSON_STATUS_LABELS,
  PERSON_STATUSES,
  UNASSIGNED,
} from './statuses'

describe('status vocabulary', () => {
  it('labels every enrolment status, and "belum ditugaskan" only for people', () => {
    expect(Object.keys(ENROLMENT_STATUS_LABELS)).toEqual([...ENROLMENT_STATUSES])
    expect(ENROLMENT_STATUS_LABELS.sedang).toBe('Sedang belajar')
    expect(PERSON_STATUS_LABELS[UNASSIGNED]).toBe('Belum ditugaskan')
    expect(PERSON_STATUSES).toEqual([...ENROLMENT_STATUSES, UNASSIGNED])
    expect(isPersonStatus('belum-ditugaskan')).toBe(true)
    expect(isPersonStatus('selesai')).toBe(false)
  })

  it('never reads an unknown identity status as verified', () => {
    expect(identityStatusLabel('verified')).toBe('Terverifikasi')
    expect(identityStatusLabel('bogus')).toBe('Belum diverifikasi')
    expect(identityStatusLabel(undefined)).toBe('Belum diverifikasi')
    expect(isIdentityStatus('rejected')).toBe(true)
    expect(isIdentityStatus('Verified')).toBe(false)
  })

  it('labels certificates', () => {
    expect(CERTIFICATE_STATUS_LABELS).toEqual({ berlaku: 'Berlaku', kedaluwarsa: 'Kedaluwarsa', dicabut: 'Dicabut' })
  })
})
