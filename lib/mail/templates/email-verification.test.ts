import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../redact'
import { emailVerificationMail } from './email-verification'

describe('emailVerificationMail', () => {
  const mail = emailVerificationMail({ name: 'Budi <b>Santoso</b> & "Rekan"', token: 'tok_EN-123', baseUrl: 'https://bijak.contoh.go.id', validHours: 24 })

  it('links to the public site with the token, in both parts, and says how long it works', () => {
    const link = 'https://bijak.contoh.go.id/verifikasi-email?token=tok_EN-123'
    expect(mail.text).toContain(link)
    expect(mail.html).toContain(`href="${link}"`)
    expect(mail.text).toContain('24 jam')
    expect(mail.subject).toBe('Verifikasi alamat email Anda di Bijak Bermedia Sosial')
  })

  it('escapes the name in HTML and keeps it as typed in text', () => {
    expect(mail.html).toContain('Budi &lt;b&gt;Santoso&lt;/b&gt; &amp; &quot;Rekan&quot;')
    expect(mail.html).not.toContain('<b>Santoso')
    expect(mail.text).toContain('Yth. Budi <b>Santoso</b> & "Rekan",')
  })

  it('loses its working link once the stored copy is redacted after sending', () => {
    expect(redactSecrets(mail.text)).not.toContain('tok_EN-123')
    expect(redactSecrets(mail.html)).not.toContain('tok_EN-123')
  })
})
