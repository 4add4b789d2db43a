import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvText, HEADER, readAll } from './test-helpers'

const PNS = '198609262015051001'

// Names as HR types them: titles, apostrophes, commas, semicolons, quotes, letters with accents.
const namePart = fc.constantFrom(
  'Dr.', 'Ir.', 'Hj.', 'H.', 'Ni', 'Luh', 'Putu', 'Ayu', "Nur'aini", "O'Brien", 'Müller', 'Siti',
  'S.Kom.,', 'M.Si.', 'S.H.;', '"Anes"', 'Ño', 'Çelik', 'Yohanes', 'Wayan', 'Ṣāliḥ', 'A.Md.', ',', ';', '"',
)
const name = fc.array(namePart, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '))

describe('CSV round trip', () => {
  it('reads back any name, quoted as Excel quotes it, exactly — with either delimiter, line end and BOM', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(name, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        async (names, delimiter, newline, bom) => {
          const rows = names.map((n, i) => [PNS, n, `p${i}@contoh.go.id`, 'PNS', `Unit ${delimiter} ${i}`])
          const text = (bom ? '\uFEFF' : '') + csvText([HEADER, ...rows], delimiter, newline)
          const read = await readAll(text)
          expect(read.map((r) => r.cells.name)).toEqual(names.map((n) => n.trim()))
          expect(read.map((r) => r.cells.unit)).toEqual(rows.map((r) => r[4]))
          expect(read.map((r) => r.rowNumber)).toEqual(names.map((_, i) => i + 2))
        },
      ),
      { numRuns: 200 },
    )
  })
})
