/**
 * Rows of the first worksheet (in tab order) of an XLSX workbook, read with exceljs's
 * streaming WorkbookReader so 50,000 rows never become 250,000 cell objects at once.
 *
 * - The file is checked first (zip-check.ts): exceljs hangs forever on a corrupt ZIP, and a
 *   local entry the central directory does not list (a hidden entry) is refused.
 * - exceljs never inflates anything: it reads the checked entries re-sent as stored entries
 *   (storedZipStream), inflated here and counted in the inflate stream, so the bytes actually
 *   inflated are capped whatever the directory says.
 * - Shared strings are collected here ('emit' mode), which also makes exceljs spool each
 *   worksheet to a temp file and read it after the strings — the order Excel writes them in.
 * - Formulas are never evaluated: a formula cell becomes "=<formula>", which validation refuses.
 * - A number above 2^53 (an 18-digit NIP typed into a cell formatted as Number) has already
 *   lost digits in Excel; it is flagged, never "repaired".
 * - Each wait on exceljs is capped (stallMs) so a file exceljs cannot finish never hangs a request.
 */
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { fileErrors, RosterFileError } from './roster-file-error'
import type { CellNote, SourceRow } from './source-row'
import { checkXlsxZip, InflateLimitError, storedZipStream, type ZipEntry } from './zip-check'

export interface XlsxRowsOptions {
  maxUncompressedBytes: number
  stallMs: number
}

type RichText = { richText: Array<{ text?: string | null }> }

function richTextOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray((value as RichText).richText)) {
    return (value as RichText).richText.map((run) => run.text ?? '').join('')
  }
  return null
}

function cellText(value: unknown, sharedStrings: string[]): [string, CellNote?] {
  if (value === null || value === undefined) return ['']
  if (typeof value === 'string') return [value]
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      return [BigInt(value).toString(), { kind: 'lossy-number' }]
    }
    return [String(value)]
  }
  if (typeof value === 'boolean') return [value ? 'TRUE' : 'FALSE']
  if (value instanceof Date) return [Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)]
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if ('formula' in v || 'sharedFormula' in v) return [`=${String(v.formula ?? v.sharedFormula ?? '')}`]
    if (typeof v.sharedString === 'number') return [sharedStrings[v.sharedString] ?? '']
    if ('error' in v) return [String(v.error), { kind: 'excel-error', code: String(v.error) }]
    const rich = richTextOf(value)
    if (rich !== null) return [rich]
    if ('text' in v) return [richTextOf(v.text) ?? String(v.text ?? '')]
  }
  return ['']
}

/**
 * exceljs names a worksheet from xl/workbook.xml and its rels; Excel and exceljs write those
 * after the worksheets, and exceljs's unzip loop then sometimes reaches the spooled worksheets
 * before the workbook is parsed ("Cannot read properties of undefined (reading 'sheets')", seen
 * in 1 read of 4 on a loaded machine). Sending the workbook parts first removes the race.
 */
const WORKBOOK_PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml']

export function workbookPartsFirst(layout: readonly ZipEntry[]): ZipEntry[] {
  const rank = (entry: ZipEntry) => {
    const index = WORKBOOK_PARTS.indexOf(entry.name)
    return index === -1 ? WORKBOOK_PARTS.length : index
  }
  return [...layout].sort((a, b) => rank(a) - rank(b))
}

const TOO_BIG = 'isinya terlalu besar setelah dibuka'

function withStallLimit<T>(promise: Promise<T>, ms: number, failed?: Promise<never>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(fileErrors.unreadableXlsx('pembacaan berkas terhenti')), ms)
  })
  return Promise.race([promise, stalled, ...(failed ? [failed] : [])]).finally(() => clearTimeout(timer))
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string
  iterator?: { destroy?: () => void; on?: (event: 'error', listener: () => void) => unknown }
}

/**
 * A sheet exceljs spooled is read from a stream that opens its temp file a tick later, and
 * exceljs deletes that file as soon as we move past the sheet: destroying a skipped sheet can
 * race the open, and the ENOENT it then emits would be an uncaught exception in the server
 * (seen in CI on a workbook with a second sheet). Nothing more is read from it, so it is ignored.
 */
function discardSheet(sheet: SheetReader | undefined): void {
  sheet?.iterator?.on?.('error', () => {})
  sheet?.iterator?.destroy?.()
}

async function drain(events: AsyncIterator<unknown>, stallMs: number): Promise<void> {
  try {
    for (;;) {
      const event = await withStallLimit(events.next(), stallMs)
      if (event.done) return
      const value = event.value as { eventType?: string; value?: SheetReader }
      if (value.eventType === 'worksheet') discardSheet(value.value)
    }
  } catch {
    // Already failing or stopped: nothing more to report.
  }
}

export async function* xlsxRows(buf: Buffer, options: XlsxRowsOptions): AsyncGenerator<SourceRow> {
  const check = await checkXlsxZip(buf, options.maxUncompressedBytes)
  if (!check.ok) {
    switch (check.reason) {
      case 'not-xlsx':
        throw fileErrors.notRoster('berkas ZIP ini bukan buku kerja Excel')
      case 'encrypted':
        throw fileErrors.legacyExcel()
      case 'too-big':
        throw fileErrors.unreadableXlsx(TOO_BIG)
      case 'hidden-entries':
        throw fileErrors.unreadableXlsx('berisi bagian tersembunyi yang tidak tercantum dalam daftar isi berkas')
      case 'truncated':
        throw fileErrors.unreadableXlsx('berkas terpotong atau tidak lengkap')
      default:
        throw fileErrors.unreadableXlsx('berkas rusak')
    }
  }

  // The source fails the read at once (not after a stall) when inflating goes past the cap.
  let fail: (error: Error) => void = () => {}
  const failed = new Promise<never>((_, reject) => (fail = reject))
  failed.catch(() => {})
  const source = Readable.from(
    (async function* () {
      try {
        yield* storedZipStream(buf, workbookPartsFirst(check.layout), options.maxUncompressedBytes)
      } catch (error) {
        fail(error instanceof InflateLimitError ? fileErrors.unreadableXlsx(TOO_BIG) : fileErrors.unreadableXlsx('berkas rusak'))
      }
    })(),
  )
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  })
  const events = reader.parse() as AsyncIterator<unknown>
  const sharedStrings: string[] = []
  let firstSheetName: string | undefined
  let sheetRead = false
  let current: SheetReader | undefined
  let stalled = false
  try {
    for (;;) {
      const event = await withStallLimit(events.next(), options.stallMs, failed)
      if (event.done) break
      const value = event.value as Record<string, unknown>
      if (typeof value.index === 'number' && 'text' in value) {
        sharedStrings[value.index] = richTextOf(value.text) ?? ''
        continue
      }
      if (value.eventType !== 'worksheet') continue
      const sheet = value.value as SheetReader
      firstSheetName ??= (reader.model as { sheets?: Array<{ name?: string }> }).sheets?.[0]?.name
      if (sheetRead || (firstSheetName !== undefined && sheet.name !== firstSheetName)) {
        discardSheet(sheet)
        continue
      }
      sheetRead = true
      current = sheet
      const rows = sheet[Symbol.asyncIterator]()
      for (;;) {
        const next = await withStallLimit(rows.next(), options.stallMs, failed)
        if (next.done) break
        const raw = next.value.values as unknown[]
        const values: string[] = []
        const notes: Array<CellNote | undefined> = []
        for (let column = 1; column < raw.length; column++) {
          const [text, note] = cellText(raw[column], sharedStrings)
          values.push(text)
          notes.push(note)
        }
        yield { rowNumber: next.value.number, values, notes }
      }
      current = undefined
    }
  } catch (error) {
    if (error instanceof RosterFileError) {
      // Stalled, or the source failed: exceljs will not move on, so do not wait for it.
      stalled = error.message.includes('terhenti') || error.message.includes(TOO_BIG) || error.message.includes('berkas rusak')
      source.destroy()
      throw error
    }
    throw fileErrors.unreadableXlsx('isinya rusak atau bukan buku kerja Excel')
  } finally {
    discardSheet(current)
    // Stopped early (row limit, caller stopped): let exceljs move past the sheet so it deletes
    // its temp files now rather than at process exit.
    if (current && !stalled) await drain(events, options.stallMs)
  }
  if (!sheetRead) throw fileErrors.unreadableXlsx('tidak ada lembar kerja')
}
