import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import type BetterSqlite3 from 'better-sqlite3'

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter['startTransaction']>>

/**
 * Prisma's better-sqlite3 adapter runs every query on one connection, and only serialises
 * transactions against each other. A query from another request that arrives while a transaction
 * is open runs *inside* it: it reads uncommitted rows, and its write is rolled back with the
 * transaction (tests/integration/transaction-isolation.test.ts shows both). This wraps
 * the adapter so that a query outside a transaction waits until the open transaction has ended:
 * one lock, held by a transaction from BEGIN to COMMIT/ROLLBACK and by any other query for the
 * (synchronous) time it runs. The same problem in Bun's SQLite driver: oven-sh/bun#33581.
 *
 * Consequence: on SQLite a long transaction (a 50,000-row roster import) holds up this process's
 * other queries until it ends. PostgreSQL gives each transaction its own connection and needs
 * none of this.
 *
 * Across processes (a second instance, a script, the worker, e2e helpers) the adapter's deferred
 * `BEGIN` is the problem: a transaction that reads and then writes fails at once with "database
 * is locked" (SQLITE_BUSY_SNAPSHOT, which the busy timeout does not wait out) when another
 * process committed in between. So transactions begin IMMEDIATE: they take the write lock first,
 * and waiting for it is what the busy timeout covers.
 */
export function isolateSqliteTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory)
  factory.connect = async () => withTransactionIsolation(await connect())
  return factory
}

class ConnectionLock {
  #tail: Promise<void> = Promise.resolve()

  /** Resolves, in call order, once every earlier holder has released; returns the release. */
  acquire(): Promise<() => void> {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const previous = this.#tail
    this.#tail = previous.then(() => released)
    return previous.then(() => release)
  }
}

function withTransactionIsolation(adapter: SqliteAdapter): SqliteAdapter {
  const lock = new ConnectionLock()
  beginTransactionsImmediately(adapter)

  async function exclusively<T>(run: () => Promise<T>): Promise<T> {
    const release = await lock.acquire()
    try {
      return await run()
    } finally {
      release()
    }
  }

  const queryRaw = adapter.queryRaw.bind(adapter)
  const executeRaw = adapter.executeRaw.bind(adapter)
  const executeScript = adapter.executeScript.bind(adapter)
  const startTransaction = adapter.startTransaction.bind(adapter)

  adapter.queryRaw = (query) => exclusively(() => queryRaw(query))
  adapter.executeRaw = (query) => exclusively(() => executeRaw(query))
  adapter.executeScript = (script) => exclusively(() => executeScript(script))
  adapter.startTransaction = async (isolationLevel) => {
    const release = await lock.acquire()
    let transaction: SqliteTransaction
    try {
      transaction = await startTransaction(isolationLevel)
    } catch (error) {
      release()
      throw error
    }
    const commit = transaction.commit.bind(transaction)
    const rollback = transaction.rollback.bind(transaction)
    transaction.commit = () => commit().finally(release)
    transaction.rollback = () => rollback().finally(release)
    return transaction
  }
  return adapter
}

/** The adapter prepares exactly `BEGIN` on its better-sqlite3 connection to start a transaction. */
function beginTransactionsImmediately(adapter: SqliteAdapter): void {
  const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client
  if (typeof client?.prepare !== 'function') {
    throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection: review lib/db/sqlite-transaction-isolation.ts')
  }
  const prepare = client.prepare.bind(client)
  client.prepare = ((source: string) => prepare(source === 'BEGIN' ? 'BEGIN IMMEDIATE' : source)) as typeof client.prepare
}
