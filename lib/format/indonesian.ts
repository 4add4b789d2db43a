/**
 * Numbers and moments as learners read them (issue 11): Indonesian decimal comma, one decimal
 * for scores ("33,3", "80,0"), times in WIB (Asia/Jakarta). Pure: usable on any page.
 */

const scoreFormatter = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/** A score on the 0–100 scale, always with one decimal: 33.333 → "33,3", 80 → "80,0". */
export function formatScore(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a number: ${value}`)
  return scoreFormatter.format(value)
}

const dateTimeFormatter = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Jakarta',
})

/** A moment in WIB: 2026-11-21T07:05Z → "21 November 2026 pukul 14.05 WIB". */
export function formatDateTimeWib(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date')
  const parts = Object.fromEntries(dateTimeFormatter.formatToParts(date).map((part) => [part.type, part.value]))
  return `${parts.day} ${parts.month} ${parts.year} pukul ${parts.hour}.${parts.minute} WIB`
}
