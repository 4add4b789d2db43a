import { describe, expect, it } from 'vitest'
import type { RawRow } from './read-roster'
import { NIP_STORED_AS_NUMBER } from './read-roster'
import { TODAY } from './test-helpers'
import { looksLikeFormula, parseEmploymentType, validateRosterRow } from './validate-roster'

const PNS = '198609262015051001'
const PPPK = '199003122023211001'

function raw(cells: Partial<RawRow['cells']>, extra: Partial<RawRow> = {}): RawRow {
  return {
    rowNumber: 7,
    cells: { nip: PNS, name: 'Ani', email: 'Ani@Contoh.go.id', employmentType: 'PNS', unit: 'Bagian Umum', ...cells },
    cellProblems: {},
    rowProblems: [],
    ...extra,
  }
}

const validate = (row: RawRow) => validateRosterRow(row, { today: TODAY })

describe('validateRosterRow', () => {
  it('accepts a valid row, lower-cases the email and keeps the name with titles as typed', () => {
    const name = "Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si."
    expect(validate(raw({ name }))).toEqual({
      ok: true,
      row: { rowNumber: 7, nip: PNS, name, email: 'ani@contoh.go.id', employmentType: 'PNS', unitName: 'Bagian Umum' },
    })
  })

  it.each([
    ['PNS', 'PNS'],
    ['cpns', 'CPNS'],
    ['Pppk', 'PPPK'],
    ['p3k', 'PPPK'],
    [' P3K ', 'PPPK'],
    ['honorer', null],
    ['', null],
  ])('reads employment type %j as %j', (text, type) => {
    expect(parseEmploymentType(text)).toBe(type)
  })

  it('checks an NI PPPK with the PPPK rules and labels it', () => {
    expect(validate(raw({ nip: PPPK, employmentType: 'P3K' }))).toMatchObject({ ok: true, row: { employmentType: 'PPPK' } })
    expect(validate(raw({ nip: PPPK, employmentType: 'PNS' }))).toMatchObject({
      ok: false,
      reasons: ['NIP tidak valid: Digit 13–14 NIP harus bulan mulai CPNS (01–12).'],
    })
    expect(validate(raw({ nip: '19900312202321900', employmentType: 'PPPK' }))).toMatchObject({
      ok: false,
      reasons: ['NI PPPK tidak valid: NI PPPK harus 18 digit; yang Anda ketik 17 digit.'],
    })
    // issue 11: the gender digit of an NI PPPK is checked too (3 was accepted)
    expect(validate(raw({ nip: '199103152023213004', employmentType: 'PPPK' }))).toMatchObject({
      ok: false,
      reasons: ['NI PPPK tidak valid: Digit ke-15 NI PPPK harus 1 (laki-laki) atau 2 (perempuan).'],
    })
  })

  it('never squeezes spaces out of a NIP', () => {
    expect(validate(raw({ nip: '19860926 201505 1 001' }))).toMatchObject({
      ok: false,
      reasons: ['NIP tidak valid: Tulis NIP tanpa spasi: 18 angka berturut-turut.'],
    })
  })

  it('explains a NIP that Excel turned into a number', () => {
    for (const nip of ['1.98609E+17', '1,98609262015051E+17']) {
      expect(validate(raw({ nip }))).toMatchObject({ ok: false, reasons: [NIP_STORED_AS_NUMBER] })
    }
    expect(validate(raw({ nip: '198609262015051000' }, { cellProblems: { nip: NIP_STORED_AS_NUMBER } }))).toMatchObject({
      ok: false,
      reasons: [NIP_STORED_AS_NUMBER],
    })
  })

  it('refuses formula-looking cells without evaluating them', () => {
    expect(looksLikeFormula('=HYPERLINK("http://x")')).toBe(true)
    expect(looksLikeFormula('@SUM(A1)')).toBe(true)
    expect(looksLikeFormula("O'Brien")).toBe(false)
    const result = validate(raw({ name: '=CONCAT("A";"B")', email: '+62@contoh.go.id', unit: '-Bagian', employmentType: '@PNS' }))
    expect(result).toMatchObject({
      ok: false,
      reasons: [
        'Nama lengkap: sel berisi rumus (diawali =, +, - atau @); isi dengan teks biasa.',
        'Email: sel berisi rumus (diawali =, +, - atau @); isi dengan teks biasa.',
        'Jenis kepegawaian: sel berisi rumus (diawali =, +, - atau @); isi dengan teks biasa.',
        'Unit kerja: sel berisi rumus (diawali =, +, - atau @); isi dengan teks biasa.',
      ],
    })
  })

  it('collects every reason of a bad row and keeps its NIP and email for duplicate checks', () => {
    const result = validate(raw({ nip: '12345', name: '', email: 'bukan-email', employmentType: 'honorer', unit: '' }, { rowProblems: ['Baris ini berisi lebih banyak kolom.'] }))
    expect(result).toEqual({
      ok: false,
      rowNumber: 7,
      nip: '12345',
      email: 'bukan-email',
      reasons: [
        'Baris ini berisi lebih banyak kolom.',
        'Jenis kepegawaian tidak dikenal: "honorer"; isi PNS, CPNS, PPPK atau P3K.',
        'NIP tidak valid: NIP harus 18 digit; yang Anda ketik 5 digit.',
        'Nama lengkap wajib diisi.',
        'Format email tidak valid (contoh: nama@instansi.go.id).',
        'Unit kerja wajib diisi.',
      ],
    })
  })

  it('with an unknown employment type, only calls a NIP invalid if no type accepts it', () => {
    const result = validate(raw({ nip: PPPK, employmentType: '' }))
    expect(result).toMatchObject({ ok: false, reasons: ['Jenis kepegawaian wajib diisi: PNS, CPNS, PPPK atau P3K.'] })
  })
})
