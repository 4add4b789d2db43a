import { describe, expect, it } from 'vitest'
import { certificateCohortName, certificateMaterialLabel } from './certificate-labels'

describe('certificate labels', () => {
  it("names the cohort as HR named it when the certificate was issued, else the cohort's name", () => {
    expect(certificateCohortName({ cohortName: 'Orientasi ASN dan P3K 2026' }, { name: 'Dinamai ulang' })).toBe('Orientasi ASN dan P3K 2026')
    expect(certificateCohortName({ cohortName: null }, { name: 'Orientasi mandiri 2026' })).toBe('Orientasi mandiri 2026')
  })

  it('names the content by its edition, or by its version for older certificates', () => {
    expect(certificateMaterialLabel({ contentEdition: '2026.1, 21 November 2026', contentVersion: 'v-c2ea886961' })).toBe(
      'Materi edisi 2026.1, 21 November 2026',
    )
    expect(certificateMaterialLabel({ contentEdition: null, contentVersion: 'v-c2ea886961' })).toBe('Versi materi v-c2ea886961')
  })
})
