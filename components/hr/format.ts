import { maskNip } from '@/lib/identity/nip'

/** Dates and numbers as HR reads them (Bahasa Indonesia, WIB). */
const date = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' })
const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' })
const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })

export function formatDate(value: Date | null | undefined): string {
  return value ? date.format(value) : '–'
}

export function formatDateTime(value: Date | null | undefined): string {
  return value ? dateTime.format(value) : '–'
}

/**
 * Every number on the HR and admin screens: Indonesian format, decimal comma and `.` between
 * thousands ("33,3", "1.250"), at most one decimal. The one number formatter of those pages.
 */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : number.format(value)
}

/** `part` as a whole percentage of `total`, "40%" (0% when there is nothing to divide). */
export function formatPercent(part: number, total: number): string {
  return `${formatNumber(total > 0 ? Math.round((part / total) * 100) : 0)}%`
}

/** A score 0–100, e.g. "93,3". */
export function formatScore(value: number | null | undefined): string {
  return formatNumber(value)
}

export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–'
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${number.format(Math.abs(value))}`
}

/** Time on task for HR: "0 mnt", "42 mnt", "1 j 05 mnt" (rounded to whole minutes). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–'
  const minutes = Math.round(Math.max(0, seconds) / 60)
  if (minutes < 60) return `${minutes} mnt`
  return `${Math.floor(minutes / 60)} j ${String(minutes % 60).padStart(2, '0')} mnt`
}

/**
 * What tells two people with the same name apart in HR and admin lists: their unit and their
 * masked NIP (the one masking function, `maskNip`), e.g. "Dinas Pendidikan · 1991••••••••••3004".
 * Empty when neither is known.
 */
export function personTag(person: { unitName?: string | null; nip?: string | null }): string {
  const parts = [person.unitName?.trim() || null, person.nip ? maskNip(person.nip) : null].filter((part): part is string => Boolean(part))
  return parts.join(' · ')
}
