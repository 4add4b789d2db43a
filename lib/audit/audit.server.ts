import 'server-only'
import { v7 as timeOrderedUuid } from 'uuid'
import { Prisma, type Db } from '@/lib/db/create-client'
import { databaseProvider, db as defaultDb } from '@/lib/db/db.server'

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

/**
 * The insert of one audit-log entry, not yet run: for a batch `db.$transaction([...])`, or
 * awaited with a transaction client. Tagged SQL rather than `auditLog.create`: entries are
 * written on hot paths (every quiz submission), where Prisma's query builder cost ~0.4 ms more.
 * Ids are UUIDv7: ordered by time like the cuids before them, so new entries append to the
 * primary-key index instead of dirtying a random page of it.
 */
export function auditLogCreate(entry: AuditEntry, client: Db | TransactionClient = defaultDb) {
  return client.$executeRaw`INSERT INTO "audit_log" ("id", "at", "actorId", "action", "agencyId", "targetType", "targetId", "details", "ip")
    VALUES (${timeOrderedUuid()}, ${new Date()}, ${entry.actorId ?? null}, ${entry.action}, ${entry.agencyId ?? null}, ${entry.targetType ?? null},
      ${entry.targetId ?? null}, ${JSON.stringify(entry.details ?? {})}, ${entry.ip ?? null})`
}

/**
 * The insert of one audit-log entry that is written only when `condition` holds (SQL, e.g. that
 * a person is one the officer may see), so that it can go out in the same round as the reads it
 * records instead of after them: on PostgreSQL every round trip of a page waits for a core under
 * load, and the person page's audit after its reads made it the slowest HR page
 * (docs/benchmarks.md). Nothing is written when the condition does not hold.
 */
export function auditLogCreateIf(entry: AuditEntry, condition: Prisma.Sql, client: Db | TransactionClient = defaultDb) {
  // INSERT … SELECT takes its parameters' types from the SELECT, where PostgreSQL reads an
  // untyped parameter as text: the time is cast to the column's type (SQLite stores it as given).
  const at = databaseProvider === 'postgresql' ? Prisma.sql`CAST(${new Date()} AS TIMESTAMP(3))` : Prisma.sql`${new Date()}`
  return client.$executeRaw`INSERT INTO "audit_log" ("id", "at", "actorId", "action", "agencyId", "targetType", "targetId", "details", "ip")
    SELECT ${timeOrderedUuid()}, ${at}, ${entry.actorId ?? null}, ${entry.action}, ${entry.agencyId ?? null}, ${entry.targetType ?? null},
      ${entry.targetId ?? null}, ${JSON.stringify(entry.details ?? {})}, ${entry.ip ?? null}
    WHERE ${condition}`
}
