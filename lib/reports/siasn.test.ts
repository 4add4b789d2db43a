import { parse } from 'csv-parse/sync'
import { Readable, Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import {
  certificatePdfEntries,
  certificatePdfFileName,
  SIASN_COLUMNS,
  siasnCsv,
  siasnRows,
  siasnXlsx,
  toSiasnRow,
  type SiasnCertificate,
  type SiasnCourse,
  type SiasnRow,
} from './siasn'

const course: SiasnCourse = {
  courseName: 'Bijak Bermedia Sosial bagi ASN',
  courseType: 'Pelatihan Teknis',
  organiser: 'Badan Kepegawaian Daerah Provinsi Sulawesi Selatan',
}

const certificate: SiasnCertificate = {
  nip: '198609262015052001',
  certificateNumber: 'BBS/2026/000123',
  startedAt: new Date('2026-12-20T02:00:00Z'),
  completedAt: new Date('2026-12-31T18:00:00Z'), // 1 Jan 2027, 01:00 WIB
  jp: 2,
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe('SIASN rows', () => {
  it('has the columns SIASN asks for, in order', () => {
    expect(SIASN_COLUMNS.map((c) => c.header)).toEqual([
      'Nama Pelatihan',
      'Jenis Pelatihan',
      'Penyelenggara',
      'Tanggal Mulai',
      'Tanggal Selesai',
      'Tahun',
      'Jumlah Jam (JP)',
      'Nomor Sertifikat',
      'NIP',
    ])
  })

  it('takes the year from the WIB end date and the course type as a parameter', async () => {
    const rows = await all(siasnRows([certificate], { ...course, courseType: ' Seminar ' }))
    expect(rows).toEqual<SiasnRow[]>([
      {
        courseName: course.courseName,
        courseType: 'Seminar',
        organiser: course.organiser,
        startDate: certificate.startedAt,
        endDate: certificate.completedAt,
        year: 2027,
        jp: 2,
        certificateNumber: 'BBS/2026/000123',
        nip: '198609262015052001',
      },
    ])
  })

  it('refuses an incomplete course description', async () => {
    await expect(all(siasnRows([certificate], { ...course, organiser: '  ' }))).rejects.toBeInstanceOf(ZodError)
  })

  it('writes CSV with ISO dates', async () => {
    const bytes = await bytesOf(siasnCsv([toSiasnRow(certificate, course)], { delimiter: ';' }))
    const records = parse(bytes, { bom: true, delimiter: ';' }) as string[][]
    expect(records).toEqual([
      SIASN_COLUMNS.map((c) => c.header),
      [
        course.courseName,
        'Pelatihan Teknis',
        course.organiser,
        '2026-12-20',
        '2027-01-01',
        '2027',
        '2',
        'BBS/2026/000123',
        '198609262015052001',
      ],
    ])
  })

  it('adds "Status identitas" last only when asked to', async () => {
    const rows = [toSiasnRow({ ...certificate, identityStatus: 'claimed' }, course), toSiasnRow({ ...certificate, identityStatus: 'verified' }, course)]
    const withIdentity = parse(await bytesOf(siasnCsv(rows, { delimiter: ';', withIdentity: true })), { bom: true, delimiter: ';' }) as string[][]
    expect(withIdentity[0]).toEqual([...SIASN_COLUMNS.map((c) => c.header), 'Status identitas'])
    expect(withIdentity.slice(1).map((row) => row.at(-1))).toEqual(['Belum diverifikasi', 'Terverifikasi'])
    const plain = parse(await bytesOf(siasnCsv(rows, { delimiter: ';' })), { bom: true, delimiter: ';' }) as string[][]
    expect(plain[0]).toEqual(SIASN_COLUMNS.map((c) => c.header))
  })

  it('writes XLSX with typed cells, sheet "SIASN"', async () => {
    const chunks: Buffer[] = []
    const out = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk)
        callback()
      },
    })
    await siasnXlsx([toSiasnRow(certificate, course)], out)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('SIASN')!
    const row = sheet.getRow(2)
    expect((row.getCell(4).value as Date).toISOString()).toBe('2026-12-20T00:00:00.000Z')
    expect((row.getCell(5).value as Date).toISOString()).toBe('2027-01-01T00:00:00.000Z')
    expect(row.getCell(6).value).toBe(2027)
    expect(row.getCell(7).value).toBe(2)
    expect(row.getCell(9).value).toBe('198609262015052001')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:I1')
  })
})

describe('certificatePdfFileName', () => {
  it('is <NIP>_<number with dashes>.pdf', () => {
    expect(certificatePdfFileName('198609262015052001', 'BBS/2026/000123')).toBe('198609262015052001_BBS-2026-000123.pdf')
  })

  it('is safe on every file system whatever it is given', () => {
    expect(certificatePdfFileName(' 1986 0926/..\\x ', '../BBS/2026/000123')).toBe('1986-0926-x_BBS-2026-000123.pdf')
    expect(certificatePdfFileName(null, 'BBS/2026/000001')).toBe('tanpa-NIP_BBS-2026-000001.pdf')
    expect(certificatePdfFileName('', '///')).toBe('tanpa-NIP_sertifikat.pdf')
    for (const name of [certificatePdfFileName('a:b*c?"<>|', 'é/ü'), certificatePdfFileName('..', '..')]) {
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*\.pdf$/)
    }
  })
})

describe('certificatePdfEntries', () => {
  it('names entries by NIP and number and loads PDFs only when asked', async () => {
    const loaded: string[] = []
    const entries = await all(
      certificatePdfEntries(
        [certificate, { ...certificate, nip: null, certificateNumber: 'BBS/2026/000124' }],
        async (c) => {
          loaded.push(c.certificateNumber)
          return new Uint8Array([1, 2, 3])
        },
        { folder: 'sertifikat/' },
      ),
    )
    expect(entries.map((e) => e.name)).toEqual([
      'sertifikat/198609262015052001_BBS-2026-000123.pdf',
      'sertifikat/tanpa-NIP_BBS-2026-000124.pdf',
    ])
    expect(loaded).toEqual([])
    const first = entries[0]!.data
    expect(typeof first).toBe('function')
    if (typeof first === 'function') expect([...(await first())]).toEqual([1, 2, 3])
    expect(loaded).toEqual(['BBS/2026/000123'])
  })
})

describe('the SIASN course from the settings', () => {
  it('takes the organiser from the organiserName setting, not the signer', async () => {
    const { siasnCourseFromSettings } = await import('./siasn')
    const settings = { courseTitle: 'Bijak Bermedia Sosial bagi ASN', organiserName: 'BKPSDM Kota Demo Raya', signerTitle: 'Kepala BKPSDM' }
    expect(siasnCourseFromSettings(settings)).toEqual({ courseName: 'Bijak Bermedia Sosial bagi ASN', courseType: 'Pelatihan Teknis', organiser: 'BKPSDM Kota Demo Raya' })
  })
})
