import { describe, expect, it } from 'vitest'
import { ENROLMENT_STATUS_LABELS, ENROLMENT_STATUSES } from '@/lib/vocabulary/statuses'
import { sampleCompletionRow } from './sample-rows'
import { COMPLETION_COLUMNS } from './completion-report'
import { SIASN_COLUMNS_WITH_IDENTITY } from './siasn'

describe('the completion report speaks like the HR pages', () => {
  const headers = COMPLETION_COLUMNS.map((column) => column.header)

  it('names the tests "uji awal" and "uji akhir" and the cohort "Kelompok", as on screen', () => {
    expect(headers).toEqual(expect.arrayContaining(['Kelompok', 'Nilai uji awal', 'Nilai terbaik uji akhir', 'Percobaan uji akhir']))
    for (const header of [...headers, ...SIASN_COLUMNS_WITH_IDENTITY.map((column) => column.header)]) {
      expect(header).not.toMatch(/pre-?test|post-?test|angkatan/i)
    }
  })

  it('writes the statuses with the labels of the HR pages', () => {
    const status = COMPLETION_COLUMNS.find((column) => column.key === 'status')!
    for (const value of ENROLMENT_STATUSES) {
      expect(status.value({ ...sampleCompletionRow(1), status: value })).toBe(ENROLMENT_STATUS_LABELS[value])
    }
  })

  it('marks the NIP, and only the NIP, as a digit code that spreadsheets must keep as text', () => {
    const digitColumns = [...COMPLETION_COLUMNS, ...SIASN_COLUMNS_WITH_IDENTITY].filter((column) => column.kind === 'text' && column.digitsAsText)
    expect(digitColumns.map((column) => column.header)).toEqual(['NIP', 'NIP'])
  })
})
