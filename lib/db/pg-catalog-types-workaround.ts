import pg from 'pg'

/**
 * Workaround for prisma/orm#27403 (https://github.com/prisma/prisma/issues/27403):
 * with @prisma/adapter-pg 6.19 the migration engine fails on PostgreSQL with
 * "Column type 'name' could not be deserialized from the database", because the adapter does
 * not map the catalog types `"char"` (oid 18) and `name` (oid 19). Reporting them as `text`
 * (oid 25) is exact for both: their values arrive as strings anyway.
 *
 * Only the Prisma CLI (prisma.config.ts) needs it; remove it once the adapter maps these
 * types. tests/integration/pg-catalog-types-workaround.test.ts shows whether it is still
 * needed.
 */
const CHAR_OID = 18
const NAME_OID = 19
const TEXT_OID = 25
let installed = false

function reportCatalogTypesAsText(result: unknown): void {
  const fields = (result as pg.QueryResult | undefined)?.fields ?? []
  for (const field of fields) {
    if (field.dataTypeID === CHAR_OID || field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID
  }
}

export function installPgCatalogTypesWorkaround(): void {
  if (installed) return
  installed = true
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown
  // pg's query has promise and callback forms (pg.Pool uses the callback one); both are
  // covered. Only the resolved result is touched.
  pg.Client.prototype.query = function patchedQuery(this: pg.Client, ...args: unknown[]) {
    const last = args.length - 1
    const callback = args[last]
    if (typeof callback === 'function') {
      args[last] = (err: unknown, res: unknown) => {
        if (!err) reportCatalogTypesAsText(res)
        return (callback as (e: unknown, r: unknown) => unknown)(err, res)
      }
      return original.apply(this, args)
    }
    const result = original.apply(this, args)
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).then((res) => {
        reportCatalogTypesAsText(res)
        return res
      })
    }
    return result
  } as typeof pg.Client.prototype.query
}
