/**
 * Human-readable certificate numbers: `BBS/<year>/<sequence>`, the sequence
 * restarting at 1 each year and zero-padded to six digits (`BBS/2026/000123`).
 * Allocation of the sequence is the caller's job (one counter per year).
 */

export const CERTIFICATE_NUMBER_PREFIX = 'BBS'
export const CERTIFICATE_SEQUENCE_DIGITS = 6
export const MAX_CERTIFICATE_SEQUENCE = 10 ** CERTIFICATE_SEQUENCE_DIGITS - 1

const CERTIFICATE_NUMBER_PATTERN = /^BBS\/(\d{4})\/(\d{6})$/

export interface ParsedCertificateNumber {
  year: number
  sequence: number
}

/** `formatCertificateNumber(2026, 123)` → `"BBS/2026/000123"`. Throws RangeError on bad input. */
export function formatCertificateNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new RangeError(`Certificate year must be an integer 2000–9999, got ${year}`)
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_CERTIFICATE_SEQUENCE) {
    throw new RangeError(
      `Certificate sequence must be an integer 1–${MAX_CERTIFICATE_SEQUENCE}, got ${sequence}`,
    )
  }
  return `${CERTIFICATE_NUMBER_PREFIX}/${year}/${String(sequence).padStart(CERTIFICATE_SEQUENCE_DIGITS, '0')}`
}

/** Parses a number such as `BBS/2026/000123` (surrounding whitespace allowed); null when malformed. */
export function parseCertificateNumber(input: string): ParsedCertificateNumber | null {
  const match = CERTIFICATE_NUMBER_PATTERN.exec(input.trim().toUpperCase())
  if (!match) return null
  const year = Number(match[1])
  const sequence = Number(match[2])
  if (year < 2000 || sequence < 1) return null
  return { year, sequence }
}

export function isCertificateNumber(input: string): boolean {
  return CERTIFICATE_NUMBER_PATTERN.test(input) && parseCertificateNumber(input) !== null
}
