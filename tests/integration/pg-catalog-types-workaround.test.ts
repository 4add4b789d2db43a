import { PrismaPg } from '@prisma/adapter-pg'
import { describe, expect, it } from 'vitest'
import { installPgCatalogTypesWorkaround } from '@/lib/db/pg-catalog-types-workaround'

// prisma/orm#27403: @prisma/adapter-pg cannot read the catalog types `name` and `"char"`,
// which Prisma's migration engine queries. The workaround in prisma.config.ts reports them as
// text. When the first test fails, the adapter has been fixed: delete the workaround.
const onPostgres = process.env.TEST_DB_PROVIDER === 'postgresql'

async function readCatalogTypes() {
  const factory = new PrismaPg({ connectionString: process.env.DATABASE_URL as string })
  const adapter = await factory.connect()
  try {
    return await adapter.queryRaw({
      sql: `SELECT 'public'::name AS schema_name, 'r'::"char" AS kind`,
      args: [],
      argTypes: [],
    })
  } finally {
    await adapter.dispose()
  }
}

describe.skipIf(!onPostgres)('PostgreSQL catalog types workaround', () => {
  it('is still needed: the adapter alone cannot read name and "char" columns', async () => {
    await expect(readCatalogTypes()).rejects.toThrow(/UnsupportedNativeDataType|deserializ/i)
  })

  it('makes them readable as text', async () => {
    installPgCatalogTypesWorkaround()
    const result = await readCatalogTypes()
    expect(result.rows).toEqual([['public', 'r']])
  })
})
