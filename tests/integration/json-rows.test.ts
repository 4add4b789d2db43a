import { describe, expect, it } from 'vitest'
import { Prisma } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'
import { jsonRecordsTable, jsonValuesList } from '@/lib/db/json-rows.server'

// Text a roster really holds: apostrophes, quotes, backslashes, non-Latin letters, emoji, and
// text that looks like JSON or SQL.
const TRICKY = ["Ni Luh Putu Ayu'", 'Andi "Ucok" Siregar', 'C:\\berkas\\daftar', 'Đặng Thị Hương', 'Sri 😀 Wahyuni', '{"a":1}', "'); DROP TABLE \"user\";--", '']

describe('rows and values as one JSON parameter (decision 058)', () => {
  it(`jsonRecordsTable gives back every row and column, in order, typed (${databaseProvider})`, async () => {
    const rows = TRICKY.map((name, i) => ({ seq: i * 1000 - 3, name, unit: i % 3 === 0 ? null : `unit-${i}`, kind: (['PNS', 'CPNS', 'PPPK'] as const)[i % 3]! }))
    const back = await db.$queryRaw<{ seq: number | bigint; name: string; unit: string | null; kind: string; doubled: number | bigint }[]>`
      SELECT r."seq", r."name", r."unit", r."kind", r."seq" * 2 AS "doubled"
      FROM ${jsonRecordsTable(rows, { seq: 'integer', name: 'text', unit: 'text', kind: '"EmploymentType"' }, 'r')}`
    expect(back.map((row) => ({ ...row, seq: Number(row.seq), doubled: Number(row.doubled) }))).toEqual(rows.map((row) => ({ ...row, doubled: row.seq * 2 })))
  })

  it('jsonRecordsTable of no rows is an empty table; a bad alias or column name is refused', async () => {
    expect(await db.$queryRaw`SELECT r."id" FROM ${jsonRecordsTable([], { id: 'text' }, 'r')}`).toEqual([])
    expect(() => jsonRecordsTable([{ id: 'x' }], { id: 'text' }, 'r" ; --')).toThrow(/bad column or alias/)
    expect(() => jsonRecordsTable([{ 'a"b': 'x' }], { 'a"b': 'text' }, 'r')).toThrow(/bad column or alias/)
  })

  it('jsonValuesList matches exactly the listed values (IN) and lists them (FROM)', async () => {
    const listed = await db.$queryRaw<{ value: string }[]>(Prisma.sql`SELECT v."value" FROM ${jsonValuesList(TRICKY)} AS v`)
    expect(listed.map((row) => row.value).sort()).toEqual([...TRICKY].sort())
    const picked = await db.$queryRaw<{ name: string }[]>`
      SELECT r."name" FROM ${jsonRecordsTable(TRICKY.map((name) => ({ name })), { name: 'text' }, 'r')}
      WHERE r."name" IN ${jsonValuesList([TRICKY[1]!, TRICKY[4]!, 'not there', TRICKY[1]!.toUpperCase()])}`
    expect(picked.map((row) => row.name).sort()).toEqual([TRICKY[1], TRICKY[4]].sort())
  })
})
