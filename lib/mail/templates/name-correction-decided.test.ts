import { describe, expect, it } from 'vitest'
import { nameCorrectionDecidedMail } from './name-correction-decided'

describe('nameCorrectionDecidedMail', () => {
  it('says an approval, the certificates reissued with the same numbers, and links to Data saya', () => {
    const mail = nameCorrectionDecidedMail({ decision: 'approved', name: 'Rina Kusuma', requestedName: 'Rina Kusumawati', reissued: ['BBS/2026/000007'], baseUrl: 'https://bijak.contoh.go.id' })
    expect(mail.subject).toBe('Koreksi nama Anda di Bijak Bermedia Sosial disetujui')
    expect(mail.text).toContain('menjadi "Rina Kusumawati"')
    expect(mail.text).toContain('BBS/2026/000007')
    expect(mail.text).toContain('https://bijak.contoh.go.id/akun/data-saya')
    expect(mail.html).toContain('href="https://bijak.contoh.go.id/akun/data-saya"')
  })

  it("says a rejection with HR's reason, escaped in HTML", () => {
    const mail = nameCorrectionDecidedMail({ decision: 'rejected', name: 'Rina', requestedName: 'Rina <b>K</b>', reason: 'Ejaan tidak sesuai SK & ijazah', baseUrl: 'https://x.go.id' })
    expect(mail.subject).toBe('Koreksi nama Anda di Bijak Bermedia Sosial ditolak')
    expect(mail.text).toContain('Alasan: Ejaan tidak sesuai SK & ijazah')
    expect(mail.text).toContain('Nama dan sertifikat Anda tidak berubah.')
    expect(mail.html).toContain('Rina &lt;b&gt;K&lt;/b&gt;')
    expect(mail.html).toContain('SK &amp; ijazah')
    expect(mail.html).not.toContain('<b>K</b>')
  })
})
