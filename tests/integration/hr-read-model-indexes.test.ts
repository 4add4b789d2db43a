import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import {
  countEnrolmentRows,
  countStatementForTest,
  enrolmentRows,
  enrolmentRowsPage,
  enrolmentRowsPageAndTotal,
  rowsPageStatementForTest,
  type RowFilter,
} from '@/lib/hr/enrolment-rows.server'
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
    await db.user.create({ data: { id: randomUUID(), name, email: `idx${i}@contoh.go.id`, nip: uniqueNip(), agencyId } })
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

  it('starts a page after (or before) a key at that key in the index, so page 3,800 costs what page 1 does', async () => {
    const filter: RowFilter = { agencyId, view: 'people', now }
    const [key] = (await enrolmentRowsPage(filter, { limit: 2 })).slice(-1).map((row) => row.key)
    for (const [page, bound] of [[{ after: key!, limit: 26 }, '>'], [{ before: key!, limit: 26 }, '<']] as const) {
      const text = await plan(rowsPageStatementForTest(filter, page))
      // Walked from the start of the agency and filtered instead, a page after 95,000 people read
      // them all (~100 ms on PostgreSQL, ~18 ms on SQLite at 100,000 people).
      if (providerUnderTest() === 'sqlite') expect(text, text).toContain(`user_agencyId_lower_name_id_idx (agencyId=? AND <expr>${bound}?)`)
      else expect(text, text).toMatch(new RegExp(`Index Cond: .*ROW\\(lower\\(name\\), id\\) ${bound} ROW`))
    }
  })

  it('counts a whole agency from an index alone: SQLite a covering index, PostgreSQL the partial index of counted people (decision 039)', async () => {
    expect(await countEnrolmentRows({ agencyId, view: 'people', now })).toBe(6)
    const text = await plan(countStatementForTest({ agencyId, view: 'people', now }))
    // Either covering index of the agency's people (decision 027); PostgreSQL: an index-only scan
    // of the narrow partial index (it read the whole table: ~200 ms at 100,000 people).
    if (providerUnderTest() === 'sqlite') expect(text, text).toMatch(/USING COVERING INDEX user_agencyId_(lower_name_id|unassigned)_idx/)
    else expect(text, text).toMatch(/Index Only Scan using user_counted_agency_idx/)
  })

  it('counts "belum ditugaskan" from an index range of the kept flag (decision 033), not a probe per person', async () => {
    // The six people of beforeAll are in no cohort.
    expect(await countEnrolmentRows({ agencyId, view: 'people', status: 'belum-ditugaskan', now })).toBe(6)
    if (providerUnderTest() !== 'sqlite') return
    // The statement itself, the visibility rule of decision 053 included: its column is in the
    // index too, so the index still covers the count.
    const text = await plan(countStatementForTest({ agencyId, view: 'people', status: 'belum-ditugaskan', now }))
    expect(text, text).toContain('COVERING INDEX user_agencyId_unassigned_idx (agencyId=? AND enrolledInAgency=?)')
  })
})

// The people list's search (decision 030): an index serves it (SQLite FTS5 trigrams, PostgreSQL
// pg_trgm), with exactly the rows of the plain definition below - today's, frozen here as the
// oracle: name or email as a substring of the lower-cased text (LIKE with %, _ and \ escaped),
// or, when the search is digits (spaces aside), digits inside the NIP.
describe('the HR read model at scale: the name search', () => {
  let searchAgencyId: string
  let elsewhereAgencyId: string
  const ids: Record<string, string> = {}
  const nips: Record<string, string> = {}

  async function plainIds(raw: string): Promise<string[]> {
    const search = raw.trim().toLowerCase()
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const digits = search.replace(/\s+/g, '')
    const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT u."id" FROM "user" u
      WHERE u."agencyId" = ${searchAgencyId} AND (u."nip" IS NOT NULL OR u."identityStatus" = 'rejected')
        AND (LOWER(u."name") LIKE ${pattern} ESCAPE '\\' OR LOWER(u."email") LIKE ${pattern} ESCAPE '\\'
          ${/^\d+$/.test(digits) ? Prisma.sql`OR u."nip" LIKE ${`%${digits}%`}` : Prisma.empty})
      ORDER BY LOWER(u."name"), u."id"`)
    return rows.map((row) => row.id)
  }

  /** The read model's rows for a search, paged three at a time (keyset paging with the search), and its count. */
  async function searched(search: string): Promise<{ ids: string[]; count: number }> {
    const filter: RowFilter = { agencyId: searchAgencyId, view: 'people', search, now }
    const found: string[] = []
    for await (const row of enrolmentRows(filter, 3)) found.push(row.person.id)
    return { ids: found, count: await countEnrolmentRows(filter) }
  }

  beforeAll(async () => {
    const tag = randomUUID().slice(0, 8)
    searchAgencyId = (await db.agency.create({ data: { code: `CARI-${tag}`, name: `Instansi Cari ${tag}` } })).id
    elsewhereAgencyId = (await db.agency.create({ data: { code: `LAIN-${tag}`, name: `Instansi Lain ${tag}` } })).id
    const people: [key: string, name: string, email: string, extra?: { hr?: true; nip?: null; agencyId?: string }][] = [
      ['rahma', 'Siti Rahmawati', 'siti.rahma@contoh.go.id'],
      ['wijaya', 'SITI WIJAYA, S.Sos.', 'wijaya@contoh.go.id'],
      ['elodie', 'Dr. Élodie Ñúñez', 'elodie@contoh.go.id'],
      ['eka', 'ÉKA PRATAMA', 'eka.pratama@contoh.go.id'],
      ['caglar', 'ÇAĞLAR Öztürk', 'caglar@contoh.go.id'],
      ['indah', 'İNDAH Permata', 'indah@contoh.go.id'],
      ['persen', 'Persen 100% Ayu', 'persen@contoh.go.id'],
      ['garis', 'Garis_Bawah Budi', 'garis_bawah@contoh.go.id'],
      ['ucok', 'Andi "Ucok" Siregar', 'andi@contoh.go.id'],
      ['miring', 'Ayu \\ Miring', 'miring@contoh.go.id'],
      ['budi', 'Budi Santoso', 'budi.s@contoh.go.id'],
      ['dewi', 'Dewi Lestari', 'dewi@contoh.go.id'],
      ['yohanes', 'Yohanes Pindah', 'yohanes@contoh.go.id'],
      ['hadi', 'Hadi Staf SDM', 'hadi.sdm@contoh.go.id', { hr: true, nip: null }],
      ['hana', 'Hana Staf SDM Ber-NIP', 'hana.sdm@contoh.go.id', { hr: true }],
      ['lain', 'Siti Lain Instansi', 'siti.lain@contoh.go.id', { agencyId: elsewhereAgencyId }],
    ]
    for (const [key, name, email, extra] of people) {
      const nip = extra?.nip === null ? null : uniqueNip()
      const user = await db.user.create({
        data: { id: randomUUID(), name, email: `${tag}.${email}`, nip, agencyId: extra?.agencyId ?? searchAgencyId,
          ...(extra?.hr ? { grants: { create: { capability: 'hr' as const, agencyId: searchAgencyId, scopeKey: searchAgencyId } } } : {}) },
      })
      ids[key] = user.id
      if (nip) nips[key] = nip
    }
    // After creation: a name and email corrected (through Prisma, and through raw SQL as the
    // roster import writes), a NIP released (a rejected claim), a person deleted, one moved away.
    await db.user.update({ where: { id: ids.rahma }, data: { name: 'Siti Nurhaliza', email: `${tag}.siti.nur@contoh.go.id` } })
    await db.$executeRaw(Prisma.sql`UPDATE "user" SET "name" = ${'Eka Pratama Putri'} WHERE "id" = ${ids.eka}`)
    await db.user.update({ where: { id: ids.budi }, data: { nip: null, rejectedNip: nips.budi, identityStatus: 'rejected' } })
    await db.user.delete({ where: { id: ids.dewi } })
    await db.user.update({ where: { id: ids.yohanes }, data: { agencyId: elsewhereAgencyId } })
  })

  it('returns exactly the plain definition’s rows and count, in key order, for every kind of search', async () => {
    const queries = [
      ...['a', 'si', 'SI', 'sit', 'siti', '  SITI  ', 'siti wijaya', 'wijaya, s.sos.', 'rahma', 'nurhaliza', 'siti.nur', 'pratama', 'pratama putri'],
      ...['élodie', 'ÉLODIE', 'elodie', 'ñúñez', 'éka', 'ÉKA', 'eka', 'çağlar', 'ÇAĞLAR', 'öztürk', 'İNDAH', 'indah'],
      ...['%', '100%', '0% a', '_', 's_b', 'si_i', 'garis_bawah', '"', '"ucok"', 'ucok', '\\', 'u \\ m', '*', 'ayu OR budi'],
      ...['contoh', '@contoh.go', 'budi', 'dewi', 'lestari', 'yohanes', 'hadi', 'hana', 'staf sdm', 'lain instansi', 'zzqx'],
      ...['1990', '19', '199 00', '1990 0101', nips.wijaya!, nips.wijaya!.slice(6, 15), nips.wijaya!.slice(-3), nips.budi!, nips.hana!],
    ]
    for (const query of queries) {
      const expected = await plainIds(query)
      const actual = await searched(query)
      expect(actual.ids, JSON.stringify(query)).toEqual(expected)
      expect(actual.count, JSON.stringify(query)).toBe(expected.length)
    }
    // The oracle itself is not empty-handed: the changes after creation show.
    const name = async (query: string) => (await searched(query)).ids
    expect(await name('nurhaliza')).toEqual([ids.rahma])
    expect(await name('siti.nur')).toEqual([ids.rahma])
    expect(await name('rahma')).toEqual([])
    expect(await name('pratama putri')).toEqual([ids.eka])
    expect(await name(nips.budi!)).toEqual([])
    expect(await name('lestari')).toEqual([])
    expect(await name('yohanes')).toEqual([])
    expect(await name('lain instansi')).toEqual([])
    expect(await name('hadi')).toEqual([])
    expect(await name('hana')).toEqual([ids.hana])
    expect(await name('si_i')).toEqual([])
    expect(await name('s_b')).toEqual([ids.garis])
    expect(await name('100%')).toEqual([ids.persen])
    expect(await name('"ucok"')).toEqual([ids.ucok])
    expect(await name('u \\ m')).toEqual([ids.miring])
    expect(await name(nips.wijaya!)).toEqual([ids.wijaya])
    expect((await name('siti')).sort()).toEqual([ids.rahma, ids.wijaya].sort())
    expect((await name('budi')).sort()).toEqual([ids.garis, ids.budi].sort())
  })

  it('is served by the search index: SQLite’s FTS5 trigram table, PostgreSQL’s trigram GIN indexes', async () => {
    const filter = (search: string): RowFilter => ({ agencyId: searchAgencyId, view: 'people', search, now })
    if (providerUnderTest() === 'sqlite') {
      for (const search of ['siti wijaya', 'élodie', nips.wijaya!]) {
        // The count starts from the search index's candidates and looks each up by rowid.
        const count = await plan(countStatementForTest(filter(search)))
        expect(count, count).toMatch(/^TOP SEARCH u USING INTEGER PRIMARY KEY \(rowid=\?\)/m)
        expect(count, count).toMatch(/SCAN user_search VIRTUAL TABLE INDEX \d+:M/)
        // The page is sorted out of the same candidates (decisions 057 and 062), not found by a
        // walk of the agency's (agency, lower-cased name, id) index.
        const page = await plan(rowsPageStatementForTest(filter(search), { limit: 26 }))
        expect(page, page).toContain('MATERIALIZE matched')
        expect(page, page).toMatch(/SCAN user_search VIRTUAL TABLE INDEX \d+:M/)
        expect(page, page).not.toContain('user_agencyId_lower_name_id_idx')
      }
      // Under three characters trigrams cannot help: the plain condition alone (still correct, above).
      expect(await plan(countStatementForTest(filter('si')))).not.toContain('user_search')
    }
    // The agency at the size where the search index matters: 20,000 people more. They have a
    // NIP, as an agency's people do: people without one are not counted, and the partial index of
    // the counted people (decision 039) would be the cheapest way to the few.
    const tagDigits = String(Math.floor(Math.random() * 1e8)).padStart(8, '0')
    const fillers = Array.from({ length: 20_000 }, (_, i) => i + 1)
    for (let from = 0; from < fillers.length; from += 2_000) {
      await db.user.createMany({
        data: fillers.slice(from, from + 2_000).map((g) => ({
          id: `${searchAgencyId}-${g}`,
          name: `Pengisi ${g}`,
          email: `pengisi${g}.${searchAgencyId}@contoh.go.id`,
          agencyId: searchAgencyId,
          nip: `8${String(g).padStart(9, '0')}${tagDigits}`,
        })),
      })
    }
    if (providerUnderTest() === 'sqlite') {
      // The triggers kept the index equal to the table through every change above (this
      // command fails when an entry of the index does not match the row's text).
      await db.$executeRawUnsafe(`INSERT INTO "user_search" ("user_search", "rank") VALUES ('integrity-check', 1)`)
    } else {
      // PostgreSQL's planner weighs the indexes by the table's statistics: with a handful of
      // people (or a few thousand) the agency's own index wins. VACUUM also moves the new entries
      // out of the GIN indexes' pending lists, as autovacuum would.
      await db.$executeRawUnsafe('VACUUM ANALYZE "user"')
      const byText = await plan(countStatementForTest(filter('siti wijaya')))
      expect(byText, byText).toContain('user_lower_name_trgm_idx')
      expect(byText, byText).toContain('user_lower_email_trgm_idx')
      const byDigits = await plan(countStatementForTest(filter(nips.wijaya!)))
      expect(byDigits, byDigits).toContain('user_nip_trgm_idx')
    }

    // The people list's page of a search and its total (decisions 057 and 062): sorted out of
    // the matches, in one statement, on both providers. The plain definition's rows, page after page, forwards and
    // back, with the count beside them. At 20,000 "Pengisi <n>" people:
    //   'pengisi 1'    11,111 matches from the start of the name index;
    //   'contoh'       everyone (the e-mail domain);
    //   'pengisi 19'   1,111 matches, all ~10,000 people along the index;
    //   'siti'         two, at the very end;
    //   'pengisi 1999' eleven, one short page;
    //   '1000'         names and NIPs with those digits;
    //   'zzqx'         nobody.
    const pageSize = 26
    for (const query of ['pengisi 1', 'contoh', 'pengisi 19', 'siti', 'pengisi 1999', '1000', 'zzqx']) {
      const expected = await plainIds(query)
      const ids = (rows: { person: { id: string } }[]) => rows.map((row) => row.person.id)
      const first = await enrolmentRowsPageAndTotal(filter(query), { limit: pageSize })
      expect(ids(first.rows), query).toEqual(expected.slice(0, pageSize))
      expect(first.total, query).toBe(expected.length)
      expect(ids(await enrolmentRowsPage(filter(query), { limit: pageSize })), query).toEqual(expected.slice(0, pageSize))
      if (expected.length <= pageSize) continue
      const second = await enrolmentRowsPageAndTotal(filter(query), { after: first.rows.at(-1)!.key, limit: pageSize })
      expect(ids(second.rows), query).toEqual(expected.slice(pageSize, 2 * pageSize))
      expect(second.total, query).toBe(expected.length)
      const back = await enrolmentRowsPageAndTotal(filter(query), { before: second.rows[0]!.key, limit: pageSize })
      expect(ids(back.rows), query).toEqual(expected.slice(0, pageSize))
      // After the last match (a stale link): no rows, and still the total.
      // The key as the page's link carries it: the name lower-cased by the database (SQLite's
      // LOWER folds ASCII only).
      const [last] = await db.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`SELECT u."id", LOWER(u."name") AS "name" FROM "user" u WHERE u."id" = ${expected.at(-1)!}`)
      const past = await enrolmentRowsPageAndTotal(filter(query), { after: last!, limit: pageSize })
      expect([past.rows.length, past.total], query).toEqual([0, expected.length])
    }
    expect((await plainIds('pengisi 19')).length).toBe(1111)
    // The matches come from the trigram indexes, not from a walk of the agency's people.
    const clustered = await plan(rowsPageStatementForTest(filter('pengisi 19'), { limit: pageSize }))
    expect(clustered, clustered).toContain(providerUnderTest() === 'sqlite' ? 'user_search' : 'user_lower_name_trgm_idx')
    expect(clustered, clustered).not.toContain('user_agencyId_lower_name_id_idx')
  })
})
