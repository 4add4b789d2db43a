import 'server-only'
import type { Db } from '@/lib/db/create-client'
import { db as defaultDb } from '@/lib/db/db.server'

type TransactionClient = Parameters<Parameters<Db['$transaction']>[0]>[0]

export type AuditEntry = {
  action: string
  actorId?: string | null
  agencyId?: string | null
  targetType?: string
  targetId?: string
  details?: Record<string, unknown>
  ip?: string | null
}

/** Writes one audit-log entry; pass the transaction client to make it part of a transaction. */
export async function writeAudit(entry: AuditEntry, client: Db | TransactionClient = defaultDb) {
  await auditLogCreate(entry, client)
}

/** The create of one audit-log entry, not yet run: for a batch `db.$transaction([...])`. */
export function auditLogCreate(entry: AuditEntry, client: Db | TransactionClient = defaultDb) {
  return client.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      agencyId: entry.agencyId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    },
  })
}
