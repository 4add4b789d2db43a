/**
 * Cell values shared by the CSV and XLSX writers: formula-injection neutralisation. Dates are
 * written as the WIB calendar day by lib/format/indonesian.ts (the one date module).
 */

/**
 * Text a spreadsheet would run as a formula: starting with `=`, `+`, `-` or `@` (also after
 * leading spaces or line breaks, and their full-width forms), or with a tab or carriage return
 * (OWASP "CSV injection").
 */
const FORMULA_TRIGGER = /^(?:[\t\r]|[ \n]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/

/** True when `text` would be taken as a formula by Excel, LibreOffice or Google Sheets. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_TRIGGER.test(text)
}

/**
 * Neutralises a text cell for CSV: text that a spreadsheet would run as a formula gets a
 * leading apostrophe (`=HYPERLINK(...)` → `'=HYPERLINK(...)`); anything else is returned
 * unchanged. Pure. Only for text: numbers (including negatives) are written as numbers.
 *
 * The XLSX writer does not add the apostrophe (it would show up in the cell): it writes such
 * text as a typed string cell, which spreadsheets never evaluate, and never writes formulas.
 */
export function neutralizeCell(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text
}
