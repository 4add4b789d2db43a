/**
 * Streaming CSV: UTF-8 with a byte-order mark (so Excel reads Indonesian text right), CRLF
 * line ends, RFC 4180 quoting, `,` or `;` between fields. Two variants (decision 016):
 *
 * - plain (default), for systems that import CSV (e.g. a SIASN upload): every value as it is,
 *   a NIP as its 18 digits, numbers with a `.` decimal point.
 * - `spreadsheet: true`, for a person who opens the file in Excel or LibreOffice: a digit
 *   code column (`digitsAsText`, the NIP) is written `="199103152023213004"`, a formula whose
 *   result is that text, so neither program turns it into `1,99103E+17` and drops digits; only
 *   a value of digits alone is written so (nothing a user typed ever becomes a formula). With
 *   `;` between fields, the convention of comma-decimal locales such as Indonesian, decimals
 *   are written with `,` (`92,5`) so that an Excel set to Indonesian reads them as numbers.
 *
 * - Dates: `YYYY-MM-DD`, the calendar day in Asia/Jakarta (WIB). Excel reads ISO dates as
 *   dates in every locale, whereas `DD/MM/YYYY` is read month-first (or as text) by an
 *   Excel set to English (US).
 * - Numbers: plain JavaScript numbers with a `.` decimal point whatever the delimiter in the
 *   plain variant (`92.5`), so a program reading the file gets the same values; no thousands
 *   separator. Whole numbers (most values) read the same in any locale.
 * - Text: formula-like cells are neutralised with a leading apostrophe (see neutralizeCell).
 *
 * The result is a Node `Readable` of bytes that pulls rows from the async iterable only as
 * the consumer reads, so memory stays flat whatever the row count. For a route handler, turn
 * it into a web stream with `toWebStream` (./web-stream).
 */

import { Readable } from 'node:stream'
import { isoDateWib, isValidDate } from '@/lib/format/indonesian'
import { neutralizeCell } from './cell-values'
import type { ColumnDef } from './columns'
import { COMPLETION_COLUMNS, type CompletionRow } from './completion-report'
import { batchesOf, type RowSource } from './row-batches'

export type CsvDelimiter = ',' | ';'

export interface CsvOptions {
  delimiter: CsvDelimiter
  /** The variant for Excel/LibreOffice (see the module comment); plain when absent. */
  spreadsheet?: boolean
}

/** Only a value of digits alone is ever written as a `="…"` formula. */
const DIGITS_ONLY = /^\d+$/

export const UTF8_BOM = '\uFEFF'
export const CSV_LINE_END = '\r\n'

/** Rows are batched into chunks of about this many characters (fewer, larger writes). */
const CHUNK_CHARS = 16 * 1024

function quoteRule(delimiter: CsvDelimiter): RegExp {
  return delimiter === ',' ? /[",\r\n]/ : /[";\r\n]/
}

function encodeText(text: string, needsQuotes: RegExp): string {
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

interface FieldFormat {
  spreadsheet: boolean
  decimalComma: boolean
}

function fieldFormat(options: CsvOptions): FieldFormat {
  const spreadsheet = options.spreadsheet === true
  return { spreadsheet, decimalComma: spreadsheet && options.delimiter === ';' }
}

/**
 * A digit code as a spreadsheet keeps it: `="<digits>"` (its result is the text of the digits),
 * for digits only; anything else goes through the formula guard like all text.
 */
export function spreadsheetDigitsCell(value: string): string {
  return DIGITS_ONLY.test(value) ? `="${value}"` : neutralizeCell(value)
}

/** One field as CSV text (not yet quoted). Missing values, NaN and invalid dates are empty. */
function fieldText<Row>(column: ColumnDef<Row>, row: Row, format: FieldFormat): string {
  switch (column.kind) {
    case 'text': {
      const value = column.value(row)
      if (value == null) return ''
      return format.spreadsheet && column.digitsAsText ? spreadsheetDigitsCell(value) : neutralizeCell(value)
    }
    case 'number': {
      const value = column.value(row)
      if (value == null || !Number.isFinite(value)) return ''
      return format.decimalComma ? String(value).replace('.', ',') : String(value)
    }
    case 'date': {
      const value = column.value(row)
      return isValidDate(value) ? isoDateWib(value) : ''
    }
  }
}

/** Encodes one record (no line end). Exposed for tests and previews. */
export function csvLine<Row>(row: Row, columns: readonly ColumnDef<Row>[], options: CsvDelimiter | CsvOptions): string {
  const csv = typeof options === 'string' ? { delimiter: options } : options
  const needsQuotes = quoteRule(csv.delimiter)
  const format = fieldFormat(csv)
  return columns.map((column) => encodeText(fieldText(column, row, format), needsQuotes)).join(csv.delimiter)
}

async function* csvChunks<Row>(
  rows: RowSource<Row>,
  columns: readonly ColumnDef<Row>[],
  options: CsvOptions,
): AsyncGenerator<string> {
  const { delimiter } = options
  const needsQuotes = quoteRule(delimiter)
  const format = fieldFormat(options)
  // BOM and header go out before the first row is pulled: the download starts at once.
  yield UTF8_BOM + columns.map((column) => encodeText(column.header, needsQuotes)).join(delimiter) + CSV_LINE_END
  let chunk = ''
  for await (const batch of batchesOf(rows)) {
    for (const row of batch) {
      let line = ''
      for (let i = 0; i < columns.length; i++) {
        if (i > 0) line += delimiter
        line += encodeText(fieldText(columns[i]!, row, format), needsQuotes)
      }
      chunk += line + CSV_LINE_END
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk
        chunk = ''
      }
    }
  }
  if (chunk.length > 0) yield chunk
}

/**
 * A CSV byte stream of `rows` with the given columns. Rows are pulled lazily: nothing is read
 * from `rows` before the consumer reads, and at most about one 16 KiB chunk (or one page of a
 * `RowBatches` source) is read ahead.
 * Destroying the stream (client gone) calls `return()` on the rows' iterator.
 */
export function csvStream<Row>(
  rows: RowSource<Row>,
  columns: readonly ColumnDef<Row>[],
  options: CsvOptions,
): Readable {
  return Readable.from(csvChunks(rows, columns, options), {
    objectMode: false,
    highWaterMark: CHUNK_CHARS,
  })
}

/** The completion report as CSV (see the module comment for formats). */
export function completionCsv(rows: RowSource<CompletionRow>, options: CsvOptions): Readable {
  return csvStream(rows, COMPLETION_COLUMNS, options)
}
