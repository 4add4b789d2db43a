import { describe, expect, it } from 'vitest'
import { certificateDataSchema, employeeIdLabel } from './certificate-data'
import { sampleCertificateData } from './sample-certificate-data'

describe('certificateDataSchema', () => {
  it('accepts the sample and defaults the place', () => {
    const { issuedPlace: _omit, ...rest } = sampleCertificateData()
    const parsed = certificateDataSchema.parse(rest)
    expect(parsed.issuedPlace).toBe('Jakarta')
    expect(parsed.name).toBe('Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.')
  })

  it('keeps names exactly as registered (apostrophes, diacritics, titles)', () => {
    for (const name of ["Muh. Ma'ruf O'Neil", 'José Ñúñez', 'Hj. Siti Nur’aini, S.Pd.I.']) {
      expect(certificateDataSchema.parse(sampleCertificateData({ name })).name).toBe(name)
    }
  })

  it('rejects bad fields with paths', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nip: '12345' }, 'nip'],
      [{ employmentType: 'HONORER' }, 'employmentType'],
      [{ number: 'BBS-1' }, 'number'],
      [{ verificationCode: 'short' }, 'verificationCode'],
      [{ verifyUrl: 'https://example.go.id/verify/other0000000000000000000' }, 'verifyUrl'],
      [{ verifyUrl: 'javascript:alert(1)' }, 'verifyUrl'],
      [{ score: 101 }, 'score'],
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: 'a\u0000b' }, 'name'],
      [{ validUntil: new Date('2020-01-01') }, 'validUntil'],
      [{ completedAt: new Date('nope') }, 'completedAt'],
    ]
    for (const [override, path] of cases) {
      const result = certificateDataSchema.safeParse({ ...sampleCertificateData(), ...override })
      expect(result.success, path).toBe(false)
      expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path)
    }
  })

  it('labels the employee number by employment type', () => {
    expect(employeeIdLabel('PNS')).toBe('NIP')
    expect(employeeIdLabel('CPNS')).toBe('NIP')
    expect(employeeIdLabel('PPPK')).toBe('NI PPPK')
  })
})
