import 'server-only'
import { Prisma } from './create-client'
import { databaseProvider } from './db.server'

/**
 * Many rows or values as ONE statement parameter: a JSON array the database unpacks, for the bulk
 * statements that run while other requests wait (a roster import's batches and lookups).
 *
 * Why: the Prisma client's work on a raw statement grows with its parameters and runs on the event
 * loop. An insert of 100 rows as 1,400 parameters took 5-12 ms of the process's CPU; the same rows
 * as one JSON parameter 1.8 ms (PostgreSQL, median of 30; decision 058). On SQLite the driver is
 * synchronous anyway, on PostgreSQL that CPU was most of an import's staging phase, and every
 * learner request in between waited behind it.
 *
 * The column types name what PostgreSQL gives the values (SQLite ignores them); enum columns take
 * their enum type, so the value goes into the enum column as it does from a typed parameter.
 */
export type JsonColumnType = 'text' | 'integer' | '"EmploymentType"'

const NAME = /^[A-Za-z][A-Za-z0-9]*$/

function identifier(name: string): Prisma.Sql {
  if (!NAME.test(name)) throw new Error(`bad column or alias name ${name}`)
  return Prisma.raw(`"${name}"`)
}

/**
 * `rows` as a table aliased `alias`, with one column per key of `columns`: use after FROM, e.g.
 * `INSERT INTO "t" ("a", "b") SELECT r."a", ${fixed} FROM ${jsonRecordsTable(rows, { a: 'text' }, 'r')}`.
 * The rows come out in the array's order.
 */
export function jsonRecordsTable<Column extends string>(
  rows: readonly Readonly<Record<Column, string | number | null>>[],
  columns: Readonly<Record<Column, JsonColumnType>>,
  alias: string,
): Prisma.Sql {
  const names = Object.keys(columns) as Column[]
  const json = JSON.stringify(rows.map((row) => names.map((name) => row[name])))
  const table = identifier(alias)
  if (databaseProvider === 'postgresql') {
    // json_to_recordset would need objects; arrays of values are shorter and keyed by position.
    const picks = names.map((name, i) => Prisma.sql`("value"->>${Prisma.raw(String(i))})::${Prisma.raw(columns[name])} AS ${identifier(name)}`)
    return Prisma.sql`(SELECT ${Prisma.join(picks)} FROM json_array_elements(${json}::json) WITH ORDINALITY AS "e"("value", "n") ORDER BY "n") AS ${table}`
  }
  const picks = names.map((name, i) => Prisma.sql`json_extract("value", ${Prisma.raw(`'$[${i}]'`)}) AS ${identifier(name)}`)
  return Prisma.sql`(SELECT ${Prisma.join(picks)} FROM json_each(${json}) ORDER BY "key") AS ${table}`
}

/**
 * `values` as a subquery of one column, "value": `"nip" IN ${jsonValuesList(nips)}`, or
 * `SELECT v."value" FROM ${jsonValuesList(ids)} AS v`.
 */
export function jsonValuesList(values: readonly string[]): Prisma.Sql {
  const json = JSON.stringify(values)
  if (databaseProvider === 'postgresql') return Prisma.sql`(SELECT "value" FROM json_array_elements_text(${json}::json) AS "e"("value"))`
  return Prisma.sql`(SELECT "value" FROM json_each(${json}))`
}

/**
 * The rows of `from` (`FROM … WHERE …`) as ONE value: a JSON array of objects with `fields`, as
 * text (`[]` when there is none), for a page that reads a few short lists beside one row. Every
 * statement costs the app ~1–1.5 ms of CPU and PostgreSQL ~0.5–1 ms beyond its own work
 * (docs/benchmarks.md), more than such a list does; as scalar subqueries they come in the row's
 * statement. The array's order is not defined: sort it after JSON.parse. Dates come as ISO text
 * (read them with jsonDate), booleans as true/false or 1/0.
 */
export function jsonArrayOf(fields: Readonly<Record<string, Prisma.Sql>>, from: Prisma.Sql): Prisma.Sql {
  const pairs = Object.entries(fields).map(([name, value]) => {
    if (!NAME.test(name)) throw new Error(`bad field name ${name}`)
    return Prisma.sql`${Prisma.raw(`'${name}'`)}, ${value}`
  })
  if (databaseProvider === 'postgresql') {
    return Prisma.sql`(SELECT CAST(COALESCE(json_agg(json_build_object(${Prisma.join(pairs)})), '[]') AS TEXT) ${from})`
  }
  return Prisma.sql`(SELECT json_group_array(json_object(${Prisma.join(pairs)})) ${from})`
}
