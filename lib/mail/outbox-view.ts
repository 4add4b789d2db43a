import { z } from 'zod'

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

const querySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

export type OutboxQuery = { status?: OutboxStatusValue; page: number }

/** ?status=…&halaman=… of /admin/kotak-keluar; anything malformed falls back to the default. */
export function parseOutboxQuery(params: Record<string, string | string[] | undefined>): OutboxQuery {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
  const parsed = querySchema.parse({ status: one(params.status), page: one(params.halaman) ?? 1 })
  return { ...(parsed.status ? { status: parsed.status } : {}), page: parsed.page }
}

export function outboxPageHref(query: OutboxQuery): string {
  const search = new URLSearchParams()
  if (query.status) search.set('status', query.status)
  if (query.page > 1) search.set('halaman', String(query.page))
  const text = search.toString()
  return `/admin/kotak-keluar${text ? `?${text}` : ''}`
}
