import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Prisma } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'

// Decision 057, PostgreSQL's settings for this app's statements.
//
// The app's connections run without JIT compilation: every statement is short, and the
// estimate that decides on compiling counts branches that never run (the people list's search
// compiled for 120 ms to run for 6).
describe.skipIf(databaseProvider !== 'postgresql')('the app’s PostgreSQL connections', () => {
  it('do not JIT-compile statements', async () => {
    const [setting] = await db.$queryRaw<{ jit: string }[]>`SELECT current_setting('jit') AS "jit"`
    expect(setting!.jit).toBe('off')
  })
})

// The kept counts (enrolment_count, agency_headcount) are updated again by every
// write of an enrolment or a person. On PostgreSQL their pages keep room for those updates
// (fillfactor 25), so a new version stays on its page and the dead ones are pruned there: the
// tables keep their size instead of growing with every round of updates until VACUUM (which
// frees the space but does not give it back: the dashboard read 44 MB for 2,011 rows).
describe.skipIf(databaseProvider !== 'postgresql')('the kept counts keep their size under updates (PostgreSQL)', () => {
  it('leaves room on every page of both tables', async () => {
    const rows = await db.$queryRaw<{ relname: string; reloptions: string[] | null }[]>`
      SELECT CAST(c."relname" AS TEXT) AS "relname", CAST(c."reloptions" AS TEXT[]) AS "reloptions" FROM pg_class c
      WHERE c."relname" IN ('enrolment_count', 'agency_headcount') AND c."relnamespace" = CAST(current_schema() AS regnamespace)
      ORDER BY c."relname"`
    expect(rows.map((row) => [row.relname, row.reloptions])).toEqual([
      ['agency_headcount', ['fillfactor=25']],
      ['enrolment_count', ['fillfactor=25']],
    ])
  })

  it('does not grow when each count is updated again and again', async () => {
    // 3,000 counts of a scratch agency (no foreign key: the counts are plain keyed rows), each
    // then updated five times, one statement per round, as the triggers' upserts do.
    const agencyId = `kept-size-${randomUUID()}`
    const pages = async () =>
      Number((await db.$queryRaw<{ pages: bigint }[]>`SELECT pg_relation_size('"agency_headcount"') / current_setting('block_size')::int AS "pages"`)[0]!.pages)
    try {
      await db.$executeRaw`
        INSERT INTO "agency_headcount" ("agencyId", "unitId", "identityStatus", "enrolled", "n")
        SELECT ${agencyId}, 'unit-' || g, 'claimed', FALSE, 1 FROM generate_series(1, 3000) g`
      const before = await pages()
      for (let round = 0; round < 5; round++) {
        await db.$executeRaw(Prisma.sql`UPDATE "agency_headcount" SET "n" = "n" + 1 WHERE "agencyId" = ${agencyId}`)
      }
      const after = await pages()
      // At the default fillfactor every round moves all 3,000 rows to new pages (six times the
      // pages after five rounds); here they stay where they are.
      expect(after, `${before} pages before, ${after} after`).toBeLessThanOrEqual(Math.ceil(before * 1.2))
      const [sum] = await db.$queryRaw<{ n: bigint }[]>`SELECT SUM("n") AS "n" FROM "agency_headcount" WHERE "agencyId" = ${agencyId}`
      expect(Number(sum!.n)).toBe(3000 * 6)
    } finally {
      await db.$executeRaw`DELETE FROM "agency_headcount" WHERE "agencyId" = ${agencyId}`
    }
  })
})
