/**
 * Column definitions shared by the CSV and XLSX writers and by the HR and admin tables
 * (components/data-table.tsx). A report is an ordered list of columns; each says what its
 * header is (Bahasa Indonesia), what kind of value it holds, and how to read that value from a
 * row. The writers know nothing about any particular report; a page shows the same value as
 * the file, written for a reader (`columnText`), so what HR sees and what HR downloads cannot
 * drift. Pure: no framework imports.
 */

import { formatNumber, formatScore, formatShortDate, MISSING } from '@/lib/format/indonesian'

/** Where a cell's content sits: numbers line up at the end, everything else at the start. */
export type ColumnAlign = 'start' | 'end'

export type ColumnKind = 'text' | 'number' | 'date'

interface ColumnBase {
  /** Stable identifier (English, camelCase); not shown to users. */
  key: string
  /** Header shown in the file, in Bahasa Indonesia. */
  header: string
  /** XLSX column width in characters. */
  width: number
  /** On a page; by default numbers at the end, text and dates at the start. */
  align?: ColumnAlign
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
  /** How a page writes it: `score` always with one decimal ("80,0"); else at most one ("33,3"). */
  display?: 'score'
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

/** Where a column's cells sit on a page. */
export function columnAlign<Row>(column: ColumnDef<Row>): ColumnAlign {
  return column.align ?? (column.kind === 'number' ? 'end' : 'start')
}

/**
 * The text a page shows for a cell: the value the file holds, written for an Indonesian reader
 * (decimal comma, the WIB calendar day as "21 Nov 2026", "–" where the file has an empty cell).
 */
export function columnText<Row>(column: ColumnDef<Row>, row: Row): string {
  switch (column.kind) {
    case 'text': {
      const value = column.value(row)
      return value === null || value === undefined || value.trim() === '' ? MISSING : value
    }
    case 'number':
      return column.display === 'score' ? formatScore(column.value(row)) : formatNumber(column.value(row))
    case 'date':
      return formatShortDate(column.value(row))
  }
}

/** The column of `columns` with this key; throws for a key the list does not have. */
export function columnByKey<Row, K extends string>(columns: readonly ColumnDef<Row>[], key: K): ColumnDef<Row> {
  const column = columns.find((candidate) => candidate.key === key)
  if (!column) throw new Error(`No column "${key}"`)
  return column
}
