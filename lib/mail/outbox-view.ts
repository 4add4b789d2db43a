import { z } from 'zod'
import { formatNumber } from '@/lib/format/indonesian'
import { parseTimeCursor, setCursorParam, type TimeCursor } from '@/lib/paging/time-key'

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'expired'] as const
export type OutboxStatusValue = (typeof OUTBOX_STATUSES)[number]

/** How the admin reads each status. */
export const OUTBOX_STATUS_LABELS: Record<OutboxStatusValue, string> = {
  pending: 'Menunggu',
  sent: 'Terkirim',
  failed: 'Gagal',
  expired: 'Kedaluwarsa',
}

export const OUTBOX_PAGE_SIZE = 50

/**
 * Counts per status stop here (decision 068): the exact counts of a million messages cost ~0.2 s
 * per page view, more the more there are; past this the admin reads "lebih dari 10.000".
 */
export const OUTBOX_COUNT_LIMIT = 10_000

/** A status count read up to OUTBOX_COUNT_LIMIT: `capped` when there are more. */
export type BoundedCount = { n: number; capped: boolean }

/** The outbox's status filter and the page's cursor (lib/paging/time-key.ts), from the URL. */
export type OutboxQuery = { status?: OutboxStatusValue; cursor: TimeCursor | null }

const querySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  sebelum: z.string().trim().max(100).catch(''),
  sesudah: z.string().trim().max(100).catch(''),
})

/**
 * ?status=…&sebelum=…|sesudah=… of /admin/kotak-keluar; anything malformed falls back to the
 * default (an old `?halaman=` link shows the newest page).
 */
export function parseOutboxQuery(params: Record<string, string | string[] | undefined>): OutboxQuery {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? ''
  const parsed = querySchema.parse({ status: one(params.status) || undefined, sebelum: one(params.sebelum), sesudah: one(params.sesudah) })
  return { ...(parsed.status ? { status: parsed.status } : {}), cursor: parseTimeCursor(parsed.sebelum, parsed.sesudah) }
}

/** The outbox with the same status filter, from a cursor (or from the newest message). */
export function outboxPageHref(query: Pick<OutboxQuery, 'status'>, cursor: TimeCursor | null = null): string {
  const search = new URLSearchParams()
  if (query.status) search.set('status', query.status)
  setCursorParam(search, cursor)
  const text = search.toString()
  return `/admin/kotak-keluar${text ? `?${text}` : ''}`
}

/** The sum of bounded counts: capped when any of them is. */
export function sumBoundedCounts(counts: readonly BoundedCount[]): BoundedCount {
  return { n: counts.reduce((sum, count) => sum + count.n, 0), capped: counts.some((count) => count.capped) }
}

/** "1.234", or "lebih dari 10.000" past the limit. */
export function formatBoundedCount(count: BoundedCount): string {
  return count.capped ? `lebih dari ${formatNumber(count.n)}` : formatNumber(count.n)
}
