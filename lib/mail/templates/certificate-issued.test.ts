import { describe, expect, it } from 'vitest'
import { certificateIssuedMail, refresherDueMail } from './certificate-issued'

describe('certificateIssuedMail', () => {
  const mail = certificateIssuedMail({
    name: 'Ni Luh <Ayu>',
    number: 'BBS/2027/000123',
    courseTitle: 'Bijak Bermedia Sosial bagi ASN',
    validUntil: new Date('2028-03-20T02:00:00Z'),
    certificateId: 'cert_1',
    baseUrl: 'https://x.go.id/bijak',
  })

  it('links to the certificate page on PUBLIC_BASE_URL (no attachment), in both parts', () => {
    expect(mail.text).toContain('https://x.go.id/bijak/sertifikat/cert_1')
    expect(mail.html).toContain('href="https://x.go.id/bijak/sertifikat/cert_1"')
    expect(mail.subject).toBe('Sertifikat Bijak Bermedia Sosial Anda sudah terbit (BBS/2027/000123)')
    expect(mail.text).toContain('berlaku sampai 20 Maret 2028')
  })

  it('escapes the name in HTML', () => {
    expect(mail.html).toContain('Ni Luh &lt;Ayu&gt;')
    expect(mail.html).not.toContain('<Ayu>')
  })
})

describe('refresherDueMail', () => {
  it('says when the certificate ends and links to the dashboard', () => {
    const mail = refresherDueMail({ name: 'Budi', number: 'BBS/2026/000001', validUntil: new Date('2027-11-01T02:00:00Z'), baseUrl: 'https://bijak.contoh.go.id' })
    expect(mail.subject).toBe('Sertifikat Bijak Bermedia Sosial Anda berakhir dalam 30 hari')
    expect(mail.text).toContain('nomor BBS/2026/000001 berlaku sampai 1 November 2027, 30 hari lagi')
    expect(mail.html).toContain('href="https://bijak.contoh.go.id/dasbor"')
  })
})
