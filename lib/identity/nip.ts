/**
 * NIP (PNS, CPNS) and NI PPPK: structure checks and masking. See ../shared/product/brief.md.
 *
 *   NIP      YYYYMMDD (birth) + YYYYMM (start as CPNS) + G (1 male, 2 female) + NNN
 *   NI PPPK  YYYYMMDD (birth) + YYYY (first appointed as PPPK) + XX (e.g. 21) + G + NNN
 *
 * Both get the same structural checks (a real birth date, a plausible year, gender digit 1 or 2;
 * issue 11: an NI PPPK with gender digit 3 used to pass). We stay lenient only where nothing is
 * documented (the two PPPK digits after the year), and never change what the person typed: a
 * value with spaces is refused with a message, not silently squeezed.
 *
 * This is the one structural check: registration (registration-schema.ts) and the roster import
 * (lib/roster/validate-roster.ts) call it; activation and reset codes match a NIP that was checked
 * here when it was imported or registered.
 */

import { nipLabel, type EmploymentType } from '@/lib/vocabulary/employment-types'

export { nipLabel }
export type { EmploymentType }

export const NIP_LENGTH = 18
const MIN_WORKING_AGE = 17
const OLDEST_BIRTH_YEAR = 1940

export type NipCheck =
  | { ok: true; birthDate: Date; gender: 'L' | 'P' }
  | { ok: false; message: string }

function realDate(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return real ? date : null
}

/** Examples shown under the field: a PNS/CPNS NIP, and an NI PPPK (its digits 13–14 differ). */
export const NIP_EXAMPLE = '198609262015051001'
export const NI_PPPK_EXAMPLE = '199103152023212004'


/**
 * Checks the structure of a NIP or NI PPPK. Messages are in Bahasa Indonesia and say what is
 * wrong, so a person can fix their own typing.
 */
export function checkNip(value: string, employmentType: EmploymentType, today = new Date()): NipCheck {
  const label = nipLabel(employmentType)
  if (value.length === 0) return { ok: false, message: `${label} wajib diisi.` }
  if (/\s/.test(value)) {
    return { ok: false, message: `Tulis ${label} tanpa spasi: ${NIP_LENGTH} angka berturut-turut.` }
  }
  if (!/^\d+$/.test(value)) return { ok: false, message: `${label} hanya boleh berisi angka.` }
  if (value.length !== NIP_LENGTH) {
    return {
      ok: false,
      message: `${label} harus ${NIP_LENGTH} digit; yang Anda ketik ${value.length} digit.`,
    }
  }

  const thisYear = today.getUTCFullYear()
  const birthYear = Number(value.slice(0, 4))
  const birthDate = realDate(birthYear, Number(value.slice(4, 6)), Number(value.slice(6, 8)))
  if (!birthDate) {
    return { ok: false, message: `8 digit pertama ${label} harus tanggal lahir yang ada (TTTTBBHH).` }
  }
  if (birthYear < OLDEST_BIRTH_YEAR || birthYear > thisYear - MIN_WORKING_AGE) {
    return { ok: false, message: `Tahun lahir dalam ${label} (${birthYear}) tidak masuk akal.` }
  }

  const startYear = Number(value.slice(8, 12))
  const earliestStart = birthYear + MIN_WORKING_AGE
  if (startYear < earliestStart || startYear > thisYear + 1) {
    const what = employmentType === 'PPPK' ? 'tahun pengangkatan PPPK' : 'tahun mulai CPNS'
    return { ok: false, message: `Digit 9–12 ${label} (${what}: ${startYear}) tidak masuk akal.` }
  }

  // The two digits after an NI PPPK's appointment year are not firmly documented: not checked.
  if (employmentType !== 'PPPK') {
    const startMonth = Number(value.slice(12, 14))
    if (startMonth < 1 || startMonth > 12) {
      return { ok: false, message: `Digit 13–14 ${label} harus bulan mulai CPNS (01–12).` }
    }
  }
  const genderDigit = value[14]
  if (genderDigit !== '1' && genderDigit !== '2') {
    return { ok: false, message: `Digit ke-15 ${label} harus 1 (laki-laki) atau 2 (perempuan).` }
  }
  return { ok: true, birthDate, gender: genderDigit === '1' ? 'L' : 'P' }
}

/**
 * A NIP as shown to people not entitled to see it (it reveals birth date and gender):
 * the first four and last four digits, e.g. 1985••••••••••1001.
 */
export function maskNip(nip: string): string {
  if (nip.length <= 8) return '•'.repeat(nip.length)
  return nip.slice(0, 4) + '•'.repeat(nip.length - 8) + nip.slice(-4)
}
