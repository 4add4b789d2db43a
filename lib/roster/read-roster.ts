/**
 * Streams an uploaded roster (CSV as Excel saves it, or XLSX) as rows keyed by canonical
 * column, with spreadsheet row numbers, so HR can find every rejected row in their own file.
 *
 * Why streaming and content sniffing: a roster can have 50,000 rows and arrives from a browser
 * upload whose file name proves nothing (a PNG renamed .csv, an .xls renamed .xlsx). The format
 * is decided from the first bytes; byte and row limits are enforced while reading, so an
 * oversized upload stops early. Anything that makes the whole file untrustworthy (not UTF-8,
 * binary, missing columns) is a RosterFileError: the caller discards everything read so far
 * and shows the message — nothing is half-imported.
 */
import type { Readable } from 'node:stream'
import { csvRows } from './csv-rows'
import { fileErrors, RosterFileError } from './roster-file-error'
import type { SourceRow } from './source-row'
import { xlsxRows } from './xlsx-rows'

export const ROSTER_COLUMNS = ['nip', 'name', 'email', 'employmentType', 'unit'] as const
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]

/** How each column is named in messages to HR. */
export const ROSTER_COLUMN_LABELS: Record<RosterColumn, string> = {
  nip: 'NIP/NI PPPK',
  name: 'Nama lengkap',
  email: 'Email',
  employmentType: 'Jenis kepegawaian',
  unit: 'Unit kerja',
}

const HEADER_ALIASES: Record<RosterColumn, readonly string[]> = {
  nip: ['nip', 'ni pppk', 'nip/ni pppk', 'nip / nipppk', 'nomor induk pegawai', 'ni p3k', 'nip/ni p3k'],
  name: ['nama', 'nama lengkap', 'full name', 'name', 'nama pegawai', 'nama lengkap dan gelar'],
  email: ['email', 'e-mail', 'surel', 'alamat email', 'alamat surel', 'email address'],
  employmentType: [
    'jenis',
    'jenis kepegawaian',
    'status kepegawaian',
    'employment type',
    'jenis pegawai',
    'status pegawai',
  ],
  unit: ['unit', 'unit kerja', 'work unit', 'nama unit kerja'],
}

/** Lower case, no accents, only letters and digits: "NIP / NI PPPK" → "nipnipppk". */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

const COLUMN_BY_ALIAS = new Map<string, RosterColumn>(
  ROSTER_COLUMNS.flatMap((column) => HEADER_ALIASES[column].map((alias) => [normalizeHeader(alias), column] as const)),
)

/** "A", "B", …, "Z", "AA": the column letter Excel shows. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    letters = String.fromCharCode(65 + rem) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

export type ColumnPositions = Record<RosterColumn, number>

/** Maps a header row to column positions, or throws one file-level error that says what to fix. */
export function mapHeader(values: readonly string[], rowNumber = 1): ColumnPositions {
  const found: Partial<Record<RosterColumn, number>> = {}
  for (const [index, value] of values.entries()) {
    const column = COLUMN_BY_ALIAS.get(normalizeHeader(value))
    if (!column) continue
    const earlier = found[column]
    if (earlier !== undefined) {
      throw new RosterFileError(
        'duplicate-columns',
        `Kolom ${ROSTER_COLUMN_LABELS[column]} muncul dua kali di baris judul (kolom ${columnLetter(earlier)} ` +
          `"${values[earlier]}" dan kolom ${columnLetter(index)} "${value}"). Hapus salah satunya.`,
      )
    }
    found[column] = index
  }
  const missing = ROSTER_COLUMNS.filter((column) => found[column] === undefined)
  if (missing.length > 0) {
    const present = values.filter((v) => v !== '')
    const shown = present.slice(0, 15).map((v) => `"${v}"`).join(', ')
    const more = present.length > 15 ? `, dan ${present.length - 15} lainnya` : ''
    throw new RosterFileError(
      'missing-columns',
      `Kolom wajib tidak ditemukan: ${missing.map((c) => ROSTER_COLUMN_LABELS[c]).join(', ')}. ` +
        `Kolom di baris judul (baris ${rowNumber}): ${shown || '(kosong)'}${more}. ` +
        'Baris judul harus memuat kolom NIP (atau NI PPPK), Nama lengkap, Email, Jenis kepegawaian dan Unit kerja.',
    )
  }
  return found as ColumnPositions
}

export interface RawRow {
  /** Spreadsheet row number: the header is row 1 in a CSV; in XLSX, the row number Excel shows. */
  rowNumber: number
  /** Trimmed cell texts; '' for an empty or absent cell. */
  cells: Record<RosterColumn, string>
  /** Problems the reader saw in a cell that its text cannot show (a NIP that lost digits in Excel). */
  cellProblems: Partial<Record<RosterColumn, string>>
  /** Problems with the row as a whole. */
  rowProblems: string[]
}

export type RosterFormat = 'csv' | 'xlsx'

export interface ReadRosterOptions {
  /** The uploaded file's name, only used in messages: the format is read from the content. */
  fileName?: string
  /** Default 10 MiB. */
  maxBytes?: number
  /** Data rows (header and empty rows not counted). Default 60,000. */
  maxRows?: number
  /** Total size an XLSX may inflate to (ZIP bomb guard). Default 32 × maxBytes. */
  maxUncompressedBytes?: number
  /** Longest wait on the XLSX library before giving up on the file. Default 20 s. */
  xlsxStallMs?: number
  /** Called once the format is known. */
  onFormat?: (format: RosterFormat) => void
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
export const DEFAULT_MAX_ROWS = 60_000

export const NIP_STORED_AS_NUMBER =
  'NIP tersimpan sebagai angka dan kehilangan digit; format kolom NIP sebagai Teks di Excel, ketik ulang NIP-nya, lalu unggah lagi.'

const HEAD_BYTES = 1024

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b)
}

/** Decides the format from the first bytes, or throws the message for a file we cannot read. */
export function detectRosterFormat(head: Uint8Array, fileName?: string): RosterFormat {
  if (head.length === 0) throw fileErrors.empty()
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw fileErrors.legacyExcel()
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) throw fileErrors.utf16()
  if (startsWith(head, [0x50, 0x4b])) throw fileErrors.notRoster('berkas ZIP yang bukan buku kerja Excel')
  const binary = head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b))
  if (binary) {
    const named = fileName && /\.[a-z0-9]+$/i.exec(fileName)?.[0]
    throw fileErrors.notRoster(named ? `isinya data biner, walau namanya berakhiran ${named}` : 'isinya data biner')
  }
  return 'csv'
}

async function* limitBytes(
  input: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  let total = 0
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    total += bytes.byteLength
    if (total > maxBytes) throw fileErrors.tooLarge(maxBytes)
    if (bytes.byteLength > 0) yield bytes
  }
}

function concat(chunks: Uint8Array[]): Buffer {
  return Buffer.concat(chunks.map((c) => (Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength))))
}

function cellProblem(column: RosterColumn, row: SourceRow, position: number): string | undefined {
  const note = row.notes?.[position]
  if (!note) return undefined
  if (note.kind === 'excel-error') return `${ROSTER_COLUMN_LABELS[column]}: sel berisi galat Excel (${note.code}).`
  return column === 'nip' ? NIP_STORED_AS_NUMBER : undefined
}

/**
 * Reads a roster upload row by row. Throws RosterFileError (at any point of the iteration) when
 * the file as a whole cannot be used; rows already yielded must then be discarded.
 */
export async function* readRosterRows(
  input: AsyncIterable<Uint8Array> | Readable,
  options: ReadRosterOptions = {},
): AsyncGenerator<RawRow, void, undefined> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS
  const bytes = limitBytes(input as AsyncIterable<Uint8Array | string>, maxBytes)

  const headChunks: Uint8Array[] = []
  let headLength = 0
  while (headLength < HEAD_BYTES) {
    const next = await bytes.next()
    if (next.done) break
    headChunks.push(next.value)
    headLength += next.value.byteLength
  }
  const head = concat(headChunks)
  let format: RosterFormat
  try {
    format = detectRosterFormat(head.subarray(0, HEAD_BYTES), options.fileName)
  } catch (error) {
    bytes.return(undefined).catch(() => {})
    throw error
  }
  options.onFormat?.(format)

  let source: AsyncGenerator<SourceRow>
  if (format === 'xlsx') {
    // Held in memory (≤ maxBytes): exceljs needs a complete ZIP, and checking it first is what
    // keeps a corrupt upload from hanging the reader.
    const chunks: Uint8Array[] = [head]
    for await (const chunk of bytes) chunks.push(chunk)
    source = xlsxRows(concat(chunks), {
      maxUncompressedBytes: options.maxUncompressedBytes ?? 32 * maxBytes,
      stallMs: options.xlsxStallMs ?? 20_000,
    })
  } else {
    source = csvRows(
      (async function* () {
        yield head
        yield* bytes
      })(),
    )
  }

  let positions: ColumnPositions | null = null
  let headerWidth = 0
  let dataRows = 0
  try {
    for await (const row of source) {
      const values = row.values.map((v) => v.trim())
      if (values.every((v) => v === '')) continue
      if (!positions) {
        positions = mapHeader(values, row.rowNumber)
        headerWidth = values.length
        continue
      }
      dataRows++
      if (dataRows > maxRows) throw fileErrors.tooManyRows(maxRows)
      const cells = {} as Record<RosterColumn, string>
      const cellProblems: Partial<Record<RosterColumn, string>> = {}
      for (const column of ROSTER_COLUMNS) {
        const position = positions[column]
        cells[column] = values[position] ?? ''
        const problem = cellProblem(column, row, position)
        if (problem) cellProblems[column] = problem
      }
      const rowProblems: string[] = []
      if (format === 'csv' && values.slice(headerWidth).some((v) => v !== '')) {
        rowProblems.push(
          'Baris ini berisi lebih banyak kolom daripada baris judul; mungkin ada koma atau titik koma di dalam sel ' +
            'yang tidak diapit tanda kutip. Simpan ulang dari Excel.',
        )
      }
      yield { rowNumber: row.rowNumber, cells, cellProblems, rowProblems }
    }
  } finally {
    await source.return(undefined)
    // Not awaited: a stalled upload must not hold up the error; the input is destroyed when it resumes.
    bytes.return(undefined).catch(() => {})
  }
  if (!positions) throw fileErrors.empty()
}
