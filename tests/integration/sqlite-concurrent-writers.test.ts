import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { parseDatabaseUrl } from '@/lib/db/database-url'

const target = parseDatabaseUrl(process.env.DATABASE_URL)

/**
 * Another process (a second app instance, `npm run worker`, a script, the e2e helpers) writes to
 * the same SQLite file with its own connection. It runs in a child process because better-sqlite3
 * waits for a lock synchronously, which would stall this process's transaction too.
 */
function writeFromAnotherProcess(file: string, action: string, busyTimeoutMs: number): string {
  const script = `
    const Database = require('better-sqlite3')
    const [file, action, timeout] = process.argv.slice(1)
    const db = new Database(file, { timeout: Number(timeout) })
    try {
      db.prepare('INSERT INTO "audit_log" ("id", "action", "at", "details") VALUES (?, ?, ?, ?)')
        .run(action, action, Date.now(), '{}')
      process.stdout.write('committed')
    } catch (error) {
      process.stdout.write(error.code === 'SQLITE_ERROR' ? error.message : String(error.code))
    }
  `
  return execFileSync(process.execPath, ['-e', script, file, action, String(busyTimeoutMs)], { encoding: 'utf8' })
}

describe.runIf(target.provider === 'sqlite')('a transaction while another process writes to the SQLite file', () => {
  const file = target.provider === 'sqlite' ? target.file : ''

  it('that reads first and writes later still commits (no SQLITE_BUSY_SNAPSHOT)', async () => {
    let otherProcess = ''
    await db.$transaction(async (tx) => {
      await tx.auditLog.count()
      // A deferred BEGIN holds no lock yet: the other process's write would commit here and
      // this transaction's snapshot would go stale, so its write below failed at once.
      otherProcess = writeFromAnotherProcess(file, 'test.other-process.during', 0)
      await tx.auditLog.create({ data: { action: 'test.transaction.write' } })
    })
    // The transaction held the write lock from its start, so the other writer had to wait.
    expect(otherProcess).toBe('SQLITE_BUSY')
    expect(writeFromAnotherProcess(file, 'test.other-process.after', 10_000)).toBe('committed')

    const actions = await db.auditLog.findMany({ where: { action: { startsWith: 'test.' } }, select: { action: true } })
    expect(actions.map((row) => row.action).sort()).toEqual(['test.other-process.after', 'test.transaction.write'])
  })
})
