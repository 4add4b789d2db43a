import 'server-only'
import { Worker } from 'node:worker_threads'
import { env } from '@/lib/env.server'
import { parseDatabaseUrl } from './database-url'
import { databaseProvider, db } from './db.server'

/**
 * A large write on SQLite without the checkpoint in the way (issue 13).
 *
 * In WAL mode the connection that commits a transaction taking the log over
 * `wal_autocheckpoint` pages (default 1,000: 4 MB) copies the whole log back into the database
 * file at once, inside its COMMIT. better-sqlite3 is synchronous, so for a 50,000-person roster
 * import that copy (~180 ms of the publishing step's ~560 ms, measured on this machine at load
 * 4.5) stalled every request of the process a second time. Here the app's connection commits
 * `write` with automatic checkpoints off, and the log is then checkpointed by a second
 * connection in a worker thread (PASSIVE: readers and writers of the app go on meanwhile).
 * Nothing changes on PostgreSQL.
 */

const CHECKPOINT_IN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require('better-sqlite3')
const connection = new Database(workerData.file, { timeout: workerData.timeout })
try {
  parentPort.postMessage(connection.pragma('wal_checkpoint(PASSIVE)'))
} finally {
  connection.close()
}
`

/** Copies the log into the database file from a worker thread's own connection. */
export function checkpointInWorker(file: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECKPOINT_IN_WORKER, { eval: true, workerData: { file, timeout: 10_000 } })
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => (code === 0 ? resolve(null) : reject(new Error(`checkpoint worker exited with ${code}`))))
  })
}

let writers = 0
let restoreTo = 1000

/**
 * Runs `write` (one large transaction) with the app connection's automatic checkpoints off, then
 * checkpoints in a worker thread and turns them back on. Overlapping calls share one "off".
 */
export async function withCheckpointOffThread<T>(write: () => Promise<T>): Promise<T> {
  if (databaseProvider !== 'sqlite') return write()
  if (writers++ === 0) {
    const [current] = await db.$queryRawUnsafe<Array<{ wal_autocheckpoint: number | bigint }>>('PRAGMA wal_autocheckpoint')
    restoreTo = Number(current?.wal_autocheckpoint ?? 1000)
    await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 0')
  }
  try {
    return await write()
  } finally {
    if (--writers === 0) {
      const target = parseDatabaseUrl(env.DATABASE_URL)
      if (target.provider === 'sqlite') {
        // If the worker cannot run, the next commit of the app checkpoints as before.
        await checkpointInWorker(target.file).catch((error: unknown) => console.error('SQLite: checkpoint in a worker thread failed', error))
      }
      await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${restoreTo}`)
    }
  }
}
