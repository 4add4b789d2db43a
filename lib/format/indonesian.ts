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

const yearFormatter = new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: TIME_ZONE })

/** The calendar year of a moment in WIB (31 December 20:00 UTC is already the next year). */
export function yearInWib(date: Date): number {
  return Number(yearFormatter.format(date))
}
