// Prisma CLI configuration: the provider, schema, migrations and driver adapter all follow
// DATABASE_URL (file: → SQLite, postgresql:// → PostgreSQL). With this file the CLI does not
// load .env, so scripts pass DATABASE_URL explicitly.
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { defineConfig } from 'prisma/config'
import { createAdapterFactory } from './lib/db/adapter'
import { parseDatabaseUrl } from './lib/db/database-url'
import { installPgCatalogTypesWorkaround } from './lib/db/pg-catalog-types-workaround'
import { runMigrationScriptsWhole } from './lib/db/pg-whole-migration-scripts'

const target = parseDatabaseUrl(process.env.DATABASE_URL)
if (target.provider === 'postgresql') installPgCatalogTypesWorkaround()

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', target.provider, 'schema.prisma'),
  migrations: { path: path.join('prisma', target.provider, 'migrations') },
  adapter: async () => {
    const factory = createAdapterFactory(target)
    return factory instanceof PrismaPg ? runMigrationScriptsWhole(factory) : factory
  },
})
