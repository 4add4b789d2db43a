import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../redact'
import { invitationMail } from './invitation'

describe('invitationMail', () => {
  const mail = invitationMail({
    name: 'Made <Putra>',
    nip: '198609262015052001',
    code: '7KQ2M-X9P4A',
    cohortName: 'Orientasi 2027',
    dueDate: new Date('2027-03-20T23:59:59+07:00'),
    codeValidUntil: new Date('2027-02-01T02:00:00Z'),
    baseUrl: 'https://bijak.contoh.go.id',
  })

  it('carries the NIP, the code and the activation link on PUBLIC_BASE_URL in both parts', () => {
    expect(mail.subject).toBe('Undangan kursus Bijak Bermedia Sosial: aktifkan akun Anda')
    expect(mail.text).toContain('Kode aktivasi: 7KQ2M-X9P4A')
    expect(mail.text).toContain('NIP 198609262015052001')
    expect(mail.text).toContain('https://bijak.contoh.go.id/aktivasi')
    expect(mail.text).toContain('tenggat 20 Maret 2027')
    expect(mail.html).toContain('7KQ2M-X9P4A')
    expect(mail.html).toContain('href="https://bijak.contoh.go.id/aktivasi"')
    expect(mail.html).toContain('Made &lt;Putra&gt;')
  })

  it('keeps no code once redacted', () => {
    expect(redactSecrets(mail.text)).not.toContain('7KQ2M-X9P4A')
    expect(redactSecrets(mail.html)).not.toContain('7KQ2M-X9P4A')
  })
})
