import { describe, expect, it } from 'vitest'
import { describeChart, MAX_ROWS_READ_OUT, type ChartSeries } from './stacked-bar-chart'

const SERIES: ChartSeries[] = [
  { key: 'lulus', label: 'Lulus', color: '#000', pattern: 'solid', ink: '#fff' },
  { key: 'sedang', label: 'Sedang belajar', color: '#000', pattern: 'stripes', ink: '#fff' },
]

describe('describeChart', () => {
  it('reads a short chart out row by row', () => {
    const label = describeChart('Status per kelompok', SERIES, [
      { label: 'Orientasi 2026', values: [4, 6] },
      { label: 'Penyegaran 2026', values: [1500, 500] },
    ])
    expect(label).toBe('Status per kelompok. Orientasi 2026, 10 orang: Lulus 4 (40%), Sedang belajar 6 (60%); Penyegaran 2026, 2.000 orang: Lulus 1.500 (75%), Sedang belajar 500 (25%).')
  })

  it('labels a long chart with its totals and points to the table', () => {
    const rows = Array.from({ length: 48 }, (_, i) => ({ label: `Unit ${i + 1} dengan nama yang panjang`, values: [i, 100 - i] }))
    const label = describeChart('Status per unit kerja', SERIES, rows)
    // 0+1+…+47 = 1.128 passed of 4.800 people.
    expect(label).toBe('Status per unit kerja. 48 baris, 4.800 orang: Lulus 1.128 (24%), Sedang belajar 3.672 (77%). Angka tiap baris ada di tabel berikutnya.')
    expect(label).not.toContain('Unit 1 ')
  })

  it('reads exactly MAX_ROWS_READ_OUT rows out, one more is summarised', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `U${i}`, values: [1, 1] }))
    expect(describeChart('T', SERIES, rows(MAX_ROWS_READ_OUT))).toContain(`U${MAX_ROWS_READ_OUT - 1}, 2 orang`)
    expect(describeChart('T', SERIES, rows(MAX_ROWS_READ_OUT + 1))).toMatch(/^T\. 7 baris, 14 orang: Lulus 7 \(50%\)/)
  })

  it('says when there is nothing to draw', () => {
    expect(describeChart('T', SERIES, [])).toBe('T. Belum ada data.')
  })
})
