import { describe, expect, it } from 'vitest'
import { type DecisionFlow, SEBELUM_UNGGAH } from './flow'
import { branchRuns, COLUMN_WIDTH, FONT_SIZES, layoutDecisionAidPage, type Measurers, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, wrapRuns } from './pdf-layout'

// A measurer where every character is 0.5 em wide (bold 0.55 em): enough to test the geometry.
const measure: Measurers = {
  regular: { widthOfTextAtSize: (text, size) => text.length * size * 0.5 },
  bold: { widthOfTextAtSize: (text, size) => text.length * size * 0.55 },
}
const input = { flow: SEBELUM_UNGGAH, courseName: 'Bijak Bermedia Sosial', sources: [{ title: 'Judul', publisher: 'Penerbit' }] }

describe('wrapRuns', () => {
  it('fills lines up to the width, keeps every word in order and merges words of one style', () => {
    const lines = wrapRuns(
      [
        { text: 'Tidak →', style: 'bold', tone: 'primary' },
        { text: 'satu dua tiga empat lima enam tujuh delapan', style: 'regular', tone: 'text' },
      ],
      64,
      10,
      measure,
    )
    expect(lines.map((line) => line.runs.map((run) => run.text).join(' '))).toEqual(['Tidak → satu', 'dua tiga', 'empat lima', 'enam tujuh', 'delapan'])
    for (const line of lines) {
      const last = line.runs.at(-1)!
      expect(last.dx + measure[last.style].widthOfTextAtSize(last.text, 10)).toBeLessThanOrEqual(64)
    }
    expect(lines[0]!.runs.map((run) => run.style)).toEqual(['bold', 'regular'])
  })
})

describe('branchRuns', () => {
  it('says where a "Ya" goes next, and prints an outcome with its label', () => {
    expect(branchRuns(SEBELUM_UNGGAH, 'Ya', 'benar').map((run) => run.text)).toEqual(['Ya →', 'lanjut ke 3'])
    const outcome = branchRuns(SEBELUM_UNGGAH, 'Tidak', 'tahan-sumber')
    expect(outcome[1]).toMatchObject({ text: 'JANGAN UNGGAH.', tone: 'jangan-unggah', style: 'bold' })
  })
})

describe('layoutDecisionAidPage', () => {
  it('keeps everything inside the A4 margins, the questions in two columns, in order', () => {
    const page = layoutDecisionAidPage(input, measure)
    expect(page.fits).toBe(true)
    for (const run of page.runs) {
      expect(run.x).toBeGreaterThanOrEqual(MARGIN)
      expect(run.x + measure[run.style].widthOfTextAtSize(run.text, run.size)).toBeLessThanOrEqual(PAGE_WIDTH - MARGIN + 0.01)
      expect(run.y).toBeGreaterThanOrEqual(MARGIN)
      expect(run.y).toBeLessThanOrEqual(PAGE_HEIGHT - MARGIN)
    }
    const numbers = page.runs.filter((run) => /^\d+$/.test(run.text))
    expect(numbers.map((run) => run.text)).toEqual(SEBELUM_UNGGAH.questions.map((_, i) => String(i + 1)))
    expect(new Set(numbers.map((run) => run.x)).size).toBe(2)
    expect(numbers.some((run) => run.x > MARGIN + COLUMN_WIDTH)).toBe(true)
  })

  it('shrinks the type for a longer flow, and says when even the smallest size does not fit', () => {
    const longer = (times: number): DecisionFlow => ({
      ...SEBELUM_UNGGAH,
      questions: SEBELUM_UNGGAH.questions.map((q) => ({ ...q, text: Array(times).fill(q.text).join(' ') })),
    })
    const normal = layoutDecisionAidPage(input, measure)
    const bigger = layoutDecisionAidPage({ ...input, flow: longer(2) }, measure)
    expect(bigger.bodySize).toBeLessThan(normal.bodySize)
    const huge = layoutDecisionAidPage({ ...input, flow: longer(12) }, measure)
    expect(huge.bodySize).toBe(FONT_SIZES.body.min)
    expect(huge.fits).toBe(false)
  })
})
