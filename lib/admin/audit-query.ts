import { z } from 'zod'
import { parseTimeCursor, setCursorParam, type TimeCursor } from '@/lib/paging/time-key'

export const AUDIT_PAGE_SIZE = 50

/** The audit log's cursor: a time key (lib/paging/time-key.ts, decision 065). */
export type AuditCursor = TimeCursor

export type AuditQuery = {
  actionPrefix: string
  agencyId: string
  /** "Sampai tanggal": the page starts at the last entry of that WIB day (only without a cursor). */
  untilDay: string
  cursor: AuditCursor | null
}

/** A calendar day that exists (2026-02-30 does not). */
function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** The audit-log filters as they arrive in the URL; anything odd falls back to "no filter". */
export const auditQuerySchema = z.object({
  aksi: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z0-9._-]*$/i)
    .catch(''),
  instansi: z.string().trim().max(100).catch(''),
  sampai: z.string().trim().refine(isCalendarDay).catch(''),
  sebelum: z.string().trim().max(100).catch(''),
  sesudah: z.string().trim().max(100).catch(''),
})

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? ''
  const parsed = auditQuerySchema.parse({
    aksi: first(params.aksi),
    instansi: first(params.instansi),
    sampai: first(params.sampai),
    sebelum: first(params.sebelum),
    sesudah: first(params.sesudah),
  })
  const cursor = parseTimeCursor(parsed.sebelum, parsed.sesudah)
  return { actionPrefix: parsed.aksi, agencyId: parsed.instansi, untilDay: cursor ? '' : parsed.sampai, cursor }
}

/**
 * Where a page without a cursor starts: after the last moment of the "sampai" day in WIB (an
 * exclusive bound), or nowhere (the newest entry).
 */
export function untilBound(untilDay: string): Date | null {
  return untilDay ? new Date(new Date(`${untilDay}T00:00:00+07:00`).getTime() + 24 * 60 * 60 * 1000) : null
}

/** The URL of the log with the same filters, from a cursor (or from the start). */
export function auditPageHref(query: Pick<AuditQuery, 'actionPrefix' | 'agencyId'>, cursor: AuditCursor | null = null): string {
  const params = new URLSearchParams()
  if (query.actionPrefix) params.set('aksi', query.actionPrefix)
  if (query.agencyId) params.set('instansi', query.agencyId)
  setCursorParam(params, cursor)
  const search = params.toString()
  return search ? `/admin/audit?${search}` : '/admin/audit'
}

/** Stored details (JSON text) pretty-printed; text that is not JSON is shown as it is. */
export function prettyDetails(details: string): string {
  try {
    const value: unknown = JSON.parse(details)
    if (value && typeof value === 'object' && Object.keys(value).length === 0) return ''
    return JSON.stringify(value, null, 2)
  } catch {
    return details
  }
}

