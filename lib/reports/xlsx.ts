/**
 * Streaming XLSX with exceljs's WorkbookWriter: one sheet, a bold header row that stays
 * frozen, filters on the header, typed cells (dates as Excel dates shown `dd/mm/yyyy`,
 * numbers as numbers, everything else as text) and each row committed as soon as it is
 * written, so memory does not grow with the row count.
 *
 * Never a formula: every text value is written as a string cell, which spreadsheets do not
 * evaluate, so `=HYPERLINK(...)` stays the literal text (no apostrophe is added — in an XLSX
 * it would show in the cell). Strings are cut to Excel's 32,767-character cell limit; exceljs
 * drops characters XML cannot carry.
 */

import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { drainOrClose, nextTurn } from './backpressure'
import { isValidDate, wibDayAsUtcMidnight } from '@/lib/format/indonesian'
import type { ColumnDef } from './columns'
import { COMPLETION_COLUMNS, type CompletionRow } from './completion-report'
import { batchesOf, type RowSource } from './row-batches'

export const XLSX_DATE_FORMAT = 'dd/mm/yyyy'
export const EXCEL_MAX_CELL_CHARS = 32_767
export const DEFAULT_SHEET_NAME = 'Laporan'

export interface XlsxOptions {
  /** Worksheet name (Excel allows at most 31 characters, none of `\ / ? * [ ] :`). */
  sheetName?: string
}

/**
 * exceljs does not honour backpressure inside its own pipeline: the sheet's XML is pushed into
 * the deflate stream whatever its backlog, and deflate runs on the thread pool, one chunk per
 * event-loop turn. Produce rows faster than that and the raw XML piles up (measured: ~45 MB
 * per 100,000 rows, growing with the row count). So every few rows the writer yields a turn,
 * and while the backlog is above a limit it keeps yielding until deflate catches up.
 */
const ROWS_PER_YIELD = 32
const MAX_SHEET_BACKLOG_BYTES = 512 * 1024
/**
 * Every this many rows, wait while the output asks to drain. Not every yield: waiting drains the
 * whole pipeline before rows are produced again, so checking too often stalls the writer; the
 * rows written in between add only a few hundred KB to the buffers.
 */
const ROWS_PER_DRAIN_CHECK = 2048

interface StreamState {
  length?: unknown
}
interface LegacyStream {
  _writableState?: StreamState
  _readableState?: StreamState
}

/**
 * Bytes of sheet XML written by exceljs but not yet taken by deflate, or null if exceljs's
 * internals are not as expected (then the writer falls back to yielding every few rows).
 * Reads private state of exceljs 4.4.0 (pinned in package.json): the worksheet writer's
 * `stream` (a StreamBuf) and the stream it pipes into (a readable-stream PassThrough).
 * Exported for a test that notices if an upgrade changes this.
 */
export function pendingSheetBytes(sheet: unknown): number | null {
  const pipes = (sheet as { stream?: { pipes?: unknown } } | null)?.stream?.pipes
  if (!Array.isArray(pipes)) return null
  let total = 0
  for (const pipe of pipes as LegacyStream[]) {
    const writable = pipe?._writableState?.length
    const readable = pipe?._readableState?.length
    if (typeof writable !== 'number' || typeof readable !== 'number') return null
    total += writable + readable
  }
  return total
}

function cellValue<Row>(column: ColumnDef<Row>, row: Row): string | number | Date | null {
  switch (column.kind) {
    case 'text': {
      const value = column.value(row)
      if (value == null) return null
      return value.length > EXCEL_MAX_CELL_CHARS ? value.slice(0, EXCEL_MAX_CELL_CHARS) : value
    }
    case 'number': {
      const value = column.value(row)
      return value == null || !Number.isFinite(value) ? null : value
    }
    case 'date': {
      const value = column.value(row)
      return isValidDate(value) ? wibDayAsUtcMidnight(value) : null
    }
  }
}

function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, ' ').trim().slice(0, 31)
  return cleaned.length > 0 ? cleaned : DEFAULT_SHEET_NAME
}

class OutputClosedError extends Error {
  constructor() {
    super('The output stream was closed before the workbook was written')
    this.name = 'OutputClosedError'
  }
}

/** Waits while the output asks to drain. */
async function waitForOutput(output: Writable): Promise<void> {
  while (output.writableNeedDrain && !output.destroyed) await drainOrClose(output)
}

/**
 * Writes `rows` as an XLSX workbook into `output` and resolves once the output has received
 * everything (its `finish`). The output is ended by the writer. If reading the rows fails,
 * the output is destroyed with the error (a half-written workbook is useless) and the promise
 * rejects; if the output is closed early (client gone), the writer stops pulling rows.
 */
export async function writeXlsx<Row>(
  rows: RowSource<Row>,
  columns: readonly ColumnDef<Row>[],
  output: Writable,
  options: XlsxOptions = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  })
  workbook.creator = 'Bijak Bermedia Sosial'
  workbook.created = new Date()

  // Keep the output's own error (EPIPE, disk full) to report it, and make sure an 'error'
  // event never goes unheard (an unheard one would crash the process).
  let outputError: Error | undefined
  output.on('error', (error: Error) => {
    outputError ??= error
  })
  const closedError = () => outputError ?? new OutputClosedError()
  // exceljs waits for the output's 'finish', which never comes if the output is closed early.
  const closedEarly = new Promise<never>((_resolve, reject) => {
    output.once('close', () => {
      if (!output.writableFinished) reject(closedError())
    })
  })
  closedEarly.catch(() => {})

  try {
    const sheet = workbook.addWorksheet(safeSheetName(options.sheetName ?? DEFAULT_SHEET_NAME), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    })
    sheet.columns = columns.map((column) => ({
      key: column.key,
      width: column.width,
      style:
        column.kind === 'date'
          ? { numFmt: XLSX_DATE_FORMAT }
          : column.kind === 'number' && column.numFmt
            ? { numFmt: column.numFmt }
            : {},
    }))
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }

    const header = sheet.addRow(columns.map((column) => column.header))
    header.font = { bold: true }
    header.commit()

    let written = 0
    for await (const batch of batchesOf(rows)) {
      for (const row of batch) {
        if (output.destroyed) throw closedError()
        const sheetRow = sheet.addRow([])
        for (let i = 0; i < columns.length; i++) {
          const value = cellValue(columns[i]!, row)
          if (value !== null) sheetRow.getCell(i + 1).value = value
        }
        sheetRow.commit()
        written++
        if (written % ROWS_PER_YIELD === 0) {
          await nextTurn()
          while ((pendingSheetBytes(sheet) ?? 0) > MAX_SHEET_BACKLOG_BYTES && !output.destroyed) await nextTurn()
        }
        if (written % ROWS_PER_DRAIN_CHECK === 0) await waitForOutput(output)
      }
    }
    if (output.destroyed) throw closedError()
    sheet.commit()
    await Promise.race([workbook.commit(), closedEarly])
  } catch (error) {
    if (!output.destroyed) output.destroy(error instanceof Error ? error : new Error(String(error)))
    throw error
  }
}

/** The completion report as XLSX, sheet "Laporan". */
export function completionXlsx(
  rows: RowSource<CompletionRow>,
  output: Writable,
): Promise<void> {
  return writeXlsx(rows, COMPLETION_COLUMNS, output, { sheetName: DEFAULT_SHEET_NAME })
}
