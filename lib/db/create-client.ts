import { PrismaClient as PostgresClient } from './generated/postgresql/client'
import { PrismaClient as SqliteClient } from './generated/sqlite/client'
import { createAdapterFactory, createSqliteAdapterFactory } from './adapter'
import { parseDatabaseUrl, type DatabaseTarget } from './database-url'
import { isolateSqliteTransactions } from './sqlite-transaction-isolation'

/**
 * The Prisma client type the app codes against. Both generated clients come from the same
 * schema, so they have the same API; the SQLite one is used for typing because it is the
 * narrower of the two (no provider-only query options slip in).
 */
export type Db = SqliteClient
export type { DatabaseTarget }
/** Tagged SQL for the few raw statements (provider-neutral: standard SQL, quoted identifiers). */
export { Prisma } from './generated/sqlite/client'

/** A Prisma client for a DATABASE_URL (scripts and tests; the app uses lib/db/db.server.ts). */
export function createDbClient(databaseUrl: string | undefined): { db: Db; target: DatabaseTarget } {
  const target = parseDatabaseUrl(databaseUrl)
  if (target.provider === 'postgresql') {
    return { db: new PostgresClient({ adapter: createAdapterFactory(target) }) as unknown as Db, target }
  }
  const db = new SqliteClient({ adapter: isolateSqliteTransactions(createSqliteAdapterFactory(target.file)) })
  // With WAL, synchronous=NORMAL stays consistent after a crash and skips an fsync per commit
  // (a power cut can lose the last commits, never corrupt). It is per connection, and the
  // adapter keeps one.
  db.$queryRawUnsafe('PRAGMA synchronous = NORMAL').catch((error: unknown) => {
    console.error('SQLite: could not set synchronous = NORMAL', error)
  })
  return { db, target }
}
