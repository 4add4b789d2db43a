/**
 * Checks one roster row on its own (no database): NIP / NI PPPK structure via checkNip, the
 * name and email rules of self-registration (fullNameSchema, emailSchema), the employment type,
 * and cells that look like spreadsheet formulas.
 *
 * Why so strict: an imported row becomes an account whose name is printed on certificates, so
 * values are taken as typed (trimmed at the ends only) and refused with a reason rather than
 * "corrected"; a cell starting with = + - @ is never evaluated and never stored, because it
 * would turn into a live formula in the next CSV export HR opens in Excel.
 */
import { checkNip, nipLabel, type EmploymentType } from '@/lib/identity/nip'
import { emailSchema, fullNameSchema } from '@/lib/accounts/registration-schema'
import { NIP_STORED_AS_NUMBER, ROSTER_COLUMN_LABELS, ROSTER_COLUMNS, type RawRow } from './read-roster'

export interface RosterRow {
  rowNumber: number
  nip: string
  /** As typed (trimmed), titles and apostrophes included. */
  name: string
  /** Lower case. */
  email: string
  employmentType: EmploymentType
  /** As typed (trimmed); matched to a unit in classify-roster. */
  unitName: string
}

export type RowValidation =
  | { ok: true; row: RosterRow }
  | {
      ok: false
      rowNumber: number
      reasons: string[]
      /** The NIP and (lower-cased) email cells as typed, so later rows can still be told they duplicate this one. */
      nip: string
      email: string
    }

export interface ValidateOptions {
  /** For the plausibility of NIP dates; defaults to now. */
  today?: Date
}

const EMPLOYMENT_TYPE_BY_TEXT: Record<string, EmploymentType> = {
  PNS: 'PNS',
  CPNS: 'CPNS',
  PPPK: 'PPPK',
  P3K: 'PPPK',
}

/** PNS, CPNS, PPPK or P3K (→ PPPK), case-insensitive; null otherwise. */
export function parseEmploymentType(text: string): EmploymentType | null {
  return EMPLOYMENT_TYPE_BY_TEXT[text.trim().toUpperCase()] ?? null
}

/** Starts with = + - or @: a spreadsheet would treat it as a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trim())
}

// "1.98609E+17", "1,98609E+17": Excel showed a NIP typed into a Number cell in scientific notation.
const SCIENTIFIC_NUMBER = /^\d+(?:[.,]\d+)?e\+?\d+$/i

function firstIssue(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string {
  return result.error?.issues[0]?.message ?? 'Isi tidak valid.'
}

export function validateRosterRow(raw: RawRow, options: ValidateOptions = {}): RowValidation {
  const reasons = [...raw.rowProblems]
  const { cells } = raw
  const skip = new Set(Object.keys(raw.cellProblems))
  for (const column of ROSTER_COLUMNS) {
    const problem = raw.cellProblems[column]
    if (problem) reasons.push(problem)
    else if (looksLikeFormula(cells[column])) {
      reasons.push(
        `${ROSTER_COLUMN_LABELS[column]}: sel berisi rumus (diawali =, +, - atau @); isi dengan teks biasa.`,
      )
      skip.add(column)
    }
  }

  let employmentType: EmploymentType | null = null
  if (!skip.has('employmentType')) {
    employmentType = parseEmploymentType(cells.employmentType)
    if (!employmentType) {
      reasons.push(
        cells.employmentType === ''
          ? 'Jenis kepegawaian wajib diisi: PNS, CPNS, PPPK atau P3K.'
          : `Jenis kepegawaian tidak dikenal: "${cells.employmentType}"; isi PNS, CPNS, PPPK atau P3K.`,
      )
    }
  }

  if (!skip.has('nip')) {
    const nip = cells.nip
    if (SCIENTIFIC_NUMBER.test(nip)) {
      reasons.push(NIP_STORED_AS_NUMBER)
    } else if (employmentType) {
      const check = checkNip(nip, employmentType, options.today)
      if (!check.ok) reasons.push(`${nipLabel(employmentType)} tidak valid: ${check.message}`)
    } else {
      // Type unknown (already reported): only call the NIP invalid if no type would accept it.
      const asNip = checkNip(nip, 'PNS', options.today)
      if (!asNip.ok && !checkNip(nip, 'PPPK', options.today).ok) reasons.push(`NIP tidak valid: ${asNip.message}`)
    }
  }

  let name = ''
  if (!skip.has('name')) {
    const result = fullNameSchema.safeParse(cells.name)
    if (result.success) name = result.data
    else reasons.push(firstIssue(result))
  }

  let email = ''
  if (!skip.has('email')) {
    const result = emailSchema.safeParse(cells.email)
    if (result.success) email = result.data
    else reasons.push(firstIssue(result))
  }

  if (!skip.has('unit') && cells.unit === '') reasons.push('Unit kerja wajib diisi.')

  if (reasons.length > 0 || !employmentType) {
    return { ok: false, rowNumber: raw.rowNumber, reasons, nip: cells.nip, email: cells.email.toLowerCase() }
  }
  return {
    ok: true,
    row: { rowNumber: raw.rowNumber, nip: cells.nip, name, email, employmentType, unitName: cells.unit },
  }
}
