import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { COMPLETION_COLUMNS, type CompletionRow } from './completion-report'
import { RowBatches } from './row-batches'
import { sampleCompletionRow, sampleCompletionRows } from './sample-rows'
import { completionXlsx, pendingSheetBytes, XLSX_DATE_FORMAT } from './xlsx'

class Collect extends Writable {
  chunks: Buffer[] = []
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    this.chunks.push(chunk)
    callback()
  }
  bytes() {
    return Buffer.concat(this.chunks)
  }
}

async function workbookOf(rows: Iterable<CompletionRow> | AsyncIterable<CompletionRow>) {
  const out = new Collect()
  await completionXlsx(rows, out)
  const bytes = out.bytes()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return { bytes, workbook }
}

const tmp = mkdtempSync(join(tmpdir(), 'reports-xlsx-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const tricky: CompletionRow = {
  ...sampleCompletionRow(2),
  nip: '198609262015052001',
  name: "Muh. Ma'ruf O'Neil, S.H.\nbaris kedua",
  unitName: '=HYPERLINK("http://evil.example","Klik")',
  cohortName: '+62 812',
  agencyName: '-Dinas Kominfo; é ñ',
  completedAt: new Date('2026-03-31T17:30:00Z'),
  validUntil: new Date('2027-03-31T17:30:00Z'),
  dueDate: null,
  bestPostTestScore: 92.5,
}

describe('completionXlsx', () => {
  it('writes one sheet "Laporan" with a bold, frozen, filtered header row', async () => {
    const { workbook } = await workbookOf([tricky, sampleCompletionRow(1)])
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Laporan'])
    const sheet = workbook.getWorksheet('Laporan')!
    expect(sheet.getRow(1).values).toEqual([undefined, ...COMPLETION_COLUMNS.map((c) => c.header)])
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:S1')
    expect(sheet.rowCount).toBe(3)
    expect(sheet.getColumn(2).width).toBe(40)
  })

  it('writes typed cells: Date for dates (WIB day, dd/mm/yyyy), numbers, text', async () => {
    const { workbook } = await workbookOf([tricky])
    const sheet = workbook.getWorksheet('Laporan')!
    const row = sheet.getRow(2)
    const cell = (key: string) => row.getCell(COMPLETION_COLUMNS.findIndex((c) => c.key === key) + 1)

    expect(cell('nip').value).toBe('198609262015052001')
    expect(cell('nip').type).toBe(ExcelJS.ValueType.String)
    expect(cell('completedAt').value).toBeInstanceOf(Date)
    expect((cell('completedAt').value as Date).toISOString()).toBe('2026-04-01T00:00:00.000Z')
    expect(cell('completedAt').numFmt).toBe(XLSX_DATE_FORMAT)
    expect((cell('validUntil').value as Date).toISOString()).toBe('2027-04-01T00:00:00.000Z')
    expect(cell('dueDate').value).toBeNull()
    expect(cell('bestPostTestScore').value).toBe(92.5)
    expect(cell('lessonsDone').type).toBe(ExcelJS.ValueType.Number)
    expect(cell('jp').value).toBe(2)
    expect(cell('status').value).toBe('Lulus')
    expect(cell('name').value).toBe(tricky.name)
    expect(cell('agencyName').value).toBe(tricky.agencyName)
  })

  it('never writes a formula: formula-like text stays a plain string', async () => {
    const { bytes, workbook } = await workbookOf([tricky, ...Array.from({ length: 20 }, (_, k) => sampleCompletionRow(k))])
    const sheet = workbook.getWorksheet('Laporan')!
    const row = sheet.getRow(2)
    const unit = row.getCell(COMPLETION_COLUMNS.findIndex((c) => c.key === 'unitName') + 1)
    expect(unit.value).toBe('=HYPERLINK("http://evil.example","Klik")')
    expect(unit.type).toBe(ExcelJS.ValueType.String)
    sheet.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula)
        expect(c.formula).toBeUndefined()
      }),
    )
    // and in the raw sheet XML there is no <f> element at all
    const file = join(tmp, 'formula.xlsx')
    writeFileSync(file, bytes)
    const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml']).toString('utf8')
    expect(xml).not.toMatch(/<f[ >]/)
    expect(xml).toContain('<pane')
    expect(xml).toContain('<autoFilter ref="A1:S1"')
  })

  it('writes a header-only workbook for no rows', async () => {
    const { workbook } = await workbookOf([])
    expect(workbook.getWorksheet('Laporan')!.rowCount).toBe(1)
  })

  it('writes pages of rows (RowBatches) as the same rows one at a time', async () => {
    const rows = [tricky, ...Array.from({ length: 70 }, (_, k) => sampleCompletionRow(k))]
    async function* pages() {
      yield rows.slice(0, 33)
      yield rows.slice(33)
    }
    const out = new Collect()
    await completionXlsx(new RowBatches(pages()), out)
    const paged = new ExcelJS.Workbook()
    await paged.xlsx.load(out.bytes() as unknown as ArrayBuffer)
    const { workbook } = await workbookOf(rows)
    const values = (book: ExcelJS.Workbook) => book.getWorksheet('Laporan')!.getSheetValues()
    expect(paged.getWorksheet('Laporan')!.rowCount).toBe(72)
    expect(values(paged)).toEqual(values(workbook))
  })

  it('stops pulling rows when the output is closed early, and closes the source', async () => {
    let pulled = 0
    let closed = false
    async function* rows() {
      try {
        for (let k = 0; k < 1_000_000; k++) {
          pulled++
          yield sampleCompletionRow(k)
        }
      } finally {
        closed = true
      }
    }
    const out = new PassThrough()
    const writing = completionXlsx(rows(), out)
    out.resume()
    setTimeout(() => out.destroy(), 30)
    await expect(writing).rejects.toThrow()
    expect(closed).toBe(true)
    expect(pulled).toBeLessThan(1_000_000)
  })

  it('does not run ahead of a consumer that does not read', async () => {
    let pulled = 0
    const out = new PassThrough({ highWaterMark: 16 * 1024 })
    const writing = completionXlsx(
      sampleCompletionRows(200_000, () => pulled++),
      out,
    )
    writing.catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 500))
    // deflated XML is ~10x smaller than the rows; a stalled reader stops the writer early
    expect(pulled).toBeLessThan(20_000)
    out.destroy()
    await expect(writing).rejects.toThrow()
  })

  it('completes through a slow reader without piling up listeners', async () => {
    const warnings: Error[] = []
    const onWarning = (warning: Error) => warnings.push(warning)
    process.on('warning', onWarning)
    try {
      const out = new PassThrough({ highWaterMark: 1024 })
      const chunks: Buffer[] = []
      out.on('data', (chunk: Buffer) => {
        chunks.push(chunk)
        out.pause()
        setImmediate(() => out.resume())
      })
      const ended = new Promise((resolve) => out.once('end', resolve))
      await completionXlsx(sampleCompletionRows(20_000), out)
      await ended // 'finish' (the writer is done) comes before the reader has read everything
      expect(out.listenerCount('drain')).toBeLessThanOrEqual(1)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
      expect(workbook.getWorksheet('Laporan')!.rowCount).toBe(20_001)
      await new Promise((resolve) => setImmediate(resolve))
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([])
    } finally {
      process.off('warning', onWarning)
    }
    // 20,000 rows through a reader that pauses after every chunk: ~9 s on a busy 2-core machine.
  }, 60_000)

  it('does not hang when the output is closed while the workbook is being finished', async () => {
    const stalled = new Writable({ highWaterMark: 1024, write() {} }) // never acknowledges a write
    const writing = completionXlsx([sampleCompletionRow(0)], stalled)
    setTimeout(() => stalled.destroy(), 50)
    await expect(writing).rejects.toThrow(/closed before/)
  })

  it('can see the deflate backlog of exceljs (private state of the pinned version)', async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Collect(), useSharedStrings: false, useStyles: true })
    const sheet = workbook.addWorksheet('x')
    await new Promise((resolve) => setTimeout(resolve, 10))
    for (let k = 0; k < 2_000; k++) sheet.addRow([`baris ${k} `.repeat(20), k]).commit()
    const pending = pendingSheetBytes(sheet)
    expect(typeof pending).toBe('number') // null would mean an exceljs upgrade changed its internals
    expect(pending).toBeGreaterThan(0)
    sheet.commit()
    await workbook.commit()
    expect(pendingSheetBytes(null)).toBeNull()
    expect(pendingSheetBytes({ stream: { pipes: [{}] } })).toBeNull()
  })

  it('keeps memory flat: sheet XML does not pile up in front of deflate', async () => {
    let maxArrayBuffers = 0
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() })
    await completionXlsx(
      sampleCompletionRows(60_000, (k) => {
        if (k % 1_000 === 0) maxArrayBuffers = Math.max(maxArrayBuffers, process.memoryUsage().arrayBuffers)
      }),
      sink,
    )
    // without the backlog control this reached ~27 MB at 60,000 rows (and grows with rows)
    expect(maxArrayBuffers).toBeLessThan(16 * 1024 * 1024)
  }, 30_000)

  it('destroys the output and rejects when the row source fails', async () => {
    async function* rows() {
      yield sampleCompletionRow(0)
      throw new Error('database gone')
    }
    const out = new Collect()
    await expect(completionXlsx(rows(), out)).rejects.toThrow('database gone')
    expect(out.destroyed).toBe(true)
  })
})
