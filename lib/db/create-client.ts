import { PrismaClient as PostgresClient } from './generated/postgresql/client'
import { PrismaClient as SqliteClient } from './generated/sqlite/client'
import { createAdapterFactory } from './adapter'
import { parseDatabaseUrl, type DatabaseTarget } from './database-url'

/**
 * The Prisma client type the app codes against. Both generated clients come from the same
 * schema, so they have the same API; the SQLite one is used for typing because it is the
 * narrower of the two (no provider-only query options slip in).
 */
export type Db = SqliteClient
export type { DatabaseTarget }

/** A Prisma client for a DATABASE_URL (scripts and tests; the app uses lib/db/db.server.ts). */
export function createDbClient(databaseUrl: string | undefined): { db: Db; target: DatabaseTarget } {
  const target = parseDatabaseUrl(databaseUrl)
  const adapter = createAdapterFactory(target)
  const db =
    target.provider === 'sqlite'
      ? new SqliteClient({ adapter })
      : (new PostgresClient({ adapter }) as unknown as Db)
  return { db, target }
}
