/**
 * Pages of a log read newest first from a key, not an offset (decision 065): a page deep in
 * millions of rows costs what the first one does. The key is a row's time and id; in a URL it is
 * `<milliseconds since 1970>.<id>`, as `?sebelum=` (rows older than it) or `?sesudah=` (newer).
 * Used by the admin's audit log and outbox; each table needs an index on (time, id).
 */

/** A position in the log: a row's time and id (the id orders rows of the same millisecond). */
export type TimeKey = { at: Date; id: string }

/** Rows older than the key (a "Lebih lama" link) or newer than it ("Lebih baru"). */
export type TimeCursor = { direction: 'older' | 'newer'; key: TimeKey }

const KEY = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/

function timeKeyParam(key: TimeKey): string {
  return `${key.at.getTime()}.${key.id}`
}

function parseTimeKey(value: string): TimeKey | null {
  const match = KEY.exec(value)
  if (!match) return null
  const at = new Date(Number(match[1]))
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2]! }
}

/** The cursor of `?sebelum=` (preferred) or `?sesudah=`; null when neither is a key. */
export function parseTimeCursor(olderParam: string, newerParam: string): TimeCursor | null {
  const older = parseTimeKey(olderParam)
  if (older) return { direction: 'older', key: older }
  const newer = parseTimeKey(newerParam)
  return newer ? { direction: 'newer', key: newer } : null
}

/** Sets the cursor's parameter on a page address's query. */
export function setCursorParam(params: URLSearchParams, cursor: TimeCursor | null): void {
  if (cursor) params.set(cursor.direction === 'older' ? 'sebelum' : 'sesudah', timeKeyParam(cursor.key))
}

/**
 * Rows beyond a key in the log's order (time, then id), as a Prisma condition on the time field
 * `field`. The bound on the time alone lets the index on (time, id) start at the key; the second
 * condition settles rows of the same millisecond.
 */
export function beyondTimeKey<F extends string>(field: F, direction: TimeCursor['direction'], key: TimeKey) {
  const on = <V>(value: V) => ({ [field]: value }) as Record<F, V>
  return direction === 'older'
    ? { AND: [on({ lte: key.at }), { OR: [on({ lt: key.at }), { id: { lt: key.id } }] }] }
    : { AND: [on({ gte: key.at }), { OR: [on({ gt: key.at }), { id: { gt: key.id } }] }] }
}

/**
 * One page, newest first, with the cursors of the pages next to it: `older` when there are older
 * rows, `newer` when there are newer ones.
 *
 * - `read(direction, take)`: up to `take` rows from the page's start in that direction (newest
 *   first when older-wards, oldest first when newer-wards).
 * - `anyBeyond(direction, key)`: whether a row lies beyond the key that way.
 * - `startsAtNewest`: the page starts at the newest row (no cursor, no other start), so nothing
 *   is newer.
 */
export async function readNewestFirst<Row>(options: {
  cursor: TimeCursor | null
  pageSize: number
  startsAtNewest: boolean
  keyOf: (row: Row) => TimeKey
  read: (direction: TimeCursor['direction'], take: number) => Promise<Row[]>
  anyBeyond: (direction: TimeCursor['direction'], key: TimeKey) => Promise<boolean>
}): Promise<{ rows: Row[]; newer: TimeCursor | null; older: TimeCursor | null }> {
  const { cursor, pageSize, keyOf, anyBeyond } = options
  const direction = cursor?.direction ?? 'older'
  // One more than a page: whether there is a page beyond this one.
  const read = await options.read(direction, pageSize + 1)
  const more = read.length > pageSize
  const page = read.slice(0, pageSize)
  const rows = direction === 'older' ? page : page.reverse()
  const first = rows[0]
  const last = rows.at(-1)
  // The page read newer-wards knows its newer side from the extra row, older-wards its older side.
  const hasNewer = !!first && (direction === 'newer' ? more : !options.startsAtNewest && (await anyBeyond('newer', keyOf(first))))
  const hasOlder = !!last && (direction === 'older' ? more : await anyBeyond('older', keyOf(last)))
  return {
    rows,
    newer: hasNewer && first ? { direction: 'newer', key: keyOf(first) } : null,
    older: hasOlder && last ? { direction: 'older', key: keyOf(last) } : null,
  }
}
