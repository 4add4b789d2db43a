/**
 * How every page, file and certificate writes numbers and moments for Indonesian readers: the
 * decimal comma and the thousands point ("33,3", "1.250"), scores with one decimal ("80,0"),
 * and dates in WIB (Asia/Jakarta) whatever the server's time zone. Pure: usable anywhere.
 */

export const TIME_ZONE = 'Asia/Jakarta'

/** Written where a value is missing (no score yet, no date). */
export const MISSING = '–'

const numberFormatter = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })
const scoreFormatter = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

function isNumber(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value)
}

/** Any count or measure: at most one decimal, 33.333 → "33,3", 1250 → "1.250", 2 → "2". */
export function formatNumber(value: number | null | undefined): string {
  return isNumber(value) ? numberFormatter.format(value) : MISSING
}

/** A score on the 0–100 scale, always with one decimal: 33.333 → "33,3", 80 → "80,0". */
export function formatScore(value: number | null | undefined): string {
  return isNumber(value) ? scoreFormatter.format(value) : MISSING
}

const fractionFormatter = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** A proportion or coefficient with two decimals: 0.873 → "0,87", -0.05 → "-0,05". */
export function formatFraction(value: number | null | undefined): string {
  return isNumber(value) ? fractionFormatter.format(value) : MISSING
}

/** `part` as a whole percentage of `total`, "40%" (0% when there is nothing to divide). */
export function formatPercent(part: number, total: number): string {
  return `${formatNumber(total > 0 ? Math.round((part / total) * 100) : 0)}%`
}

const longDateFormatter = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE })

/**
 * A long date as certificates and learners read it: "21 November 2026", on the WIB calendar day
 * (completed at 23:30 UTC shows the next day, as the learner saw it).
 */
export function formatLongDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date')
  return longDateFormatter.format(date)
}

const dateTimeWibFormatter = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
})

/** A moment in WIB: 2026-11-21T07:05Z → "21 November 2026 pukul 14.05 WIB". */
export function formatDateTimeWib(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date')
  const parts = Object.fromEntries(dateTimeWibFormatter.formatToParts(date).map((part) => [part.type, part.value]))
  return `${parts.day} ${parts.month} ${parts.year} pukul ${parts.hour}.${parts.minute} WIB`
}

const shortDateFormatter = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: TIME_ZONE })
const shortDateTimeFormatter = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE })

/** A date in tables, "21 Nov 2026" (WIB); "–" when missing. */
export function formatShortDate(value: Date | null | undefined): string {
  return value ? shortDateFormatter.format(value) : MISSING
}

/** A moment in tables, "21 Nov 2026, 14.05" (WIB); "–" when missing. */
export function formatShortDateTime(value: Date | null | undefined): string {
  return value ? shortDateTimeFormatter.format(value) : MISSING
}

const timeWibFormatter = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE })

/** A time of day in WIB: 2026-11-21T07:05Z → "14.05 WIB" (a deadline later the same day). */
export function formatTimeWib(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date')
  const parts = Object.fromEntries(timeWibFormatter.formatToParts(date).map((part) => [part.type, part.value]))
  return `${parts.hour}.${parts.minute} WIB`
}

const secondsWibFormatter = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
})

/** A logged moment to the second (audit log, settings): "5 Mei 2026 14.03.07 WIB". */
export function formatLoggedMomentWib(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date')
  const parts = Object.fromEntries(secondsWibFormatter.formatToParts(date).map((part) => [part.type, part.value]))
  return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}.${parts.minute}.${parts.second} WIB`
}

/**
 * WIB is UTC+7 all year (Indonesia has had no daylight saving time since 1964), so a fixed
 * offset gives the same calendar day as Intl with `Asia/Jakarta` (a test checks this) at a
 * fraction of the cost — reports compute three dates per row, 100,000 rows.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000

/** True for a Date that holds a real instant. */
export function isValidDate(value: Date | null | undefined): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime())
}

/** The WIB calendar day of `date` as `YYYY-MM-DD` (ISO 8601): what files write. */
export function isoDateWib(date: Date): string {
  if (!isValidDate(date)) throw new RangeError('Invalid date')
  const shifted = new Date(date.getTime() + WIB_OFFSET_MS)
  const year = shifted.getUTCFullYear()
  const month = shifted.getUTCMonth() + 1
  const day = shifted.getUTCDate()
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

/** The calendar year of a moment in WIB (31 December 20:00 UTC is already the next year). */
export function yearWib(date: Date): number {
  if (!isValidDate(date)) throw new RangeError('Invalid date')
  return new Date(date.getTime() + WIB_OFFSET_MS).getUTCFullYear()
}

/**
 * The WIB calendar day of `date` as midnight UTC of that day. Spreadsheet dates have no time
 * zone and exceljs converts a Date with its UTC fields, so this is what makes an XLSX date
 * cell show the day the learner saw.
 */
export function wibDayAsUtcMidnight(date: Date): Date {
  if (!isValidDate(date)) throw new RangeError('Invalid date')
  const shifted = new Date(date.getTime() + WIB_OFFSET_MS)
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()))
}
