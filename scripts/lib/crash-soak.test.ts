import { describe, expect, it } from 'vitest'
import { formatCertificateNumber } from '../../lib/certificates/certificate-number'
import { lessonStateSchema, mergeLessonState } from '../../lib/progress/lesson-progress'
import { certificateNumberProblems, expectedLessonState, lostSaves, soakLessonState } from './crash-soak'

const acked = (...seqs: number[]) => seqs.map((seq) => ({ seq, acknowledged: true }))

describe('soak progress saves', () => {
  it('sends states the progress route accepts, however many saves are merged', () => {
    let state = soakLessonState(0)
    for (let seq = 1; seq < 200; seq++) state = mergeLessonState(state, soakLessonState(seq))
    expect(lessonStateSchema.safeParse(soakLessonState(7)).success).toBe(true)
    // The stored state must stay parseable too (parseStoredState resets an invalid one).
    expect(lessonStateSchema.safeParse(state).success).toBe(true)
  })

  it('finds every acknowledged save in the state they add up to', () => {
    const saves = acked(0, 1, 2, 13, 14, 40)
    expect(lostSaves(saves, expectedLessonState(saves))).toEqual([])
  })

  it('reports the saves a rolled-back row no longer shows', () => {
    const saves = acked(0, 1, 2, 3)
    // The row as it was after save 1: saves 2 and 3 were acknowledged, then lost.
    const stored = expectedLessonState(acked(0, 1))
    expect(lostSaves(saves, stored).map((save) => save.seq)).toEqual([2, 3])
    expect(lostSaves(saves, null).map((save) => save.seq)).toEqual([0, 1, 2, 3])
  })

  it('accepts an unanswered save that was stored after all, and one that was not', () => {
    const saves = [...acked(0, 1), { seq: 2, acknowledged: false }]
    expect(lostSaves(saves, expectedLessonState(acked(0, 1)))).toEqual([])
    expect(lostSaves(saves, expectedLessonState(acked(0, 1, 2)))).toEqual([])
  })
})

describe('certificate numbers', () => {
  const certificate = (year: number, sequence: number) => ({ year, sequence, number: formatCertificateNumber(year, sequence) })

  it('accepts 1..n per year with the counter at n', () => {
    const rows = [certificate(2026, 2), certificate(2026, 1), certificate(2027, 1)]
    expect(certificateNumberProblems(rows, [{ year: 2026, last: 2 }, { year: 2027, last: 1 }], formatCertificateNumber)).toEqual([])
  })

  it('reports gaps, duplicates, a wrong counter and a wrong number', () => {
    const rows = [certificate(2026, 1), certificate(2026, 3), certificate(2026, 3), { year: 2026, sequence: 4, number: 'BBS/2026/X' }]
    expect(certificateNumberProblems(rows, [{ year: 2026, last: 5 }], formatCertificateNumber)).toEqual([
      `number BBS/2026/X is not ${formatCertificateNumber(2026, 4)}`,
      '2026: duplicate sequences 3',
      '2026: gaps at 2',
      '2026: counter at 5, highest number 4',
    ])
  })
})
