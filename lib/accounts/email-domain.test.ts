import { describe, expect, it } from 'vitest'
import { agencyDomainOf, domainOfEmail, emailDomainSchema, emailEvidence, normaliseDomain } from './email-domain'

describe('agency email domains', () => {
  it('normalises what an admin types, and refuses what is not a domain', () => {
    expect(normaliseDomain(' @DemoRaya.go.id. ')).toBe('demoraya.go.id')
    expect(normaliseDomain('bkpsdm.demoraya.go.id')).toBe('bkpsdm.demoraya.go.id')
    for (const bad of ['', 'go', 'budi@demoraya.go.id', 'demo raya.go.id', '-demo.go.id', 'demo-.go.id', '10.0.0.1', 'demo..go.id', `${'a'.repeat(64)}.go.id`]) {
      expect([bad, normaliseDomain(bad)]).toEqual([bad, null])
    }
  })

  it('answers in Indonesian with what is wrong', () => {
    const result = emailDomainSchema.safeParse('budi@demoraya.go.id')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/Bukan nama domain yang sah/)
    expect(emailDomainSchema.parse('DEMORAYA.go.id')).toBe('demoraya.go.id')
  })

  it('finds the listed domain an address is on, subdomains included, never a look-alike', () => {
    const listed = ['demoraya.go.id', 'pemkot-demo.go.id']
    expect(domainOfEmail('Budi@DemoRaya.go.id')).toBe('demoraya.go.id')
    expect(agencyDomainOf('budi@demoraya.go.id', listed)).toBe('demoraya.go.id')
    expect(agencyDomainOf('budi@bkpsdm.demoraya.go.id', listed)).toBe('demoraya.go.id')
    expect(agencyDomainOf('budi@notdemoraya.go.id', listed)).toBeNull()
    expect(agencyDomainOf('budi@demoraya.go.id.evil.example', listed)).toBeNull()
    expect(agencyDomainOf('budi@gmail.com', listed)).toBeNull()
    expect(agencyDomainOf('tanpa-at', listed)).toBeNull()
  })

  it('tells HR what an address is worth: only a verified address on a listed domain is the agency\'s', () => {
    const listed = ['demoraya.go.id']
    expect(emailEvidence('budi@demoraya.go.id', true, listed)).toEqual({ kind: 'agency', domain: 'demoraya.go.id' })
    expect(emailEvidence('budi@demoraya.go.id', false, listed)).toEqual({ kind: 'unverified' })
    expect(emailEvidence('budi@gmail.com', true, listed)).toEqual({ kind: 'verified' })
    expect(emailEvidence('budi@demoraya.go.id', true, [])).toEqual({ kind: 'verified' })
  })
})
