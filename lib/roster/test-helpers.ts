/**
 * Fixture helpers for the roster tests: byte streams in small chunks (so chunk boundaries are
 * exercised), CSV quoting as Excel does it, and XLSX workbooks built in memory with exceljs.
 */
import ExcelJS from 'exceljs'
import type { RawRow, ReadRosterOptions } from './read-roster'
import { readRosterRows } from './read-roster'

export const TODAY = new Date(Date.UTC(2026, 10, 21))

export const HEADER = ['NIP', 'Nama Lengkap', 'Email', 'Jenis Kepegawaian', 'Unit Kerja']

/** Bytes as an async iterable of `chunkSize`-byte chunks. */
export async function* chunked(bytes: Uint8Array | string, chunkSize = 7): AsyncGenerator<Uint8Array> {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes
  for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize)
}

/** A field quoted the way Excel writes it: only when needed, with "" for ". */
export function csvField(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value
}

export function csvText(rows: string[][], delimiter = ',', newline = '\r\n'): string {
  return rows.map((row) => row.map((v) => csvField(v, delimiter)).join(delimiter)).join(newline) + newline
}

export async function readAll(
  bytes: Uint8Array | string | AsyncIterable<Uint8Array>,
  options: ReadRosterOptions = {},
): Promise<RawRow[]> {
  const input = typeof bytes === 'string' || bytes instanceof Uint8Array ? chunked(bytes) : bytes
  const rows: RawRow[] = []
  for await (const row of readRosterRows(input, options)) rows.push(row)
  return rows
}

/** Resolves to the error thrown while reading everything (fails the test if none). */
export async function readError(
  bytes: Uint8Array | string | AsyncIterable<Uint8Array>,
  options: ReadRosterOptions = {},
): Promise<Error & { code?: string }> {
  try {
    await readAll(bytes, options)
  } catch (error) {
    return error as Error & { code?: string }
  }
  throw new Error('expected the roster to be refused')
}

export async function xlsxBytes(
  build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Pegawai')
  build(sheet, workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
