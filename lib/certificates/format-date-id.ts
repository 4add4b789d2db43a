/**
 * Indonesian long dates ("21 November 2026") in the Asia/Jakarta time zone
 * (WIB), so a certificate completed at 23:30 UTC shows the next day's date,
 * as the learner saw it.
 */

export const CERTIFICATE_TIME_ZONE = 'Asia/Jakarta'

const longDateFormatter = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: CERTIFICATE_TIME_ZONE,
})

/** `formatDateId(new Date('2026-11-21T03:00:00Z'))` → `"21 November 2026"`. */
export function formatDateId(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date')
  return longDateFormatter.format(date)
}

const numberFormatter = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })

/** Indonesian number: 92.5 → "92,5", 100 → "100". */
export function formatNumberId(value: number): string {
  return numberFormatter.format(value)
}
