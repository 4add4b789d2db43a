import { describe, expect, it } from 'vitest'
import { csvLine } from '@/lib/reports/csv'
import { itemStatistics, momentsOf } from './item-statistics'
import { bankStatisticsSearch, discriminationText, filterStatistics, ITEM_STATISTICS_COLUMNS, parseBankStatisticsQuery } from './item-statistics-report'
import { judgeItem, singleItem } from './test-fixtures'

const pairs = (n: number, correct: number) => Array.from({ length: n }, (_, i) => ({ x: i < correct ? 1 : 0, y: i < correct ? 9 + (i % 3) : 3 + (i % 3) }))
const easy = itemStatistics(singleItem('mudah-sekali', ['a1'], [1, 0, 0, 0], 3), 'A', momentsOf(pairs(40, 39)), [{ response: '{"optionId":"a"}', count: 39 }, { response: '{"optionId":"b"}', count: 1 }])
const fine = itemStatistics(judgeItem('cukup', ['b1'], 'tidak', 0, 3, 2), 'B', momentsOf(pairs(40, 26)), [])
const fresh = itemStatistics(singleItem('baru', ['a2']), 'A', undefined, [])

describe('query', () => {
  it('reads the filters and falls back to no filter on anything malformed', () => {
    expect(parseBankStatisticsQuery(new URLSearchParams('uji=awal&tanda=terlalu-mudah&area=A'))).toEqual({ uji: 'awal', tanda: 'terlalu-mudah', area: 'A' })
    expect(parseBankStatisticsQuery({ tanda: '', area: 'semua' })).toEqual({ uji: 'akhir' })
    expect(parseBankStatisticsQuery({ tanda: 'drop table' })).toEqual({ uji: 'akhir' })
    expect(parseBankStatisticsQuery({ area: ['B', 'C'] })).toEqual({ uji: 'akhir', area: 'B' })
    expect(bankStatisticsSearch({ uji: 'akhir', area: 'B' })).toBe('uji=akhir&area=B')
  })

  it('filters by flag and by area', () => {
    const all = [easy, fine, fresh]
    expect(filterStatistics(all, {}).map((s) => s.itemId)).toEqual(['mudah-sekali', 'cukup', 'baru'])
    expect(filterStatistics(all, { tanda: 'terlalu-mudah' }).map((s) => s.itemId)).toEqual(['mudah-sekali'])
    expect(filterStatistics(all, { area: 'A' }).map((s) => s.itemId)).toEqual(['mudah-sekali', 'baru'])
    expect(filterStatistics(all, { area: 'A', tanda: 'belum-cukup-data' }).map((s) => s.itemId)).toEqual(['baru'])
  })
})

describe('CSV columns', () => {
  it('write the table\'s figures, with decimal commas in the spreadsheet variant', () => {
    expect(ITEM_STATISTICS_COLUMNS.map((c) => c.header)).toEqual(['ID soal', 'Area', 'Jenis', 'Label kesulitan (bank)', 'Jawaban', 'Proporsi benar', 'Daya beda', 'Tanda'])
    expect(csvLine(easy, ITEM_STATISTICS_COLUMNS, { delimiter: ';', spreadsheet: true })).toBe(
      `mudah-sekali;A;pilihan tunggal;3 sulit;40;0,975;${String(Math.round(easy.discrimination! * 1000) / 1000).replace('.', ',')};terlalu mudah; pengecoh jarang dipilih; label perlu ditinjau (terukur: mudah)`.replace(
        'terlalu mudah; pengecoh jarang dipilih; label perlu ditinjau (terukur: mudah)',
        '"terlalu mudah; pengecoh jarang dipilih; label perlu ditinjau (terukur: mudah)"',
      ),
    )
    expect(csvLine(fresh, ITEM_STATISTICS_COLUMNS, ',')).toBe('baru,A,pilihan tunggal,1 mudah,0,,,belum cukup data')
  })

  it('says why a discrimination is missing', () => {
    expect(discriminationText(fresh)).toBe('–')
    const constant = itemStatistics(singleItem('tetap', ['a1']), 'A', momentsOf(pairs(40, 40)), [])
    expect(discriminationText(constant)).toBe('tak terdefinisi')
    expect(discriminationText(fine)).toMatch(/^0,\d\d$/)
  })
})
