/**
 * The row shape both file readers (CSV, XLSX) produce before header mapping, so the mapping,
 * row limits and empty-row handling live in one place (read-roster.ts).
 */

/** Something the reader knows about a cell that its text alone cannot say. */
export type CellNote =
  | { kind: 'lossy-number' } // an integer above 2^53: Excel kept only ~15 significant digits
  | { kind: 'excel-error'; code: string } // #N/A, #REF!, ...

export interface SourceRow {
  /** Spreadsheet row number (1-based, as Excel shows it). */
  rowNumber: number
  /** Cell texts by column position (0 = column A). */
  values: string[]
  notes?: Array<CellNote | undefined>
}
