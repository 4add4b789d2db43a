/**
 * Opens a downloaded report the way an HR officer's spreadsheet does: LibreOffice (headless,
 * with a private profile) imports the CSV with the options a person picks in its import dialog,
 * saves it as XLSX, and exceljs reads the cells back. Used by integration and e2e tests.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'

const run = promisify(execFile)

/** LibreOffice's language ids for the CSV import's "language" (number and date parsing). */
export const LO_LANGUAGE = { indonesian: 1057, englishUs: 1033 } as const

export interface CsvImport {
  delimiter: ',' | ';'
  /** Number/date locale of the import; LibreOffice's default is the system's. */
  language?: number
}

/**
 * The CSV import filter string: separator, `"` as text delimiter, UTF-8 (76), from line 1,
 * no per-column formats (every column "Standard", as a person leaves them), the language.
 * Formulas are evaluated, LibreOffice's default.
 */
function csvFilter(options: CsvImport): string {
  return `CSV:${options.delimiter.charCodeAt(0)},34,76,1,,${options.language ?? 0}`
}

export interface SheetCell {
  /** What the cell shows as its value: a formula's result, else the value. */
  value: string | number | boolean | Date | null
  type: 'string' | 'number' | 'boolean' | 'date' | 'null' | 'error'
  formula: string | null
}

function toCell(raw: ExcelJS.CellValue): SheetCell {
  if (raw === null || raw === undefined) return { value: null, type: 'null', formula: null }
  if (raw instanceof Date) return { value: raw, type: 'date', formula: null }
  if (typeof raw === 'object') {
    if ('formula' in raw || 'sharedFormula' in raw) {
      const result = toCell((raw as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
      return { ...result, formula: (raw as ExcelJS.CellFormulaValue).formula ?? null }
    }
    if ('error' in raw) return { value: String(raw.error), type: 'error', formula: null }
    if ('richText' in raw) return { value: raw.richText.map((part) => part.text).join(''), type: 'string', formula: null }
    return { value: String(raw), type: 'string', formula: null }
  }
  return { value: raw, type: typeof raw as 'string' | 'number' | 'boolean', formula: null }
}

/** The first sheet of an XLSX as rows of cells (row 1 = header). */
export async function readXlsxCells(bytes: Buffer): Promise<SheetCell[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const rows: SheetCell[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: SheetCell[] = []
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(toCell(row.getCell(column).value))
    rows.push(cells)
  })
  return rows
}

/** Imports CSV bytes into LibreOffice as a person would and returns the sheet's cells. */
export async function openCsvInLibreOffice(csv: Buffer, options: CsvImport): Promise<SheetCell[][]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bbs-lo-'))
  try {
    fs.writeFileSync(path.join(dir, 'laporan.csv'), csv)
    await run(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        `--infilter=${csvFilter(options)}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        path.join(dir, 'laporan.csv'),
      ],
      { timeout: 180_000 },
    )
    return await readXlsxCells(fs.readFileSync(path.join(dir, 'laporan.xlsx')))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** One data row as { header: cell }, by the header row's texts. */
export function rowsByHeader(cells: SheetCell[][]): Record<string, SheetCell>[] {
  const [header, ...rows] = cells
  const names = (header ?? []).map((cell) => String(cell.value ?? ''))
  return rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i] ?? toCell(null)])))
}
