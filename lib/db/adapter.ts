import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import type { DatabaseTarget } from './database-url'

/** How long a SQLite writer waits for another writer's lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000

/**
 * Creates the SQLite file's folder and switches the file to WAL mode (persistent in the file),
 * so that readers never block the writer.
 */
export function prepareSqliteFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS })
  try {
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
}

/** The better-sqlite3 adapter factory for a database file (created, in WAL mode, if missing). */
export function createSqliteAdapterFactory(file: string) {
  prepareSqliteFile(file)
  return new PrismaBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS })
}

/** The Prisma driver adapter factory for a database target. */
export function createAdapterFactory(target: DatabaseTarget) {
  if (target.provider === 'sqlite') return createSqliteAdapterFactory(target.file)
  // allowExitOnIdle: idle pooled connections must not keep a CLI or script process alive.
  // jit=off: every statement of this app is short (pages of at most 1,000 rows); PostgreSQL's
  // JIT compiles a statement whose estimated cost passes jit_above_cost, and the estimate counts
  // branches that never run. The people list's search paid 120 ms of compiling for a 6 ms
  // statement (decision 057).
  return new PrismaPg({
    connectionString: target.url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    allowExitOnIdle: true,
    options: '-c jit=off',
  })
}
