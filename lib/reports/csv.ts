/**
 * Streaming CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Indonesian text
 * right), CRLF line ends, RFC 4180 quoting, `,` or `;` between fields.
 *
 * - Dates: `YYYY-MM-DD`, the calendar day in Asia/Jakarta (WIB). Excel reads ISO dates as
 *   dates in every locale, whereas `DD/MM/YYYY` is read month-first (or as text) by an
 *   Excel set to English (US).
 * - Numbers: plain JavaScript numbers with a `.` decimal point whatever the delimiter
 *   (`92.5`, never `92,5`), so a program reading the file gets the same values; no thousands
 *   separator. Whole numbers (most values) read the same in any locale.
 * - Text: formula-like cells are neutralised with a leading apostrophe (see neutralizeCell).
 *
 * The result is a Node `Readable` of bytes that pulls rows from the async iterable only as
 * the consumer reads, so memory stays flat whatever the row count. For a route handler, turn
 * it into a web stream with `toWebStream` (./web-stream).
 */

import { Readable } from 'node:stream'
import { isoDateWib, isValidDate, neutralizeCell } from './cell-values'
import type { ColumnDef } from './columns'
import { COMPLETION_COLUMNS, type CompletionRow } from './completion-report'

export type CsvDelimiter = ',' | ';'

export interface CsvOptions {
  delimiter: CsvDelimiter
}

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

/** One field as CSV text (not yet quoted). Missing values, NaN and invalid dates are empty. */
function fieldText<Row>(column: ColumnDef<Row>, row: Row): string {
  switch (column.kind) {
    case 'text': {
      const value = column.value(row)
      return value == null ? '' : neutralizeCell(value)
    }
    case 'number': {
      const value = column.value(row)
      return value == null || !Number.isFinite(value) ? '' : String(value)
    }
    case 'date': {
      const value = column.value(row)
      return isValidDate(value) ? isoDateWib(value) : ''
    }
  }
}

/** Encodes one record (no line end). Exposed for tests and previews. */
export function csvLine<Row>(row: Row, columns: readonly ColumnDef<Row>[], delimiter: CsvDelimiter): string {
  const needsQuotes = quoteRule(delimiter)
  return columns.map((column) => encodeText(fieldText(column, row), needsQuotes)).join(delimiter)
}

async function* csvChunks<Row>(
  rows: AsyncIterable<Row> | Iterable<Row>,
  columns: readonly ColumnDef<Row>[],
  delimiter: CsvDelimiter,
): AsyncGenerator<string> {
  const needsQuotes = quoteRule(delimiter)
  // BOM and header go out before the first row is pulled: the download starts at once.
  yield UTF8_BOM + columns.map((column) => encodeText(column.header, needsQuotes)).join(delimiter) + CSV_LINE_END
  let chunk = ''
  for await (const row of rows) {
    let line = ''
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += delimiter
      line += encodeText(fieldText(columns[i]!, row), needsQuotes)
    }
    chunk += line + CSV_LINE_END
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk.length > 0) yield chunk
}

/**
 * A CSV byte stream of `rows` with the given columns. Rows are pulled lazily: nothing is read
 * from `rows` before the consumer reads, and at most about one 16 KiB chunk is read ahead.
 * Destroying the stream (client gone) calls `return()` on the rows' iterator.
 */
export function csvStream<Row>(
  rows: AsyncIterable<Row> | Iterable<Row>,
  columns: readonly ColumnDef<Row>[],
  options: CsvOptions,
): Readable {
  return Readable.from(csvChunks(rows, columns, options.delimiter), {
    objectMode: false,
    highWaterMark: CHUNK_CHARS,
  })
}

/** The completion report as CSV (see the module comment for formats). */
export function completionCsv(rows: AsyncIterable<CompletionRow> | Iterable<CompletionRow>, options: CsvOptions): Readable {
  return csvStream(rows, COMPLETION_COLUMNS, options)
}
