import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'

// Another request's work must never become part of a transaction it did not open: on SQLite,
// Prisma's adapter shares one connection, so without lib/db/sqlite-transaction-isolation.ts the
// writes below were rolled back with the failing transaction and the read saw its rows.
describe('a transaction and the queries of other requests', () => {
  it('keeps writes made meanwhile by others when the transaction rolls back', async () => {
    const failing = db
      .$transaction([
        db.auditLog.create({ data: { action: 'test.tx.first' } }),
        db.auditLog.create({ data: { id: 'tx-isolation-duplicate', action: 'test.tx.second' } }),
        db.auditLog.create({ data: { id: 'tx-isolation-duplicate', action: 'test.tx.third' } }),
      ])
      .then(
        () => 'committed',
        (error: unknown) => (isUniqueViolation(error) ? 'rolled back' : Promise.reject(error)),
      )
    const others = (async () => {
      for (let i = 0; i < 5; i++) await db.auditLog.create({ data: { action: `test.other.${i}` } })
    })()
    expect(await failing).toBe('rolled back')
    await others

    const actions = (await db.auditLog.findMany({ where: { action: { startsWith: 'test.' } }, select: { action: true } })).map(
      (row) => row.action,
    )
    expect(actions.sort()).toEqual(['test.other.0', 'test.other.1', 'test.other.2', 'test.other.3', 'test.other.4'])
  })

  it('does not let a read outside the transaction see its uncommitted rows', async () => {
    let reader: Promise<number> | undefined
    let seenBeforeCommit: number | undefined
    await db.$transaction(async (tx) => {
      await tx.auditLog.create({ data: { action: 'test.uncommitted' } })
      reader = db.auditLog.count({ where: { action: 'test.uncommitted' } })
      void reader.then((count) => (seenBeforeCommit ??= count))
      // Give the reader every chance to run before the commit.
      await new Promise((resolve) => setTimeout(resolve, 50))
    })
    // SQLite: the reader waited for the commit. PostgreSQL: it ran meanwhile and saw nothing.
    expect(seenBeforeCommit === undefined || seenBeforeCommit === 0).toBe(true)
    expect(await reader).toBe(seenBeforeCommit ?? 1)
  })
})
