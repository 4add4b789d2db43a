import { describe, expect, it } from 'vitest'
import { passwordResetMail } from './password-reset'

describe('passwordResetMail', () => {
  const mail = passwordResetMail({ name: 'Budi <b>Santoso</b> & "Rekan"', token: 'tok_EN-123', baseUrl: 'https://bijak.contoh.go.id', validMinutes: 60 })

  it('links to the public site with the token, in both parts', () => {
    const link = 'https://bijak.contoh.go.id/atur-ulang-sandi/email?token=tok_EN-123'
    expect(mail.text).toContain(link)
    expect(mail.html).toContain(`href="${link}"`)
    expect(mail.text).toContain('60 menit')
    expect(mail.subject).toBe('Atur ulang kata sandi Bijak Bermedia Sosial')
  })

  it('escapes the name in HTML and keeps it as typed in text', () => {
    expect(mail.html).toContain('Budi &lt;b&gt;Santoso&lt;/b&gt; &amp; &quot;Rekan&quot;')
    expect(mail.html).not.toContain('<b>Santoso')
    expect(mail.text).toContain('Yth. Budi <b>Santoso</b> & "Rekan",')
  })

  it('keeps a base path of PUBLIC_BASE_URL', () => {
    expect(passwordResetMail({ name: 'A', token: 't', baseUrl: 'https://x.go.id/bijak', validMinutes: 60 }).text).toContain('https://x.go.id/bijak/atur-ulang-sandi/email?token=t')
  })
})
