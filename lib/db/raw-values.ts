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

/**
 * A date inside a JSON value from the database (lib/db/json-rows' jsonArrayOf): ISO text, with
 * its zone from SQLite (stored so) and without one from PostgreSQL's `timestamp(3)` columns, which
 * hold UTC. Read without a zone, JavaScript would take it as the server's local time.
 */
export function jsonDate(value: string): Date
export function jsonDate(value: string | null | undefined): Date | null
export function jsonDate(value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`)
}
