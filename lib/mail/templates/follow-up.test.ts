import { describe, expect, it } from 'vitest'
import { fillableInSql, type MailTemplateForSql } from '../outbox.server'
import { followUpMail } from './follow-up'

describe('followUpMail', () => {
  const mail = followUpMail({ name: 'Siti <i>Aminah</i> & "Co"', baseUrl: 'https://x.go.id/bijak' })

  it('invites to five questions in Bahasa Indonesia and says they do not change the certificate', () => {
    expect(mail.subject).toBe('5 soal untuk mengingat kembali kursus Bijak Bermedia Sosial')
    expect(mail.text).toContain('Yth. Siti <i>Aminah</i> & "Co",')
    expect(mail.text).toContain('Tiga puluh hari lalu Anda lulus')
    expect(mail.text).toContain('tidak mengubah kelulusan maupun sertifikat Anda')
    expect(mail.html).toContain('tidak mengubah kelulusan maupun sertifikat Anda')
  })

  it('links to the follow-up page on PUBLIC_BASE_URL in both parts', () => {
    expect(mail.text).toContain('https://x.go.id/bijak/tindak-lanjut')
    expect(mail.html).toContain('href="https://x.go.id/bijak/tindak-lanjut"')
  })

  it('escapes the name in HTML', () => {
    expect(mail.html).toContain('Siti &lt;i&gt;Aminah&lt;/i&gt; &amp; &quot;Co&quot;')
    expect(mail.html).not.toContain('<i>Aminah')
  })

  it('has the name as its only per-person part, so the scheduler can fill it in SQL (decision 038)', () => {
    const token = '\u27e6penerima-abc\u27e7'
    const rendered: MailTemplateForSql = { ...followUpMail({ name: token, baseUrl: 'https://x.go.id' }), nameToken: token }
    expect(fillableInSql(rendered)).toBe(true)
    // Two people differ only where the token was.
    const a = followUpMail({ name: 'Ani', baseUrl: 'https://x.go.id' })
    expect(rendered.text.replace(token, 'Ani')).toBe(a.text)
    expect(rendered.html.replace(token, 'Ani')).toBe(a.html)
  })
})
