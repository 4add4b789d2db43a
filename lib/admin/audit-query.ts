import { z } from 'zod'

export const AUDIT_PAGE_SIZE = 50

/** The audit-log filters as they arrive in the URL; anything odd falls back to "no filter". */
export const auditQuerySchema = z.object({
  aksi: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z0-9._-]*$/i)
    .catch(''),
  instansi: z.string().trim().max(100).catch(''),
  halaman: z.coerce.number().int().min(1).max(100_000).catch(1),
})

export type AuditQuery = { actionPrefix: string; agencyId: string; page: number }

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? ''
  const parsed = auditQuerySchema.parse({ aksi: first(params.aksi), instansi: first(params.instansi), halaman: first(params.halaman) || 1 })
  return { actionPrefix: parsed.aksi, agencyId: parsed.instansi, page: parsed.halaman }
}

/** The URL of one page of the log with the same filters. */
export function auditPageHref(query: AuditQuery, page: number): string {
  const params = new URLSearchParams()
  if (query.actionPrefix) params.set('aksi', query.actionPrefix)
  if (query.agencyId) params.set('instansi', query.agencyId)
  if (page > 1) params.set('halaman', String(page))
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

