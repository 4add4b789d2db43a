/**
 * CSV rows as Excel saves them: UTF-8 with or without BOM, `,` or `;` (Indonesian Excel uses
 * `;` because its decimal separator is a comma), CRLF, quoted fields. Decoding is strict: a
 * byte that is not UTF-8 (a Windows-1252 "ü", a file with mixed encodings) refuses the file,
 * because guessing would put wrong letters in names printed on certificates.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CsvError, parse } from 'csv-parse'
import { fileErrors, RosterFileError } from './roster-file-error'
import type { SourceRow } from './source-row'

const HEADER_SCAN_LIMIT = 64 * 1024
/**
 * Text handed to the parser at a time. The parser turns a whole piece into records in one
 * synchronous step; an upload that arrives in one piece (5 MB for 50,000 rows) would otherwise be
 * parsed in one go while no other request of the process is served (issue 13).
 */
export const PARSE_PIECE_CHARS = 16 * 1024
const DECODE_PIECE_BYTES = 64 * 1024
const MAX_RECORD_CHARS = 100_000

function countNewlines(text: string, end = text.length): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** A whole upload can arrive as one chunk: split it, so each decoding step is short (see PARSE_PIECE_CHARS). */
async function* inPieces(bytes: AsyncIterable<Uint8Array>, size = DECODE_PIECE_BYTES): AsyncGenerator<Uint8Array> {
  for await (const chunk of bytes) {
    if (chunk.byteLength <= size) yield chunk
    else for (let at = 0; at < chunk.byteLength; at += size) yield chunk.subarray(at, at + size)
  }
}

async function* decodeUtf8(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true }) // also drops a leading BOM
  let line = 1
  for await (const chunk of inPieces(bytes)) {
    if (chunk.indexOf(0) !== -1) throw fileErrors.notRoster('berisi data biner')
    let text: string
    try {
      text = decoder.decode(chunk, { stream: true })
    } catch {
      const lenient = new TextDecoder('utf-8').decode(chunk)
      throw fileErrors.notUtf8(line + countNewlines(lenient, Math.max(0, lenient.indexOf('\uFFFD'))))
    }
    line += countNewlines(text)
    if (text) yield text
  }
  let tail: string
  try {
    tail = decoder.decode()
  } catch {
    throw fileErrors.notUtf8(line)
  }
  if (tail) yield tail
}

/**
 * `text` in pieces of at most `size` characters, cut after a line break where there is one (and
 * never between the two halves of a surrogate pair), so each piece is a short parse.
 */
export function* pieces(text: string, size = PARSE_PIECE_CHARS): Generator<string> {
  let start = 0
  while (text.length - start > size) {
    let end = text.lastIndexOf('\n', start + size - 1) + 1
    if (end <= start) {
      end = start + size
      const code = text.charCodeAt(end - 1)
      if (code >= 0xd800 && code <= 0xdbff) end--
    }
    yield text.slice(start, end)
    start = end
  }
  if (start < text.length) yield text.slice(start)
}

/** `;` or `,`, whichever occurs more often outside quotes in the header line (`,` on a tie). */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch === ',') commas++
    else if (!quoted && ch === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}

/** Records of a CSV byte stream; row 1 is the first line (the header). Empty rows are kept. */
export async function* csvRows(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SourceRow> {
  const text = decodeUtf8(bytes)
  let head = ''
  for (;;) {
    if (/\S[^\r\n]*[\r\n]/.test(head) || head.length >= HEADER_SCAN_LIMIT) break
    const next = await text.next()
    if (next.done) break
    head += next.value
  }
  if (head.trim() === '') {
    await text.return(undefined)
    throw fileErrors.empty()
  }
  const firstLine = head.slice(0, HEADER_SCAN_LIMIT).split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? ''
  if (/^\s*</.test(firstLine)) {
    await text.return(undefined)
    throw fileErrors.notRoster('isinya HTML atau XML, bukan tabel CSV')
  }
  const parser = parse({
    delimiter: detectDelimiter(firstLine),
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  })
  async function* all(): AsyncGenerator<string> {
    yield* pieces(head)
    for await (const chunk of text) yield* pieces(chunk)
  }
  const feeding = pipeline(Readable.from(all()), parser)
  feeding.catch(() => {}) // the same error surfaces from iterating the parser
  let rowNumber = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++
      yield { rowNumber, values: record }
    }
    await feeding
  } catch (error) {
    if (error instanceof RosterFileError) throw error
    if (error instanceof CsvError) {
      const lines = typeof error.lines === 'number' ? error.lines : null
      const detail =
        error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE'
          ? 'ada tanda kutip (") yang tidak ditutup atau sel yang terlalu panjang.'
          : 'susunan tanda kutip atau pemisah kolomnya rusak.'
      throw fileErrors.malformedCsv(lines, detail)
    }
    throw error
  } finally {
    parser.destroy()
  }
}
