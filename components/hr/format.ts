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

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : number.format(value)
}

export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–'
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${number.format(Math.abs(value))}`
}
