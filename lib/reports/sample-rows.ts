/**
 * Synthetic completion rows for tests and benchmarks: realistic names (titles, apostrophes,
 * Balinese and Bugis names), every status, nulls where a learner has not got that far.
 */

import type { CompletionRow, CompletionStatus } from './completion-report'

export const SAMPLE_NAMES = [
  'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.',
  "Muh. Ma'ruf O'Neil, S.H.",
  'Andi Besse Tenri Awaru Daeng Matasa, S.Sos., M.A.P.',
  'Siti Rahayu',
  'H. Ahmad Fauzi, S.Ag., M.Pd.I.',
  'Yohanes Kristianto Wibowo, A.Md.',
] as const

const UNITS = ['Biro Umum', 'Bagian Hubungan Masyarakat', 'Dinas Komunikasi dan Informatika; Bidang TIK', null] as const
const STATUSES: readonly CompletionStatus[] = ['belum-mulai', 'sedang', 'lulus', 'terlambat']
const DAY_MS = 24 * 60 * 60 * 1000

/** A deterministic 18-digit NIP for row `k`. */
export function sampleNip(k: number): string {
  const year = 1965 + (k % 35)
  const month = String(1 + (k % 12)).padStart(2, '0')
  const day = String(1 + (k % 28)).padStart(2, '0')
  const gender = 1 + (k % 2)
  return `${year}${month}${day}2015${month}${gender}${String(1 + (k % 999)).padStart(3, '0')}`
}

/** Row `k` of a synthetic cohort. */
export function sampleCompletionRow(k: number): CompletionRow {
  const status = STATUSES[k % STATUSES.length]!
  const passed = status === 'lulus'
  const started = status !== 'belum-mulai'
  const completedAt = passed ? new Date(Date.UTC(2026, 2, 1) + (k % 90) * DAY_MS + 3 * 60 * 60 * 1000) : null
  return {
    nip: sampleNip(k),
    name: SAMPLE_NAMES[k % SAMPLE_NAMES.length]!,
    employmentType: k % 5 === 0 ? 'PPPK' : k % 7 === 0 ? 'CPNS' : 'PNS',
    identityStatus: k % 10 === 3 ? 'claimed' : 'verified',
    agencyName: 'Pemerintah Provinsi Sulawesi Selatan',
    unitName: UNITS[k % UNITS.length]!,
    cohortName: 'Penyegaran 2026',
    dueDate: new Date('2026-06-30T16:59:59Z'),
    status,
    lessonsDone: passed ? 8 : started ? k % 8 : 0,
    lessonsTotal: 8,
    activeSeconds: passed ? 2400 + (k % 600) : started ? (k % 8) * 240 : 0,
    preTestScore: started ? 40 + (k % 50) : null,
    bestPostTestScore: passed ? 80 + (k % 21) : started && k % 3 === 0 ? 60 + (k % 20) + 0.5 : null,
    attempts: passed ? 1 + (k % 3) : started ? k % 2 : 0,
    completedAt,
    certificateNumber: passed ? `BBS/2026/${String((k % 999_999) + 1).padStart(6, '0')}` : null,
    validUntil: completedAt ? new Date(completedAt.getTime() + 365 * DAY_MS) : null,
    jp: passed ? 2 : null,
  }
}

/** `count` synthetic rows, produced one at a time as an async generator (like a DB cursor). */
export async function* sampleCompletionRows(count: number, onPull?: (k: number) => void): AsyncGenerator<CompletionRow> {
  for (let k = 0; k < count; k++) {
    onPull?.(k)
    yield sampleCompletionRow(k)
  }
}
