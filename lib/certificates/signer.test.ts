import { describe, expect, it } from 'vitest'
import { DEFAULT_COURSE_SETTINGS } from '@/lib/settings/course-settings'
import { describeSignerPlaceholders, isSignerReady, signerPlaceholders } from './signer'

const real = { signerName: 'Dr. Sari Dewi, M.Si.', signerTitle: 'Kepala Badan Kepegawaian Daerah', signerNip: '197304121998032002' }

describe('the certificate signer', () => {
  it('is a placeholder on a fresh install: default name, default title, no NIP', () => {
    expect(signerPlaceholders(DEFAULT_COURSE_SETTINGS)).toEqual(['signerName', 'signerTitle', 'signerNip'])
    expect(isSignerReady(DEFAULT_COURSE_SETTINGS)).toBe(false)
  })

  it('is ready only when name, title and an 18-digit NIP are all set', () => {
    expect(isSignerReady(real)).toBe(true)
    expect(signerPlaceholders({ ...real, signerNip: '' })).toEqual(['signerNip'])
    expect(signerPlaceholders({ ...real, signerNip: '1973041219980320' })).toEqual(['signerNip'])
    expect(signerPlaceholders({ ...real, signerTitle: DEFAULT_COURSE_SETTINGS.signerTitle })).toEqual(['signerTitle'])
    expect(signerPlaceholders({ ...real, signerName: ` ${DEFAULT_COURSE_SETTINGS.signerName} ` })).toEqual(['signerName'])
  })

  it('names what is missing in Bahasa', () => {
    expect(describeSignerPlaceholders(['signerName', 'signerTitle', 'signerNip'])).toBe('nama, jabatan dan NIP penanda tangan')
    expect(describeSignerPlaceholders(['signerNip'])).toBe('NIP penanda tangan')
  })
})
