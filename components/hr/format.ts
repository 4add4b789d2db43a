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

/** Time on task for HR: "0 mnt", "42 mnt", "1 j 05 mnt" (rounded to whole minutes). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–'
  const minutes = Math.round(Math.max(0, seconds) / 60)
  if (minutes < 60) return `${minutes} mnt`
  return `${Math.floor(minutes / 60)} j ${String(minutes % 60).padStart(2, '0')} mnt`
}
