// The files HR opens in a spreadsheet (decision 016): each CSV is imported by LibreOffice
// headless as a person would (separator, UTF-8, every column left "Standard") and the cells are
// read back from the XLSX it saves. The NIP must come back as its 18 digits, as text; the plain
// variant (for import systems) shows what goes wrong without the fix.
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { checkReportScope, completionRows } from '@/lib/hr/report-data.server'
import { reportFilterSchema } from '@/lib/hr/report-filter'
import { completionCsv, type CsvOptions } from '@/lib/reports/csv'
import { siasnCsv, siasnRows } from '@/lib/reports/siasn'
import { seedUser } from '@/prisma/seed/seeders'
import { LO_LANGUAGE, openCsvInLibreOffice, rowsByHeader } from '../libreoffice'
import { seedAgencies } from './helpers'

const NIP = '199103152023212004'
const HOSTILE_UNIT = '=HYPERLINK("http://evil.example","Klik")'
let officer: { id: string; agencyId: string }
let cohortId: string

async function bytesOf(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

beforeAll(async () => {
  const { agency } = await seedAgencies()
  const unit = await db.unit.create({ data: { agencyId: agency.id, name: HOSTILE_UNIT } })
  const hr = await seedUser(db, { name: 'HR', email: 'hr-lo@contoh.go.id', password: 'Kata-sandi-benar-9', role: 'hr', agencyId: agency.id })
  officer = { id: hr.id, agencyId: agency.id }
  const cohort = await db.cohort.create({ data: { agencyId: agency.id, kind: 'onboarding', year: 2026, name: 'Orientasi CPNS Gelombang 2' } })
  cohortId = cohort.id
  const learner = await seedUser(db, {
    name: 'Dr. Ayu Lestari, M.Si.',
    email: 'ayu-lo@contoh.go.id',
    password: 'Kata-sandi-benar-9',
    nip: NIP,
    employmentType: 'PNS',
    agencyId: agency.id,
    unitId: unit.id,
  })
  const enrolment = await db.enrolment.create({ data: { userId: learner.id, cohortId, cycleKey: 'onboarding' } })
  const at = new Date('2026-11-03T02:00:00Z')
  await db.quizAttempt.create({
    data: { userId: learner.id, enrolmentId: enrolment.id, kind: 'pretest', contentVersion: 't', seed: 's', items: '{}', expiresAt: at, submittedAt: at, score: 33.3, passed: false },
  })
})

async function completionFile(options: CsvOptions): Promise<Buffer> {
  const filter = reportFilterSchema.parse({ kelompok: cohortId })
  const scope = await checkReportScope(officer, filter)
  return bytesOf(completionCsv(completionRows(officer, filter, scope), options))
}

describe('CSV reports opened in LibreOffice', () => {
  it('the spreadsheet variant keeps the 18-digit NIP as text, user text is not run as a formula, scores stay numbers', async () => {
    const bytes = await completionFile({ delimiter: ';', spreadsheet: true })
    const [row] = rowsByHeader(await openCsvInLibreOffice(bytes, { delimiter: ';', language: LO_LANGUAGE.indonesian }))
    expect(row!.NIP).toMatchObject({ value: NIP, type: 'string' })
    expect(row!['Unit Kerja']).toMatchObject({ value: `'${HOSTILE_UNIT}`, type: 'string', formula: null })
    expect(row!['Nama Lengkap']).toMatchObject({ value: 'Dr. Ayu Lestari, M.Si.', formula: null })
    expect(row!['Nilai uji awal']).toMatchObject({ value: 33.3, type: 'number' })
  }, 240_000)

  it('with "," between fields (an English spreadsheet) too', async () => {
    const bytes = await completionFile({ delimiter: ',', spreadsheet: true })
    const [row] = rowsByHeader(await openCsvInLibreOffice(bytes, { delimiter: ',', language: LO_LANGUAGE.englishUs }))
    expect(row!.NIP).toMatchObject({ value: NIP, type: 'string' })
    expect(row!['Nilai uji awal']).toMatchObject({ value: 33.3, type: 'number' })
  }, 240_000)

  it('the plain variant (for import systems) holds bare digits, which a spreadsheet turns into a rounded number', async () => {
    const bytes = await completionFile({ delimiter: ';' })
    expect(bytes.toString('utf8')).toContain(`\r\n${NIP};`)
    const [row] = rowsByHeader(await openCsvInLibreOffice(bytes, { delimiter: ';', language: LO_LANGUAGE.indonesian }))
    expect(row!.NIP!.type).toBe('number')
    expect(String(row!.NIP!.value)).not.toBe(NIP)
  }, 240_000)

  it('the SIASN export, spreadsheet variant: NIP intact, organiser as given', async () => {
    const certificates = [{ nip: NIP, certificateNumber: 'BBS/2026/000001', startedAt: new Date('2026-11-01T02:00:00Z'), completedAt: new Date('2026-11-03T02:00:00Z'), jp: 2 }]
    const course = { courseName: 'Bijak Bermedia Sosial bagi ASN', courseType: 'Pelatihan Teknis', organiser: 'BKPSDM Kota Demo Raya' }
    const bytes = await bytesOf(siasnCsv(siasnRows(certificates, course), { delimiter: ';', spreadsheet: true }))
    const [row] = rowsByHeader(await openCsvInLibreOffice(bytes, { delimiter: ';', language: LO_LANGUAGE.indonesian }))
    expect(row!.NIP).toMatchObject({ value: NIP, type: 'string' })
    expect(row!['Nomor Sertifikat']).toMatchObject({ value: 'BBS/2026/000001', type: 'string' })
    expect(row!.Penyelenggara).toMatchObject({ value: 'BKPSDM Kota Demo Raya' })
  }, 240_000)
})
