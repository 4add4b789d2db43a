import 'server-only'
import { Prisma } from '@/lib/db/create-client'

/**
 * Who exists for anyone reading people (decision 053). A roster import writes its new accounts
 * straight into "user" in short batches, each carrying the import's id in `pendingImportId`; they
 * become visible all at once when the import's one publishing transaction sets
 * `roster_import.publishedAt`, and the flag is cleared in batches afterwards. So a person is
 * visible iff `pendingImportId IS NULL` or their import is published.
 *
 * Every read that lists, counts, finds or picks people by agency, e-mail or NIP applies this
 * rule, in one of the two forms below (the same rule; tests/integration/roster-import-staging
 * holds every such read to it). Reads that start from a person's own session, enrolment,
 * certificate or progress need nothing: a pending account has none of those.
 */
export const VISIBLE_PERSON_WHERE = {
  OR: [{ pendingImportId: null }, { pendingImport: { publishedAt: { not: null } } }],
} satisfies Prisma.UserWhereInput

/** `where` of a user query, with the visibility rule added (AND: keeps the caller's own OR). */
export function visiblePeople(where: Prisma.UserWhereInput = {}): Prisma.UserWhereInput {
  return { AND: [where, VISIBLE_PERSON_WHERE] }
}

/**
 * The rule in SQL, for the row of "user" aliased `alias` (default `u`). After the cleanup (the
 * usual state) the first test decides; only rows of a recent import probe roster_import's key.
 */
export function visiblePersonSql(alias = 'u'): Prisma.Sql {
  if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`bad alias ${alias}`)
  const a = Prisma.raw(`"${alias}"`)
  return Prisma.sql`(${a}."pendingImportId" IS NULL OR EXISTS (SELECT 1 FROM "roster_import" "ri_visible" WHERE "ri_visible"."id" = ${a}."pendingImportId" AND "ri_visible"."publishedAt" IS NOT NULL))`
}
