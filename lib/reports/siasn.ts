/**
 * The SIASN-ready export: one row per issued certificate with what an agency records as course
 * history in SIASN (the national civil-service information system) — course name, course type,
 * organiser, start and end date, year, hours (JP), certificate number, NIP — as CSV or XLSX,
 * plus a ZIP of the certificate PDFs named by NIP and certificate number.
 */

import type { Readable, Writable } from 'node:stream'
import { z } from 'zod'
import { identityStatusLabel, type IdentityStatus } from '@/lib/identity/identity-status'
import { yearWib } from '@/lib/format/indonesian'
import type { ColumnDef } from './columns'
import { csvStream, type CsvOptions } from './csv'
import { writeXlsx } from './xlsx'
import type { ZipEntry } from './zip'

/** The course as it is recorded in SIASN; the same for every row of one export. */
export interface SiasnCourse {
  /** Nama Pelatihan, e.g. "Bijak Bermedia Sosial bagi ASN". */
  courseName: string
  /** Jenis Pelatihan as the agency records it, e.g. "Pelatihan Teknis" or "Seminar". */
  courseType: string
  /** Penyelenggara, e.g. the organising agency. */
  organiser: string
}

export const siasnCourseSchema = z.object({
  courseName: z.string().trim().min(1, 'Nama pelatihan wajib diisi.').max(200),
  courseType: z.string().trim().min(1, 'Jenis pelatihan wajib diisi.').max(100),
  organiser: z.string().trim().min(1, 'Penyelenggara wajib diisi.').max(200),
})

/** SIASN's "Jenis Pelatihan" for this course. */
export const SIASN_COURSE_TYPE = 'Pelatihan Teknis'

/**
 * The course as SIASN records it, from the course settings: the course title as its name, the
 * `organiserName` setting as organiser (not the certificate's signer).
 */
export function siasnCourseFromSettings(settings: { courseTitle: string; organiserName: string }): SiasnCourse {
  return { courseName: settings.courseTitle, courseType: SIASN_COURSE_TYPE, organiser: settings.organiserName }
}

/** An issued certificate, as the export needs it. */
export interface SiasnCertificate {
  nip: string
  certificateNumber: string
  /** When the learner started the course (enrolment start or first lesson). */
  startedAt: Date
  /** When the course was completed (the certificate's completion date). */
  completedAt: Date
  jp: number
  /** Whose NIP is it; shown only when HR asked for unverified identities too. */
  identityStatus?: IdentityStatus
}

export interface SiasnRow {
  courseName: string
  courseType: string
  organiser: string
  startDate: Date
  endDate: Date
  /** Calendar year (WIB) of the end date. */
  year: number
  jp: number
  certificateNumber: string
  nip: string
  identityStatus?: IdentityStatus
}

export const SIASN_COLUMNS: readonly ColumnDef<SiasnRow>[] = [
  { key: 'courseName', header: 'Nama Pelatihan', kind: 'text', width: 40, value: (r) => r.courseName },
  { key: 'courseType', header: 'Jenis Pelatihan', kind: 'text', width: 20, value: (r) => r.courseType },
  { key: 'organiser', header: 'Penyelenggara', kind: 'text', width: 36, value: (r) => r.organiser },
  { key: 'startDate', header: 'Tanggal Mulai', kind: 'date', width: 14, value: (r) => r.startDate },
  { key: 'endDate', header: 'Tanggal Selesai', kind: 'date', width: 15, value: (r) => r.endDate },
  { key: 'year', header: 'Tahun', kind: 'number', width: 8, numFmt: '0', value: (r) => r.year },
  { key: 'jp', header: 'Jumlah Jam (JP)', kind: 'number', width: 15, value: (r) => r.jp },
  { key: 'certificateNumber', header: 'Nomor Sertifikat', kind: 'text', width: 19, value: (r) => r.certificateNumber },
  { key: 'nip', header: 'NIP', kind: 'text', width: 21, digitsAsText: true, value: (r) => r.nip },
]

/**
 * The columns when HR asked for unverified identities too: the same, and "Status identitas" last
 * so that a row of an unverified NIP is never mistaken for a verified one.
 */
export const SIASN_COLUMNS_WITH_IDENTITY: readonly ColumnDef<SiasnRow>[] = [
  ...SIASN_COLUMNS,
  { key: 'identityStatus', header: 'Status identitas', kind: 'text', width: 20, value: (r) => identityStatusLabel(r.identityStatus) },
]

export type SiasnExportOptions = { withIdentity?: boolean }

/** One SIASN row for a certificate of `course`. */
export function toSiasnRow(certificate: SiasnCertificate, course: SiasnCourse): SiasnRow {
  return {
    courseName: course.courseName.trim(),
    courseType: course.courseType.trim(),
    organiser: course.organiser.trim(),
    startDate: certificate.startedAt,
    endDate: certificate.completedAt,
    year: yearWib(certificate.completedAt),
    jp: certificate.jp,
    certificateNumber: certificate.certificateNumber,
    nip: certificate.nip,
    ...(certificate.identityStatus ? { identityStatus: certificate.identityStatus } : {}),
  }
}

/** SIASN rows for a stream of certificates (lazy). Throws a ZodError for an incomplete course. */
export async function* siasnRows(
  certificates: AsyncIterable<SiasnCertificate> | Iterable<SiasnCertificate>,
  course: SiasnCourse,
): AsyncGenerator<SiasnRow> {
  const checked = siasnCourseSchema.parse(course)
  for await (const certificate of certificates) yield toSiasnRow(certificate, checked)
}

/**
 * The SIASN export as CSV (same format as the completion CSV): plain for the SIASN upload, or
 * `spreadsheet: true` for a person who opens it in Excel/LibreOffice.
 */
export function siasnCsv(rows: AsyncIterable<SiasnRow> | Iterable<SiasnRow>, options: CsvOptions & SiasnExportOptions): Readable {
  const { withIdentity, ...csv } = options
  return csvStream(rows, withIdentity ? SIASN_COLUMNS_WITH_IDENTITY : SIASN_COLUMNS, csv)
}

/** The SIASN export as XLSX, sheet "SIASN". */
export function siasnXlsx(rows: AsyncIterable<SiasnRow> | Iterable<SiasnRow>, output: Writable, options: SiasnExportOptions = {}): Promise<void> {
  return writeXlsx(rows, options.withIdentity ? SIASN_COLUMNS_WITH_IDENTITY : SIASN_COLUMNS, output, { sheetName: 'SIASN' })
}

function fileNamePart(value: string): string {
  return value
    .trim()
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * The PDF's file name in ZIPs: `<NIP>_<certificate number>.pdf` with the number's slashes as
 * dashes, e.g. `198609262015052001_BBS-2026-000123.pdf`. Any run of characters other than
 * ASCII letters, digits and `-` becomes one `-`, so the name is safe on every file system; a missing NIP is written
 * `tanpa-NIP`.
 */
export function certificatePdfFileName(nip: string | null | undefined, certificateNumber: string): string {
  const nipPart = fileNamePart(nip ?? '') || 'tanpa-NIP'
  const numberPart = fileNamePart(certificateNumber) || 'sertifikat'
  return `${nipPart}_${numberPart}.pdf`
}

/**
 * ZIP entries for certificate PDFs, loaded lazily by `loadPdf` when the ZIP writer reaches
 * each one (pass the result to `streamZip`). Used for the SIASN attachment ZIP and the bulk
 * certificate download alike.
 */
export async function* certificatePdfEntries<C extends { nip: string | null; certificateNumber: string }>(
  certificates: AsyncIterable<C> | Iterable<C>,
  loadPdf: (certificate: C) => Promise<Uint8Array>,
  options: { folder?: string } = {},
): AsyncGenerator<ZipEntry> {
  const prefix = options.folder ? `${options.folder.replace(/\/+$/, '')}/` : ''
  for await (const certificate of certificates) {
    yield {
      name: prefix + certificatePdfFileName(certificate.nip, certificate.certificateNumber),
      data: () => loadPdf(certificate),
    }
  }
}
