import 'server-only'
import { visiblePersonSql } from '@/lib/hr/visible-people.server'
import { Prisma } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'
import { COUNTED_PERSON_SQL, inUnits } from '@/lib/hr/enrolment-rows.server'
import { certainlyValidEmailSql } from './sql-predicates.server'
import { unreachableReason, type UnreachableReason } from './unreachable'

/** More candidates than this are not read (the page says so): a roster that bad needs an import, not a list. */
export const UNREACHABLE_LIMIT = 5_000

export type UnreachablePerson = {
  id: string
  name: string
  nip: string | null
  email: string
  unitName: string | null
  reason: UnreachableReason
  /** The SMTP server's answer, for a permanent failure. */
  lastError: string | null
  failedAt: Date | null
}

/**
 * The people of the agency (or of a unit scope's units) whom email cannot reach, by name: no
 * address, an address the outbox refuses, or a permanent delivery failure to their current
 * address with nothing delivered to it since (issue 14). People the HR pages count (decision 037),
 * active accounts only. Never throws for bad data: a bad address is a row here, not an error.
 */
export async function listUnreachable(agencyId: string, unitIds: readonly string[] | null, limit = UNREACHABLE_LIMIT): Promise<{ people: UnreachablePerson[]; truncated: boolean }> {
  const failed = Prisma.sql`o."userId" = u."id" AND o."status" = 'failed' AND o."toAddress" = lower(trim(u."email"))
    AND NOT EXISTS (SELECT 1 FROM "outbox_message" s WHERE s."userId" = u."id" AND s."status" = 'sent' AND s."toAddress" = o."toAddress" AND s."sentAt" > o."updatedAt")`
  // Candidates: an address not certainly good (lib/mail/sql-predicates.server.ts: spares reading
  // every good address of a 100,000-person agency), or a failed message; unreachableReason (the
  // outbox's own check) decides each.
  const rows = await db.$queryRaw<
    { id: string; name: string; nip: string | null; email: string | null; unitName: string | null; failedToAddress: string | null; lastError: string | null; failedAt: Date | string | null }[]
  >`
    SELECT u."id", u."name", u."nip", u."email", un."name" AS "unitName",
      (SELECT o."toAddress" FROM "outbox_message" o WHERE ${failed} ORDER BY o."updatedAt" DESC LIMIT 1) AS "failedToAddress",
      (SELECT o."lastError" FROM "outbox_message" o WHERE ${failed} ORDER BY o."updatedAt" DESC LIMIT 1) AS "lastError",
      (SELECT o."updatedAt" FROM "outbox_message" o WHERE ${failed} ORDER BY o."updatedAt" DESC LIMIT 1) AS "failedAt"
    FROM "user" u LEFT JOIN "unit" un ON un."id" = u."unitId"
    WHERE u."agencyId" = ${agencyId} AND u."disabledAt" IS NULL AND ${COUNTED_PERSON_SQL} AND ${visiblePersonSql('u')}
      ${unitIds ? Prisma.sql`AND ${inUnits(Prisma.sql`u."unitId"`, unitIds)}` : Prisma.empty}
      AND (NOT ${certainlyValidEmailSql(databaseProvider, Prisma.sql`u."email"`)}
        OR u."id" IN (SELECT o."userId" FROM "outbox_message" o WHERE o."status" = 'failed' AND o."userId" IS NOT NULL))
    ORDER BY lower(u."name"), u."id"
    LIMIT ${limit + 1}`
  const people: UnreachablePerson[] = []
  for (const row of rows.slice(0, limit)) {
    const reason = unreachableReason({ email: row.email, failedToAddress: row.failedToAddress })
    if (!reason) continue
    people.push({
      id: row.id,
      name: row.name,
      nip: row.nip,
      email: row.email ?? '',
      unitName: row.unitName,
      reason,
      lastError: reason === 'gagal-permanen' ? row.lastError : null,
      failedAt: reason === 'gagal-permanen' && row.failedAt ? new Date(row.failedAt) : null,
    })
  }
  return { people, truncated: rows.length > limit }
}

/** How many people of the agency email cannot reach (the weekly digest's line). */
export async function countUnreachable(agencyId: string): Promise<number> {
  return (await listUnreachable(agencyId, null)).people.length
}
