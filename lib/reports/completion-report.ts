/**
 * The completion report HR officers download for a cohort: one row per learner assigned to
 * it, with progress, scores and certificate. Columns and labels are in Bahasa Indonesia.
 */

import type { EmploymentType } from '@/lib/vocabulary/employment-types'
import { identityStatusLabel, PERSON_STATUS_LABELS, type EnrolmentStatus, type IdentityStatus, type PersonStatus } from '@/lib/vocabulary/statuses'
import type { ColumnDef } from './columns'

/** An enrolment's status: the enrolment status rule's (lib/hr/enrolment-status.ts). */
export type CompletionStatus = EnrolmentStatus

export interface CompletionRow {
  /** NIP or NI PPPK, 18 digits; always text, never a number (it would lose digits). */
  nip: string
  /** Full name exactly as registered, titles included. */
  name: string
  employmentType: EmploymentType | null
  /** Whose NIP is it: claimed people count in every report, flagged (decisions.md). */
  identityStatus: IdentityStatus
  agencyName: string
  unitName: string | null
  /** The cohort's name as HR named it (the same text as on the HR pages, column "Kelompok"). */
  cohortName: string
  dueDate: Date | null
  /** An enrolment's status; on the people list also "belum ditugaskan" (a person in no cohort). */
  status: PersonStatus
  lessonsDone: number
  lessonsTotal: number
  /** Time on task over the current lessons, in seconds (server-recorded active reading time). */
  activeSeconds: number
  /** 0–100. */
  preTestScore: number | null
  /** 0–100. */
  bestPostTestScore: number | null
  /** Post-test attempts submitted. */
  attempts: number
  completedAt: Date | null
  certificateNumber: string | null
  validUntil: Date | null
  jp: number | null
}

/**
 * Columns of the completion report, in file order. Headers use the words of the HR pages
 * ("Kelompok", "uji awal", "uji akhir"), so a file and a screen name a thing the same way.
 */
export const COMPLETION_COLUMNS: readonly ColumnDef<CompletionRow>[] = [
  { key: 'nip', header: 'NIP', kind: 'text', width: 21, digitsAsText: true, value: (r) => r.nip },
  { key: 'name', header: 'Nama Lengkap', kind: 'text', width: 40, value: (r) => r.name },
  { key: 'employmentType', header: 'Jenis Kepegawaian', kind: 'text', width: 18, value: (r) => r.employmentType },
  { key: 'identityStatus', header: 'Status identitas', kind: 'text', width: 20, value: (r) => identityStatusLabel(r.identityStatus) },
  { key: 'agencyName', header: 'Instansi', kind: 'text', width: 32, value: (r) => r.agencyName },
  { key: 'unitName', header: 'Unit Kerja', kind: 'text', width: 32, value: (r) => r.unitName },
  { key: 'cohortName', header: 'Kelompok', kind: 'text', width: 28, value: (r) => r.cohortName },
  { key: 'dueDate', header: 'Batas Waktu', kind: 'date', width: 13, value: (r) => r.dueDate },
  { key: 'status', header: 'Status', kind: 'text', width: 15, value: (r) => PERSON_STATUS_LABELS[r.status] },
  { key: 'lessonsDone', header: 'Materi Selesai', kind: 'number', width: 14, value: (r) => r.lessonsDone },
  { key: 'lessonsTotal', header: 'Jumlah Materi', kind: 'number', width: 14, value: (r) => r.lessonsTotal },
  { key: 'activeMinutes', header: 'Waktu belajar (menit)', kind: 'number', width: 21, numFmt: '0', value: (r) => activeMinutes(r.activeSeconds) },
  { key: 'preTestScore', header: 'Nilai uji awal', kind: 'number', width: 14, display: 'score', value: (r) => r.preTestScore },
  {
    key: 'bestPostTestScore',
    header: 'Nilai terbaik uji akhir',
    kind: 'number',
    width: 22,
    display: 'score',
    value: (r) => r.bestPostTestScore,
  },
  { key: 'attempts', header: 'Percobaan uji akhir', kind: 'number', width: 17, value: (r) => r.attempts },
  { key: 'completedAt', header: 'Tanggal Lulus', kind: 'date', width: 14, value: (r) => r.completedAt },
  { key: 'certificateNumber', header: 'Nomor Sertifikat', kind: 'text', width: 19, value: (r) => r.certificateNumber },
  { key: 'validUntil', header: 'Berlaku Sampai', kind: 'date', width: 15, value: (r) => r.validUntil },
  { key: 'jp', header: 'JP', kind: 'number', width: 6, value: (r) => r.jp },
]

/** Time on task as whole minutes (rounded), the unit HR reads in reports and on pages. */
export function activeMinutes(seconds: number): number {
  return Math.round(Math.max(0, seconds) / 60)
}
