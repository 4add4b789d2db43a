import { describe, expect, it } from 'vitest'
import { redactSecrets } from './redact'

describe('redactSecrets', () => {
  it('removes token parameters from links in text and HTML', () => {
    expect(redactSecrets('Buka http://x.id/atur-ulang-sandi/email?token=abc_DEF-123 sekarang')).toBe('Buka http://x.id/atur-ulang-sandi/email?token=[disembunyikan] sekarang')
    expect(redactSecrets('<a href="http://x.id/p?a=1&amp;token=abc">x</a>')).toBe('<a href="http://x.id/p?a=1&amp;token=[disembunyikan]">x</a>')
    expect(redactSecrets('tanpa rahasia')).toBe('tanpa rahasia')
  })
  it('removes activation codes (XXXXX-XXXXX), not certificate numbers or NIPs', () => {
    expect(redactSecrets('Kode aktivasi: 7KQ2M-X9P4A.')).toBe('Kode aktivasi: [disembunyikan].')
    expect(redactSecrets('<strong>7KQ2M-X9P4A</strong>')).toBe('<strong>[disembunyikan]</strong>')
    expect(redactSecrets('BBS/2027/000123, NIP 198609262015052001, 2027-03-20')).toBe('BBS/2027/000123, NIP 198609262015052001, 2027-03-20')
  })
})
