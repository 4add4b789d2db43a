import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { ColumnDef } from './columns'
import { COMPLETION_COLUMNS, type CompletionRow } from './completion-report'
import { completionCsv, csvLine, csvStream, spreadsheetDigitsCell, type CsvDelimiter } from './csv'
import { RowBatches } from './row-batches'
import { sampleCompletionRow, sampleCompletionRows } from './sample-rows'

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function parseCsv(bytes: Buffer, delimiter: CsvDelimiter): string[][] {
  return parse(bytes, { bom: true, delimiter, record_delimiter: '\r\n', relax_column_count: false }) as string[][]
}

const tricky: CompletionRow = {
  ...sampleCompletionRow(2),
  nip: '198609262015052001',
  name: "Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.; \"Ayu\"\r\nbaris kedua Ma'ruf",
  unitName: '=HYPERLINK("http://evil.example","Klik")',
  cohortName: '@SUM(1;2)',
  agencyName: 'Pemerintah Kota Bekasi — Dinas Kominfo (Ñ é ü)',
  dueDate: new Date('2026-06-30T16:59:59Z'),
  completedAt: new Date('2026-03-31T17:30:00Z'),
  validUntil: new Date('2027-03-31T17:30:00Z'),
  bestPostTestScore: 92.5,
  preTestScore: -0,
  certificateNumber: 'BBS/2026/000123',
}

describe('completionCsv', () => {
  it('writes pages of rows (RowBatches) byte for byte like the same rows one at a time', async () => {
    const rows = [tricky, ...Array.from({ length: 40 }, (_, k) => sampleCompletionRow(k))]
    async function* pages() {
      yield rows.slice(0, 1)
      yield rows.slice(1, 30)
      yield rows.slice(30)
    }
    const options = { delimiter: ';', spreadsheet: true } as const
    const paged = await bytesOf(completionCsv(new RowBatches(pages()), options))
    expect(paged.equals(await bytesOf(completionCsv(rows, options)))).toBe(true)
    expect(parseCsv(paged, ';')).toHaveLength(42)
  })

  it('closes a paged source when the stream is destroyed early', async () => {
    let closed = false
    let pages = 0
    async function* source() {
      try {
        for (;;) {
          pages++
          yield Array.from({ length: 500 }, (_, k) => sampleCompletionRow(k))
        }
      } finally {
        closed = true
      }
    }
    const stream = completionCsv(new RowBatches(source()), { delimiter: ',' })
    for await (const chunk of stream) {
      expect((chunk as Buffer).length).toBeGreaterThan(0)
      break
    }
    await new Promise((resolve) => setImmediate(resolve))
    expect(closed).toBe(true)
    expect(pages).toBeLessThan(5)
  })

  it('starts with a UTF-8 BOM and a Bahasa Indonesia header, CRLF line ends', async () => {
    const bytes = await bytesOf(completionCsv([sampleCompletionRow(0)], { delimiter: ',' }))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text.slice(1).startsWith('NIP,Nama Lengkap,Jenis Kepegawaian,Status identitas,Instansi,Unit Kerja,Kelompok,Batas Waktu,Status,')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false)
    const records = parseCsv(bytes, ',')
    expect(records[0]).toEqual(COMPLETION_COLUMNS.map((c) => c.header))
    expect(records).toHaveLength(2)
  })

  for (const delimiter of [',', ';'] as const) {
    it(`round-trips tricky values with "${delimiter}"`, async () => {
      const bytes = await bytesOf(completionCsv([tricky, sampleCompletionRow(1)], { delimiter }))
      const [header, row, second] = parseCsv(bytes, delimiter)
      expect(header).toHaveLength(COMPLETION_COLUMNS.length)
      const cell = (key: string) => row![COMPLETION_COLUMNS.findIndex((c) => c.key === key)]
      expect(cell('nip')).toBe('198609262015052001')
      expect(cell('name')).toBe(tricky.name) // quotes, delimiter, CRLF, apostrophe intact
      expect(cell('agencyName')).toBe(tricky.agencyName)
      expect(cell('unitName')).toBe('\'=HYPERLINK("http://evil.example","Klik")')
      expect(cell('cohortName')).toBe("'@SUM(1;2)")
      expect(cell('status')).toBe('Lulus')
      expect(cell('dueDate')).toBe('2026-06-30') // 23:59:59 WIB
      expect(cell('completedAt')).toBe('2026-04-01') // 00:30 WIB the next day
      expect(cell('validUntil')).toBe('2027-04-01')
      expect(cell('bestPostTestScore')).toBe('92.5') // plain number, '.' decimal
      expect(cell('preTestScore')).toBe('0')
      expect(cell('jp')).toBe('2')
      expect(cell('certificateNumber')).toBe('BBS/2026/000123')
      expect(cell('identityStatus')).toBe(tricky.identityStatus === 'verified' ? 'Terverifikasi' : 'Belum diverifikasi')
      expect(cell('activeMinutes')).toBe(String(Math.round(tricky.activeSeconds / 60)))
      expect(second).toHaveLength(COMPLETION_COLUMNS.length)
    })
  }

  it('writes missing values as empty fields and statuses as labels', async () => {
    const row: CompletionRow = {
      ...sampleCompletionRow(0),
      status: 'belum-mulai',
      employmentType: null,
      unitName: null,
      dueDate: null,
      preTestScore: null,
      bestPostTestScore: Number.NaN,
      completedAt: new Date('invalid'),
      certificateNumber: null,
      validUntil: null,
      jp: null,
    }
    const line = csvLine(row, COMPLETION_COLUMNS, ';')
    expect(line.split(';')).toEqual([
      row.nip,
      row.name,
      '',
      'Terverifikasi',
      row.agencyName,
      '',
      row.cohortName,
      '',
      'Belum mulai',
      String(row.lessonsDone),
      '8',
      '0',
      '',
      '',
      String(row.attempts),
      '',
      '',
      '',
      '',
    ])
  })

  describe('the variant for Excel/LibreOffice', () => {
    it('writes the NIP as ="<18 digits>" so a spreadsheet keeps it as text; the plain variant keeps bare digits', async () => {
      for (const delimiter of [',', ';'] as const) {
        const bytes = await bytesOf(completionCsv([tricky], { delimiter, spreadsheet: true }))
        const [header, row] = parseCsv(bytes, delimiter)
        expect(row![header!.indexOf('NIP')]).toBe('="198609262015052001"')
        expect(bytes.toString('utf8')).toContain(`\r\n"=""198609262015052001"""${delimiter}`) // RFC 4180 quoting
        const plain = parseCsv(await bytesOf(completionCsv([tricky], { delimiter })), delimiter)
        expect(plain[1]![header!.indexOf('NIP')]).toBe('198609262015052001')
      }
    })

    it('keeps the formula guard on everything else: user text never becomes a formula', async () => {
      const [header, row] = parseCsv(await bytesOf(completionCsv([tricky], { delimiter: ';', spreadsheet: true })), ';')
      expect(row![header!.indexOf('Unit Kerja')]).toBe('\'=HYPERLINK("http://evil.example","Klik")')
      expect(row![header!.indexOf('Nama Lengkap')]).toBe(tricky.name)
      // A NIP cell that is not digits alone (never from the app, but if it were) is guarded text.
      expect(spreadsheetDigitsCell('=1+1')).toBe("'=1+1")
      expect(spreadsheetDigitsCell('1991") & HYPERLINK("x')).toBe('1991") & HYPERLINK("x')
      expect(spreadsheetDigitsCell('')).toBe('')
      fc.assert(
        fc.property(fc.string(), (text) => {
          const cell = spreadsheetDigitsCell(text)
          return cell.startsWith('=') ? /^="\d+"$/.test(cell) : !/^(?:[\t\r]|[ \n]*[=+\-@＝＋－＠])/.test(cell)
        }),
        { numRuns: 500 },
      )
    })

    it('writes decimals with a comma when fields are separated by ";" (Indonesian Excel), with a point otherwise', () => {
      expect(csvLine(tricky, COMPLETION_COLUMNS, { delimiter: ';', spreadsheet: true }).split(';')).toContain('92,5')
      expect(csvLine(tricky, COMPLETION_COLUMNS, { delimiter: ',', spreadsheet: true })).toContain(',92.5,')
      expect(csvLine(tricky, COMPLETION_COLUMNS, ';').split(';')).toContain('92.5')
    })
  })

  it('does not neutralise negative numbers (numbers are not text)', () => {
    const columns: ColumnDef<{ n: number }>[] = [{ key: 'n', header: 'N', kind: 'number', width: 5, value: (r) => r.n }]
    expect(csvLine({ n: -3.5 }, columns, ',')).toBe('-3.5')
  })

  it('round-trips arbitrary text through a real parser', async () => {
    const columns: ColumnDef<{ a: string; b: string }>[] = [
      { key: 'a', header: 'A', kind: 'text', width: 5, value: (r) => r.a },
      { key: 'b', header: 'B', kind: 'text', width: 5, value: (r) => r.b },
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ a: fc.string({ unit: 'grapheme' }), b: fc.string() }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom<CsvDelimiter>(',', ';'),
        async (rows, delimiter) => {
          const records = parseCsv(await bytesOf(csvStream(rows, columns, { delimiter })), delimiter)
          expect(records.slice(1)).toEqual(
            rows.map((r) => [r.a, r.b].map((t) => (/^(?:[\t\r]|[ \n]*[=+\-@＝＋－＠])/.test(t) ? `'${t}` : t))),
          )
        },
      ),
      { numRuns: 200 },
    )
  })

  it('pulls rows lazily, only as the consumer reads', async () => {
    let pulled = 0
    const stream = completionCsv(
      sampleCompletionRows(100_000, () => pulled++),
      { delimiter: ',' },
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(pulled).toBe(0) // nothing read yet, nothing pulled

    const iterator = stream[Symbol.asyncIterator]()
    const first = (await iterator.next()).value as Buffer
    expect(first.toString('utf8').startsWith('\uFEFFNIP,')).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(pulled).toBeLessThan(500) // about one 16 KiB chunk read ahead, not the cohort

    await iterator.next()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(pulled).toBeLessThan(1_000)
    await iterator.return?.()
  })

  it('closes the row source when the stream is destroyed', async () => {
    let closed = false
    async function* rows() {
      try {
        for (let k = 0; ; k++) yield sampleCompletionRow(k)
      } finally {
        closed = true
      }
    }
    const stream = completionCsv(rows(), { delimiter: ';' })
    const iterator = stream[Symbol.asyncIterator]()
    await iterator.next()
    await iterator.next()
    stream.destroy()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(closed).toBe(true)
  })

  it('propagates an error from the row source', async () => {
    async function* rows() {
      yield sampleCompletionRow(0)
      throw new Error('database gone')
    }
    await expect(bytesOf(completionCsv(rows(), { delimiter: ',' }))).rejects.toThrow('database gone')
  })
})
