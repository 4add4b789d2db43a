import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { countEnrolmentRows, enrolmentRowsPage, rowsPageStatementForTest, type RowFilter } from '@/lib/hr/enrolment-rows.server'
import { providerUnderTest } from '../setup/test-databases'
import { seedAgencies, uniqueNip } from './helpers'

// The people list at a ministry's scale (decision 027): its page walks the expression index
// ("agencyId", LOWER("name"), "id", …) in key order and stops after a page, instead of sorting the
// agency's 100,000 people for every page; the index comes from a raw-SQL migration.

let agencyId: string
const now = new Date()

beforeAll(async () => {
  const { agency } = await seedAgencies()
  agencyId = agency.id
  const names = ['zaki', 'Ayu', 'budi', 'Citra', 'dewi', 'Eka']
  for (const [i, name] of names.entries()) {
    await db.user.create({ data: { id: randomUUID(), name, email: `idx${i}@contoh.go.id`, nip: uniqueNip(), agencyId, role: 'learner' } })
  }
})

/** The plan of a statement as text (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN). */
async function plan(statement: Prisma.Sql): Promise<string> {
  if (providerUnderTest() === 'sqlite') {
    // Rows with parent 0 are the statement itself; the others are inside its subqueries.
    const rows = await db.$queryRaw<{ parent: number | bigint; detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${statement}`)
    return rows.map((row) => `${Number(row.parent) === 0 ? 'TOP ' : '    '}${row.detail}`).join('\n')
  }
  // A test table has a handful of rows, where a sequential scan and a sort are cheapest; with
  // both priced out the planner shows whether an index CAN give the order.
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off')
    await tx.$executeRawUnsafe('SET LOCAL enable_sort = off')
    const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${statement}`)
    return rows.map((row) => row['QUERY PLAN']).join('\n')
  })
}

describe('the HR read model at scale: indexes', () => {
  it('pages the people list along the (agency, lower-cased name, id) index, without sorting', async () => {
    const filter: RowFilter = { agencyId, view: 'people', now }
    const first = await enrolmentRowsPage(filter, { limit: 3 })
    // The key order is the database's LOWER(name), then id.
    expect(first.map((row) => row.person.name)).toEqual(['Ayu', 'budi', 'Citra'])
    for (const page of [{ limit: 26 }, { after: first.at(-1)!.key, limit: 26 }, { before: first.at(-1)!.key, limit: 26 }]) {
      const text = await plan(rowsPageStatementForTest(filter, page))
      expect(text, text).toContain('user_agencyId_lower_name_id_idx')
      if (providerUnderTest() === 'sqlite') expect(text, text).not.toMatch(/^TOP USE TEMP B-TREE FOR ORDER BY/m)
      // Limit, then the node under it: a Sort there would be the statement's own ORDER BY (sorts
      // further down belong to subqueries).
      else expect(text.split('\n')[1], text).not.toMatch(/Sort/)
    }
  })

  it('counts the people list from the index alone on SQLite (it covers role and NIP)', async () => {
    expect(await countEnrolmentRows({ agencyId, view: 'people', now })).toBe(6)
    if (providerUnderTest() !== 'sqlite') return
    const text = await plan(
      Prisma.sql`SELECT COUNT(*) FROM "user" u WHERE u."agencyId" = ${agencyId} AND (CAST(u."role" AS TEXT) = 'learner' OR u."nip" IS NOT NULL)`,
    )
    // Either index of the agency's people covers it; SQLite picks the narrower one.
    expect(text, text).toMatch(/USING COVERING INDEX user_agencyId_(lower_name_id|enrolledInAgency_role_nip)_idx/)
  })

  it('counts "belum ditugaskan" from an index range of the kept flag (decision 033), not a probe per person', async () => {
    // The six people of beforeAll are in no cohort.
    expect(await countEnrolmentRows({ agencyId, view: 'people', status: 'belum-ditugaskan', now })).toBe(6)
    if (providerUnderTest() !== 'sqlite') return
    const text = await plan(
      Prisma.sql`SELECT COUNT(*) FROM "user" u WHERE u."agencyId" = ${agencyId} AND (CAST(u."role" AS TEXT) = 'learner' OR u."nip" IS NOT NULL) AND u."enrolledInAgency" = FALSE`,
    )
    expect(text, text).toContain('COVERING INDEX user_agencyId_enrolledInAgency_role_nip_idx (agencyId=? AND enrolledInAgency=?)')
  })
})
