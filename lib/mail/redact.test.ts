import { describe, expect, it } from 'vitest'
import { redactSecrets } from './redact'

describe('redactSecrets', () => {
  it('removes token parameters from links in text and HTML', () => {
    expect(redactSecrets('Buka http://x.id/atur-ulang-sandi/email?token=abc_DEF-123 sekarang')).toBe('Buka http://x.id/atur-ulang-sandi/email?token=[disembunyikan] sekarang')
    expect(redactSecrets('<a href="http://x.id/p?a=1&amp;token=abc">x</a>')).toBe('<a href="http://x.id/p?a=1&amp;token=[disembunyikan]">x</a>')
    expect(redactSecrets('tanpa rahasia')).toBe('tanpa rahasia')
  })
})
