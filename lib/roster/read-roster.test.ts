import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { detectDelimiter } from './csv-rows'
import { columnLetter, mapHeader, NIP_STORED_AS_NUMBER, normalizeHeader } from './read-roster'
import { chunked, csvText, HEADER, readAll, readError, xlsxBytes } from './test-helpers'
import { workbookPartsFirst } from './xlsx-rows'
import { checkXlsxZip } from './zip-check'

const BOM = '\uFEFF'
const PNS = '198609262015051001'
const PPPK = '199003122023042001'
const TITLED = 'Dr. Ir. Ni Luh Putu Ayu Saraswati, S.Kom., M.Si.'

describe('readRosterRows — CSV', () => {
  it('reads a comma CSV with BOM, CRLF and quoted fields containing ; , and "', async () => {
    const text =
      BOM +
      'NIP,Nama Lengkap,Email,Jenis Kepegawaian,Unit Kerja\r\n' +
      `${PNS},"${TITLED}",ayu@contoh.go.id,PNS,"Bagian Umum; Keuangan"\r\n` +
      `${PPPK},"Yohanes ""Anes"" O'Brien",anes@contoh.go.id,P3K,Sekretariat\r\n`
    const rows = await readAll(text)
    expect(rows).toEqual([
      {
        rowNumber: 2,
        cells: { nip: PNS, name: TITLED, email: 'ayu@contoh.go.id', employmentType: 'PNS', unit: 'Bagian Umum; Keuangan' },
        cellProblems: {},
        rowProblems: [],
      },
      {
        rowNumber: 3,
        cells: { nip: PPPK, name: `Yohanes "Anes" O'Brien`, email: 'anes@contoh.go.id', employmentType: 'P3K', unit: 'Sekretariat' },
        cellProblems: {},
        rowProblems: [],
      },
    ])
  })

  it('reads a semicolon CSV without BOM, with LF line ends and a quoted multi-line cell', async () => {
    const text =
      'nip;nama;surel;status kepegawaian;unit\n' +
      `${PNS};"Budi, S.H.; M.H.";budi@contoh.go.id;pns;"Dinas\nKominfo"\n` +
      `${PPPK};Siti;siti@contoh.go.id;PPPK;Sekretariat\n`
    const rows = await readAll(text)
    expect(rows.map((r) => [r.rowNumber, r.cells.name, r.cells.unit])).toEqual([
      [2, 'Budi, S.H.; M.H.', 'Dinas\nKominfo'],
      [3, 'Siti', 'Sekretariat'],
    ])
  })

  it('detects the delimiter from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('NIP;Nama;Email;Jenis;Unit')).toBe(';')
    expect(detectDelimiter('NIP,Nama,Email,Jenis,Unit')).toBe(',')
    expect(detectDelimiter('"a;b;c;d",x,y')).toBe(',')
  })

  it('maps headers by alias whatever their case, spacing, punctuation and order, ignoring other columns', async () => {
    const text = csvText([
      ['No.', 'Unit  kerja', 'E-Mail', 'NIP / NI PPPK', 'NAMA LENGKAP', 'Jabatan', 'Employment Type'],
      ['1', 'Sekretariat', 'a@contoh.go.id', PNS, 'Ani', 'Analis', 'CPNS'],
    ])
    const [row] = await readAll(text)
    expect(row?.cells).toEqual({ nip: PNS, name: 'Ani', email: 'a@contoh.go.id', employmentType: 'CPNS', unit: 'Sekretariat' })
    expect(normalizeHeader(' Jenis-Kepegawaian ')).toBe('jeniskepegawaian')
    expect(columnLetter(0)).toBe('A')
    expect(columnLetter(27)).toBe('AB')
  })

  it('refuses a missing column with one message naming the columns found and missing', async () => {
    const error = await readError(csvText([['NIP', 'Nama', 'Jenis', 'Jabatan'], [PNS, 'Ani', 'PNS', 'Analis']]))
    expect(error.code).toBe('missing-columns')
    expect(error.message).toContain('Kolom wajib tidak ditemukan: Email, Unit kerja.')
    expect(error.message).toContain('"NIP", "Nama", "Jenis", "Jabatan"')
  })

  it('refuses two columns that mean the same thing', () => {
    expect(() => mapHeader(['NIP', 'NI PPPK', 'Nama', 'Email', 'Jenis', 'Unit'])).toThrow(/NIP\/NI PPPK muncul dua kali/)
  })

  it('keeps spreadsheet row numbers across blank rows, pads short rows and flags extra cells', async () => {
    const text =
      `${HEADER.join(',')}\r\n` +
      `${PNS},Ani,ani@contoh.go.id,PNS,Sekretariat\r\n` +
      ',,,,\r\n' +
      '\r\n' +
      `${PPPK},Budi\r\n` +
      `${PNS},Dr. Cici,cici@contoh.go.id,PNS,Sekretariat,S.Kom.\r\n`
    const rows = await readAll(text)
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 5, 6])
    expect(rows[1]?.cells).toEqual({ nip: PPPK, name: 'Budi', email: '', employmentType: '', unit: '' })
    expect(rows[2]?.rowProblems[0]).toMatch(/lebih banyak kolom daripada baris judul/)
  })

  it('yields nothing for a header-only file and refuses an empty one', async () => {
    expect(await readAll(csvText([HEADER]))).toEqual([])
    expect((await readError('')).code).toBe('empty')
    expect((await readError('\r\n  \r\n')).code).toBe('empty')
  })

  it('refuses a Windows-1252 file (Müller) and says to save as CSV UTF-8, with the line', async () => {
    const text = csvText([HEADER, [PNS, 'Ani', 'ani@contoh.go.id', 'PNS', 'Sekretariat'], [PPPK, 'Hans Müller', 'hans@contoh.go.id', 'PPPK', 'Sekretariat']])
    const error = await readError(Buffer.from(text, 'latin1'))
    expect(error.code).toBe('not-utf8')
    expect(error.message).toContain('baris 3')
    expect(error.message).toContain('CSV UTF-8')
  })

  it('refuses mixed encodings: UTF-8 on one line, Windows-1252 on the next', async () => {
    const utf8 = Buffer.from(`${HEADER.join(';')}\n${PNS};Jürgen;j@contoh.go.id;PNS;Umum\n`, 'utf8')
    const cp1252 = Buffer.from(`${PPPK};Müller;m@contoh.go.id;PPPK;Umum\n`, 'latin1')
    const error = await readError(Buffer.concat([utf8, cp1252]))
    expect(error.code).toBe('not-utf8')
    expect(error.message).toContain('baris 3')
  })

  it('refuses a PNG renamed .csv as "Berkas bukan CSV atau XLSX"', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
    const error = await readError(png, { fileName: 'pegawai.csv' })
    expect(error.code).toBe('not-roster-file')
    expect(error.message).toMatch(/^Berkas bukan CSV atau XLSX \(isinya data biner, walau namanya berakhiran \.csv\)/)
  })

  it('refuses NUL bytes after the first kilobyte, legacy .xls, UTF-16 and HTML', async () => {
    const late = Buffer.concat([Buffer.from(csvText([HEADER]) + 'x'.repeat(2000)), Buffer.from([0, 0, 0])])
    expect((await readError(late)).code).toBe('not-roster-file')
    expect((await readError(Buffer.from('d0cf11e0a1b11ae1000000', 'hex'))).code).toBe('legacy-excel')
    expect((await readError(Buffer.from('\uFEFFNIP\tNama', 'utf16le'))).code).toBe('utf16')
    expect((await readError('<html><table><tr><td>NIP</td></tr></table></html>')).message).toMatch(/HTML atau XML/)
  })

  it('refuses an unclosed quote with the CSV line', async () => {
    const error = await readError(`${HEADER.join(',')}\n${PNS},"Ani,ani@contoh.go.id,PNS,Umum\n`)
    expect(error.code).toBe('malformed-csv')
  })

  it('stops reading an oversized stream early with "Berkas lebih dari 10 MB"', async () => {
    let pulled = 0
    const line = Buffer.from(`${PNS},Ani,ani@contoh.go.id,PNS,Sekretariat\r\n`.repeat(1000))
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${HEADER.join(',')}\r\n`)
      for (;;) {
        pulled += line.length
        yield line
      }
    }
    const error = await readError(endless(), { maxRows: Number.POSITIVE_INFINITY })
    expect(error.code).toBe('too-large')
    expect(error.message).toMatch(/^Berkas lebih dari 10 MB/)
    expect(pulled).toBeLessThan(10 * 1024 * 1024 + 2 * line.length)
    // 10 MB through the CSV parser: ~1 s on a quiet machine, over 5 s on a loaded 2-core one.
  }, 30_000)

  it('honours a configured byte limit and the row limit', async () => {
    const rows = Array.from({ length: 5 }, () => [PNS, 'Ani', 'ani@contoh.go.id', 'PNS', 'Umum'])
    const text = csvText([HEADER, ...rows])
    expect((await readError(text, { maxBytes: 100 })).message).toMatch(/^Berkas lebih dari 100 byte/)
    expect((await readError(text, { maxRows: 4 })).message).toMatch(/lebih dari 4 baris data/)
    expect(await readAll(text, { maxRows: 5 })).toHaveLength(5)
  })

  it('accepts a Node Readable', async () => {
    const text = csvText([HEADER, [PNS, 'Ani', 'ani@contoh.go.id', 'PNS', 'Umum']])
    const rows = await readAll(Readable.from(chunked(text, 3)))
    expect(rows[0]?.cells.name).toBe('Ani')
  })
})

describe('readRosterRows — XLSX', () => {
  const workbook = () =>
    xlsxBytes((sheet, book) => {
      sheet.addRow(HEADER)
      sheet.addRow([PNS, TITLED, 'ayu@contoh.go.id', 'PNS', 'Bagian Umum']) // NIP as text
      sheet.addRow([198609262015051001, 'Angka Besar', 'angka@contoh.go.id', 'PNS', 'Bagian Umum']) // NIP as number
      sheet.addRow([123456789, 'Angka Kecil', 'kecil@contoh.go.id', 'PNS', 'Bagian Umum'])
      sheet.addRow([])
      const row = sheet.addRow([PPPK, '', 'x@contoh.go.id', 'PPPK', ''])
      row.getCell(2).value = { formula: 'CONCAT("A","B")', result: 'AB' }
      row.getCell(5).value = { error: '#N/A' }
      const rich = sheet.addRow([PPPK, '', ' rich@contoh.go.id ', 'p3k', 'Sekretariat'])
      rich.getCell(2).value = { richText: [{ text: "Siti " }, { font: { bold: true }, text: "Nur'aini" }] }
      book.addWorksheet('Lain').addRow(['bukan', 'data'])
    })

  it('reads text cells, exact small numbers, and flags NIPs that lost digits in Excel', async () => {
    const rows = await readAll(await workbook(), { fileName: 'pegawai.xlsx' })
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 6, 7])
    expect(rows[0]?.cells).toEqual({ nip: PNS, name: TITLED, email: 'ayu@contoh.go.id', employmentType: 'PNS', unit: 'Bagian Umum' })
    expect(rows[0]?.cellProblems).toEqual({})
    expect(rows[1]?.cells.nip).not.toMatch(/e/i)
    expect(rows[1]?.cellProblems).toEqual({ nip: NIP_STORED_AS_NUMBER })
    expect(rows[2]?.cells.nip).toBe('123456789')
    expect(rows[2]?.cellProblems).toEqual({})
  })

  it('turns formula cells into "=…" text (never evaluated), error cells into problems, rich text into text', async () => {
    const rows = await readAll(await workbook())
    expect(rows[3]?.cells.name).toBe('=CONCAT("A","B")')
    expect(rows[3]?.cellProblems.unit).toBe('Unit kerja: sel berisi galat Excel (#N/A).')
    expect(rows[4]?.cells.name).toBe("Siti Nur'aini")
    expect(rows[4]?.cells.email).toBe('rich@contoh.go.id')
  })

  it('reads the first worksheet in tab order even when it is not the first in the ZIP', async () => {
    const bytes = await xlsxBytes((sheet, book) => {
      sheet.addRow(['bukan', 'data'])
      const roster = book.addWorksheet('Pegawai 2')
      roster.addRow(HEADER)
      roster.addRow([PNS, 'Ani', 'ani@contoh.go.id', 'PNS', 'Umum'])
      book.removeWorksheet(sheet.id)
    })
    const rows = await readAll(bytes)
    expect(rows.map((r) => r.cells.name)).toEqual(['Ani'])
  })

  it('skips further worksheets without an uncaught error from their deleted temp files', async () => {
    // exceljs spools each sheet to a temp file and deletes it when we move on; destroying a
    // skipped sheet raced the file's open and crashed the test run (and would the server).
    const bytes = await xlsxBytes((sheet, book) => {
      sheet.addRow(HEADER)
      sheet.addRow([PNS, 'Ani', 'ani@contoh.go.id', 'PNS', 'Umum'])
      for (let i = 1; i <= 6; i++) book.addWorksheet(`Lain ${i}`).addRow(['bukan', 'data'])
    })
    for (let read = 0; read < 100; read++) {
      expect((await readAll(bytes)).map((r) => r.cells.name)).toEqual(['Ani'])
    }
  }, 60_000)

  it('refuses a missing column in an XLSX the same way', async () => {
    const bytes = await xlsxBytes((sheet) => {
      sheet.addRow(['NIP', 'Nama'])
      sheet.addRow([PNS, 'Ani'])
    })
    expect((await readError(bytes)).message).toContain('Email, Jenis kepegawaian, Unit kerja')
  })

  it('refuses truncated and corrupted workbooks quickly instead of hanging', async () => {
    const bytes = await workbook()
    const truncated = await readError(bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect(truncated.code).toBe('unreadable-xlsx')
    const corrupt = Buffer.from(bytes)
    for (let i = 400; i < 700; i++) corrupt[i] = (i * 7) & 0xff
    expect((await readError(corrupt)).code).toBe('unreadable-xlsx')
  })

  it('refuses a ZIP that is not a workbook and a workbook that inflates too far', async () => {
    const bytes = Buffer.from(await workbook())
    // Rename xl/workbook.xml (same length) in the local and central headers.
    const renamed = Buffer.from(bytes.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmm'), 'latin1')
    expect((await readError(renamed)).code).toBe('not-roster-file')
    expect((await readError(bytes, { maxUncompressedBytes: 1000 })).message).toMatch(/terlalu besar setelah dibuka/)
  })

  it('enforces the byte limit on XLSX too', async () => {
    expect((await readError(await workbook(), { maxBytes: 1024 })).code).toBe('too-large')
  })
})

describe('workbookPartsFirst', () => {
  it('sends the workbook, its rels and the shared strings before the worksheets exceljs and Excel write first', async () => {
    const bytes = await xlsxBytes((sheet, book) => {
      sheet.addRow(HEADER)
      book.addWorksheet('Lain')
    })
    const check = await checkXlsxZip(bytes, Number.MAX_SAFE_INTEGER)
    if (!check.ok) throw new Error(check.reason)
    const written = check.layout.map((entry) => entry.name)
    expect(written.indexOf('xl/workbook.xml')).toBeGreaterThan(written.indexOf('xl/worksheets/sheet1.xml'))
    const sent = workbookPartsFirst(check.layout).map((entry) => entry.name)
    expect(sent.indexOf('xl/workbook.xml')).toBeLessThan(sent.indexOf('xl/worksheets/sheet1.xml'))
    expect(sent.indexOf('xl/_rels/workbook.xml.rels')).toBeLessThan(sent.indexOf('xl/worksheets/sheet1.xml'))
    expect([...sent].sort()).toEqual([...written].sort())
  })
})
