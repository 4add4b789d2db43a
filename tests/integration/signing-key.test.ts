import { describe, expect, it } from 'vitest'
import { getSigningKeyStatus, loadSelfSignedSigner, SELF_SIGNED_SUBJECT } from '@/lib/certificates/signing-key.server'
import { db } from '@/lib/db/db.server'

describe('the self-signed signing key kept in the database (decision 046)', () => {
  it('is made once when two instances start signing at once: both sign with the one stored key', async () => {
    expect(await db.signingKey.count()).toBe(0)
    // Two loaders racing on an empty table, as two app instances on their first certificate.
    const [a, b] = await Promise.all([loadSelfSignedSigner(), loadSelfSignedSigner()])
    const rows = await db.signingKey.findMany()
    expect(rows).toHaveLength(1)
    expect(a.subject).toBe(`CN=${SELF_SIGNED_SUBJECT.commonName}, O=${SELF_SIGNED_SUBJECT.organization}, C=ID`)
    expect(a.notAfter).toEqual(b.notAfter)
    expect(a.selfSigned).toBe(true)
    // A later start reads the same key.
    const later = await loadSelfSignedSigner()
    expect(later.notBefore).toEqual(a.notBefore)
    expect(await db.signingKey.count()).toBe(1)
  })

  it('is reported for the admin page: subject, validity (10 years), self-signed, not configured', async () => {
    const status = await getSigningKeyStatus()
    expect(status).toMatchObject({ selfSigned: true, configured: false, state: 'valid' })
    const years = (status.notAfter.getTime() - status.notBefore.getTime()) / (365.25 * 86_400_000)
    expect(years).toBeGreaterThan(9.9)
  })
})
