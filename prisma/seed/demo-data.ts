import type { SeedAgency } from './seeders'

/** The demo agencies and logins `npm run demo` seeds and prints. Not for production. */
export const DEMO_AGENCIES: SeedAgency[] = [
  {
    code: 'PEMKOT-DEMO',
    name: 'Pemerintah Kota Demo Raya',
    emailDomains: ['demoraya.go.id'],
    units: [
      'Bagian Umum Sekretariat Daerah',
      'Badan Kepegawaian dan Pengembangan SDM',
      'Dinas Komunikasi dan Informatika',
      'Dinas Pendidikan',
    ],
  },
  {
    code: 'KEMEN-DEMO',
    name: 'Kementerian Contoh Pelayanan Publik',
    units: ['Biro Hubungan Masyarakat', 'Direktorat Pelayanan', 'Inspektorat Jenderal'],
  },
]

export const DEMO_PASSWORD = 'Bijak-Bermedia-2026'

/**
 * The certificate signer the demo, e2e and test databases start with (real-looking values: the
 * app refuses to issue certificates while the signer settings are placeholders).
 */
export const DEMO_SIGNER = {
  signerName: 'Dr. Hendra Wijaya, S.Sos., M.Si.',
  signerTitle: 'Kepala Badan Kepegawaian dan Pengembangan SDM',
  signerNip: '197304121998031002',
} as const

export const DEMO_LOGINS = {
  learner: {
    name: "Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.",
    email: 'peserta@demo.go.id',
    nip: '198609262015052001',
    employmentType: 'PNS' as const,
  },
  // The HR officer is a civil servant too: they take the course and count (decision 037).
  hr: { name: 'Budi Santoso, S.E.', email: 'kepegawaian@demo.go.id', nip: '198107142006041003', employmentType: 'PNS' as const },
  // Operates one unit (Diskominfo): sees and reminds its people only.
  operator: { name: 'Rina Marlina, S.Kom.', email: 'operator@demo.go.id', nip: '199003082015032004', employmentType: 'PNS' as const },
  admin: { name: 'Admin Platform', email: 'admin@demo.go.id' },
}

/** Colleagues of the demo learner, at different stages of the onboarding cohort. */
export const DEMO_COLLEAGUES = [
  { name: 'Ir. Bambang Wicaksono, M.T.', email: 'bambang@demo.go.id', nip: '197803152005011002', employmentType: 'PNS' as const, lessonsDone: 'all' as const },
  { name: "Nur'aini Rahmawati, S.Pd.", email: 'nuraini@demo.go.id', nip: '199205202023212002', employmentType: 'PPPK' as const, lessonsDone: 3 },
  { name: 'Yohanes Kristianto', email: 'yohanes@demo.go.id', nip: '199811022024031001', employmentType: 'CPNS' as const, lessonsDone: 0 },
]

/**
 * Someone who registered on their own: their NIP is claimed, not verified, so HR's review queue
 * ("Verifikasi peserta") has someone to show.
 */
export const DEMO_CLAIMANT = {
  name: 'Rudi Hartono',
  email: 'rudi.mandiri@demo.go.id',
  nip: '199003172015031004',
  employmentType: 'PNS' as const,
}
