/**
 * Column definitions shared by the CSV and XLSX writers. A report is an ordered list of
 * columns; each says what its header is (Bahasa Indonesia), what kind of value it holds, and
 * how to read that value from a row. The writers know nothing about any particular report.
 */

export type ColumnKind = 'text' | 'number' | 'date'

interface ColumnBase {
  /** Stable identifier (English, camelCase); not shown to users. */
  key: string
  /** Header shown in the file, in Bahasa Indonesia. */
  header: string
  /** XLSX column width in characters. */
  width: number
}

export interface TextColumn<Row> extends ColumnBase {
  kind: 'text'
  value: (row: Row) => string | null | undefined
  /**
   * A code made of digits (a NIP: 18 digits) that a spreadsheet must keep as text: opened as
   * a number it shows `1,99103E+17` and loses its last digits. The spreadsheet CSV writes such
   * a cell as `="…"` (see csv.ts); the XLSX writer already types every text cell as a string.
   */
  digitsAsText?: boolean
}

export interface NumberColumn<Row> extends ColumnBase {
  kind: 'number'
  value: (row: Row) => number | null | undefined
  /** XLSX number format; Excel's General when absent. */
  numFmt?: string
}

export interface DateColumn<Row> extends ColumnBase {
  kind: 'date'
  /** An instant; written as its calendar day in Asia/Jakarta (WIB). */
  value: (row: Row) => Date | null | undefined
}

export type ColumnDef<Row> = TextColumn<Row> | NumberColumn<Row> | DateColumn<Row>

/** Column headers in order, e.g. for a preview table. */
export function columnHeaders<Row>(columns: readonly ColumnDef<Row>[]): string[] {
  return columns.map((column) => column.header)
}
