/**
 * Roster import domain: read an HR upload (CSV or XLSX, streamed), validate each row, classify
 * rows against existing accounts into a preview and an import plan. Plain TypeScript, no
 * framework or database imports; the database side supplies the lookups and applies the plan
 * all or nothing (lib/hr/roster-import.server.ts, decision 026).
 */
import type { Readable } from 'node:stream'
import { classifyRoster, type RosterLookups, type RosterPreview } from './classify-roster'
import { readRosterRows, type ReadRosterOptions, type RosterFormat } from './read-roster'
import { backgroundTurn, ROWS_PER_TURN } from './next-turn'
import { RosterFileError, type RosterFileErrorCode } from './roster-file-error'
import { validateRosterRow, type RowValidation, type ValidateOptions } from './validate-roster'

export {
  readRosterRows,
  mapHeader,
  normalizeHeader,
  detectRosterFormat,
  columnLetter,
  ROSTER_COLUMNS,
  ROSTER_COLUMN_LABELS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ROWS,
  NIP_STORED_AS_NUMBER,
  type RawRow,
  type RosterColumn,
  type RosterFormat,
  type ReadRosterOptions,
  type ColumnPositions,
} from './read-roster'
export { detectDelimiter } from './csv-rows'
export { backgroundTurn, nextTurn, sortInTurns, turnAfter, ROWS_PER_TURN, MAX_BACKGROUND_WAIT_MS } from './next-turn'
export { RosterFileError, formatFileSize, type RosterFileErrorCode } from './roster-file-error'
export {
  validateRosterRow,
  parseEmploymentType,
  looksLikeFormula,
  type RosterRow,
  type RowValidation,
  type ValidateOptions,
} from './validate-roster'
export {
  classifyRoster,
  normalizeUnitName,
  DEFAULT_LOOKUP_BATCH,
  type ExistingPerson,
  type EmailOwner,
  type RosterLookups,
  type RosterPreview,
  type PlannedAccount,
  type UnitUpdate,
  type RowRejection,
  type RowNote,
  type ClaimConflict,
  type ClaimVerification,
  type ConflictDecision,
} from './classify-roster'

export type RosterPreviewResult =
  | { ok: true; format: RosterFormat; preview: RosterPreview }
  | { ok: false; error: { code: RosterFileErrorCode; message: string } }

/**
 * Read + validate + classify in one call. A file-level problem comes back as `{ ok: false }`
 * with the message for HR; other errors (a failing lookup) are thrown.
 */
export async function previewRoster(
  input: AsyncIterable<Uint8Array> | Readable,
  lookups: RosterLookups,
  options: ReadRosterOptions & ValidateOptions = {},
): Promise<RosterPreviewResult> {
  let format: RosterFormat = 'csv'
  const validations: RowValidation[] = []
  try {
    const rows = readRosterRows(input, {
      ...options,
      onFormat: (detected) => {
        format = detected
        options.onFormat?.(detected)
      },
    })
    for await (const raw of rows) {
      validations.push(validateRosterRow(raw, options))
      // The upload is already in memory: without this the whole file is read in one task.
      if (validations.length % ROWS_PER_TURN === 0) await backgroundTurn()
    }
  } catch (error) {
    if (error instanceof RosterFileError) return { ok: false, error: { code: error.code, message: error.message } }
    throw error
  }
  return { ok: true, format, preview: await classifyRoster(validations, lookups) }
}
