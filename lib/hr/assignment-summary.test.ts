import { describe, expect, it } from 'vitest'
import { assignmentPercent, assignmentStatusLabel, describeAssignmentCounts, isActiveAssignment, MAX_ASSIGNMENT_FAILURES, retryDelayMs } from './assignment-summary'

describe('assignment summary (decision 049)', () => {
  it('describes the result the way HR read it before, with Indonesian number formatting', () => {
    expect(describeAssignmentCounts({ added: 0, moved: 3, certified: 0, already: 0, unknownNips: [] })).toBe('0 ditambahkan; 3 dipindahkan dari kelompok lain')
    expect(describeAssignmentCounts({ added: 80_000, moved: 12, certified: 2, already: 1_500, unknownNips: [] })).toBe(
      '80.000 ditambahkan; 12 dipindahkan dari kelompok lain; 1.500 sudah ada di kelompok ini; 2 sudah bersertifikat untuk siklus ini (tidak diubah)',
    )
  })

  it('lists at most ten unknown NIPs and counts the rest', () => {
    const nips = Array.from({ length: 13 }, (_, i) => `1990010120150110${String(i).padStart(2, '0')}`)
    const text = describeAssignmentCounts({ added: 1, moved: 0, certified: 0, already: 0, unknownNips: nips })
    expect(text).toContain(nips[9])
    expect(text).not.toContain(nips[10])
    expect(text).toMatch(/dan 3 lainnya$/)
  })

  it('computes whole percents, never past 100, and an empty assignment as done', () => {
    expect(assignmentPercent(0, 80_000)).toBe(0)
    expect(assignmentPercent(12_000, 80_000)).toBe(15)
    expect(assignmentPercent(79_999, 80_000)).toBe(99)
    expect(assignmentPercent(90, 80)).toBe(100)
    expect(assignmentPercent(0, 0)).toBe(100)
  })

  it('knows which states are active and names them in Indonesian', () => {
    expect(isActiveAssignment('queued')).toBe(true)
    expect(isActiveAssignment('running')).toBe(true)
    expect(isActiveAssignment('done')).toBe(false)
    expect(isActiveAssignment('cancelled')).toBe(false)
    expect(assignmentStatusLabel('running')).toBe('Sedang berjalan')
    expect(assignmentStatusLabel('failed')).toBe('Gagal')
  })

  it('waits longer after each failure in a row, capped at ten minutes', () => {
    const delays = Array.from({ length: MAX_ASSIGNMENT_FAILURES + 3 }, (_, i) => retryDelayMs(i + 1))
    expect(delays[0]).toBe(5_000)
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!)
    expect(Math.max(...delays)).toBe(600_000)
  })
})
