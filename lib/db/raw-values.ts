/**
 * Values of raw query results in one shape: SQLite returns a DateTime column as ISO text and
 * PostgreSQL as a Date; counts come as BigInt (or text) from either.
 */
export type RawDate = Date | string

export function asDate(value: RawDate): Date
export function asDate(value: RawDate | null | undefined): Date | null
export function asDate(value: RawDate | null | undefined): Date | null {
  return value === null || value === undefined ? null : value instanceof Date ? value : new Date(value)
}

export function asNumber(value: number | bigint | string): number
export function asNumber(value: number | bigint | string | null | undefined): number | null
export function asNumber(value: number | bigint | string | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value)
}
