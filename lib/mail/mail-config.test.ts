import { describe, expect, it } from 'vitest'
import { parseMailFrom, parseSmtpUrl } from './mail-config'

describe('parseSmtpUrl', () => {
  it('accepts smtp and smtps URLs and refuses others', () => {
    expect(parseSmtpUrl('smtp://user:pw@127.0.0.1:2525').port).toBe('2525')
    expect(parseSmtpUrl('smtps://mail.contoh.go.id').protocol).toBe('smtps:')
    expect(() => parseSmtpUrl('http://mail.contoh.go.id')).toThrow('smtp://')
    expect(() => parseSmtpUrl('mail.contoh.go.id')).toThrow()
  })
})

describe('parseMailFrom', () => {
  it('reads a name and an address, or a bare address', () => {
    expect(parseMailFrom('Bijak Bermedia Sosial <noreply@bkpsdm.go.id>')).toEqual({ name: 'Bijak Bermedia Sosial', address: 'noreply@bkpsdm.go.id' })
    expect(parseMailFrom('"BKPSDM" <NoReply@bkpsdm.go.id>')).toEqual({ name: 'BKPSDM', address: 'noreply@bkpsdm.go.id' })
    expect(parseMailFrom('noreply@bkpsdm.go.id')).toEqual({ name: '', address: 'noreply@bkpsdm.go.id' })
  })

  it('refuses line breaks and malformed addresses', () => {
    expect(() => parseMailFrom('A <a@b.id>\r\nBcc: c@d.id')).toThrow('one line')
    expect(() => parseMailFrom('Nama tanpa alamat')).toThrow()
    expect(() => parseMailFrom('A <bukan-alamat>')).toThrow()
  })
})
