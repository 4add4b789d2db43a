import { describe, expect, it } from 'vitest'
import { linkedInAddCertificationUrl } from './linkedin'

describe('linkedInAddCertificationUrl', () => {
  const certification = {
    name: 'Bijak Bermedia Sosial bagi ASN',
    organizationName: 'Penyelenggara Pelatihan & Co',
    // 31 Dec 2026 20:00 UTC is already 1 January 2027 in Jakarta (WIB, UTC+7).
    issuedAt: new Date('2026-12-31T20:00:00Z'),
    validUntil: new Date('2027-12-31T20:00:00Z'),
    certUrl: 'https://bijak.example.go.id/verify/ABCDEFGHJKMNPQRSTVWXYZ23',
    certId: 'BBS/2027/000001',
  }

  it('pre-fills name, organisation, issue and expiry month (WIB), credential id and verify URL', () => {
    const url = new URL(linkedInAddCertificationUrl(certification))
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Bijak Bermedia Sosial bagi ASN',
      organizationName: 'Penyelenggara Pelatihan & Co',
      issueYear: '2027',
      issueMonth: '1',
      expirationYear: '2028',
      expirationMonth: '1',
      certUrl: 'https://bijak.example.go.id/verify/ABCDEFGHJKMNPQRSTVWXYZ23',
      certId: 'BBS/2027/000001',
    })
  })

  it('escapes what would break the query string', () => {
    const url = linkedInAddCertificationUrl(certification)
    expect(url).toContain('organizationName=Penyelenggara+Pelatihan+%26+Co')
    expect(url).toContain('certId=BBS%2F2027%2F000001')
  })

  it('leaves the expiry out for a certificate that does not expire', () => {
    const url = new URL(linkedInAddCertificationUrl({ ...certification, validUntil: null }))
    expect(url.searchParams.has('expirationYear')).toBe(false)
    expect(url.searchParams.has('expirationMonth')).toBe(false)
    expect(url.searchParams.get('issueMonth')).toBe('1')
  })
})
