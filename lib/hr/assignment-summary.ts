import { formatNumber } from '@/lib/format/indonesian'

/**
 * What HR reads about an assignment (decision 049): its state in words and its result, the same
 * on the cohort page, in the progress polling and in the audit log's details.
 */
export type AssignmentStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'
export type AssignmentTarget = 'semua' | 'tanpa-kelompok' | 'unit' | 'nip'

export type AssignmentCounts = { added: number; moved: number; certified: number; already: number; unknownNips: readonly string[] }

export const ACTIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['queued', 'running']

export function isActiveAssignment(status: string): boolean {
  return (ACTIVE_ASSIGNMENT_STATUSES as readonly string[]).includes(status)
}

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  queued: 'Menunggu giliran',
  running: 'Sedang berjalan',
  done: 'Selesai',
  failed: 'Gagal',
  cancelled: 'Dihentikan',
}

export const ASSIGNMENT_TARGET_LABELS: Record<AssignmentTarget, string> = {
  semua: 'Semua pegawai',
  'tanpa-kelompok': 'Pegawai tanpa kelompok',
  unit: 'Satu unit kerja',
  nip: 'Daftar NIP',
}

export function assignmentStatusLabel(status: string): string {
  return ASSIGNMENT_STATUS_LABELS[status as AssignmentStatus] ?? status
}

export function assignmentTargetLabel(target: string): string {
  return ASSIGNMENT_TARGET_LABELS[target as AssignmentTarget] ?? target
}

/** "2.500 ditambahkan; 10 dipindahkan dari kelompok lain; …" (numbers in Indonesian style). */
export function describeAssignmentCounts(counts: AssignmentCounts): string {
  const number = formatNumber
  const parts = [`${number(counts.added)} ditambahkan`, `${number(counts.moved)} dipindahkan dari kelompok lain`]
  if (counts.already) parts.push(`${number(counts.already)} sudah ada di kelompok ini`)
  if (counts.certified) parts.push(`${number(counts.certified)} sudah bersertifikat untuk siklus ini (tidak diubah)`)
  if (counts.unknownNips.length) {
    const shown = counts.unknownNips.slice(0, 10).join(', ')
    const more = counts.unknownNips.length > 10 ? ` dan ${number(counts.unknownNips.length - 10)} lainnya` : ''
    parts.push(`NIP tidak ditemukan di instansi Anda: ${shown}${more}`)
  }
  return parts.join('; ')
}

/** Whole percent done, 0–100; an assignment of nobody is done at once. */
export function assignmentPercent(processed: number, total: number): number {
  if (total <= 0) return 100
  return Math.min(100, Math.floor((processed / total) * 100))
}

/**
 * The next try after a batch failed `failures` times in a row: 5 s, 20 s, 80 s … at most 10
 * minutes. The job fails for good after MAX_ASSIGNMENT_FAILURES.
 */
export function retryDelayMs(failures: number): number {
  return Math.min(10 * 60_000, 5_000 * 4 ** Math.max(0, failures - 1))
}

export const MAX_ASSIGNMENT_FAILURES = 5
