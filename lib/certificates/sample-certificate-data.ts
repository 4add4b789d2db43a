import type { CertificateDataInput } from './certificate-data'
import { formatCertificateNumber } from './certificate-number'
import { buildVerifyUrl } from './verification-code'

/** Fixed, realistic data for design review, tests and the benchmark (no database). */
export const SAMPLE_VERIFICATION_CODE = '7k3m9qxdh2c4a8ty5nw0b6rz'
export const SAMPLE_PUBLIC_BASE_URL = 'https://bijak-bermedia.example.go.id'

export function sampleCertificateData(overrides: Partial<CertificateDataInput> = {}): CertificateDataInput {
  const verificationCode = overrides.verificationCode ?? SAMPLE_VERIFICATION_CODE
  return {
    name: 'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.',
    nip: '198609262015052001',
    employmentType: 'PNS',
    agencyName: 'Kementerian Komunikasi dan Digital',
    unitName: 'Direktorat Jenderal Komunikasi Publik dan Media',
    courseTitle: 'Bijak Bermedia Sosial bagi ASN',
    contentVersion: 'v-c2ea886961',
    contentEdition: '2026.1, 21 November 2026',
    cohortLabel: 'Orientasi ASN dan P3K 2026',
    score: 92.5,
    // 21 November 2026, 10:15 WIB
    completedAt: new Date('2026-11-21T03:15:00Z'),
    validUntil: new Date('2027-11-21T03:15:00Z'),
    jp: 2,
    number: formatCertificateNumber(2026, 123),
    verificationCode,
    verifyUrl: buildVerifyUrl(SAMPLE_PUBLIC_BASE_URL, verificationCode),
    signerName: 'Prof. Dr. Bambang Sutrisno, M.Si.',
    signerTitle: 'Kepala Pusat Pengembangan Kompetensi Aparatur',
    signerNip: '197304121998031002',
    issuedAt: new Date('2026-11-21T03:16:00Z'),
    issuedPlace: 'Jakarta',
    ...overrides,
  }
}
