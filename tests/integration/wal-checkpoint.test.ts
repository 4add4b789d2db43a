import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from '@/lib/db/database-url'
import { db } from '@/lib/db/db.server'
import { checkpointInWorker, withCheckpointOffThread } from '@/lib/db/wal-checkpoint.server'

// Issue 13: a roster import's publishing transaction on SQLite commits with automatic
// checkpoints off; the log is then copied into the database file by a worker thread's own
// connection, so the copy does not stall the event loop inside COMMIT.

const target = parseDatabaseUrl(process.env.DATABASE_URL)
const autocheckpoint = async () => Number((await db.$queryRawUnsafe<Array<{ wal_autocheckpoint: number | bigint }>>('PRAGMA wal_autocheckpoint'))[0]!.wal_autocheckpoint)

describe.runIf(target.provider === 'sqlite')('a large SQLite write with the checkpoint off the event loop', () => {
  it('commits with automatic checkpoints off, then the worker checkpoints the whole log and they are back on', async () => {
    const before = await autocheckpoint()
    expect(before).toBeGreaterThan(0)
    // Pages reach the database file only when the log is checkpointed: its size shows when.
    const file = target.provider === 'sqlite' ? target.file : ''
    const sizeBefore = fs.statSync(file).size
    const seen = await withCheckpointOffThread(async () => {
      const during = await autocheckpoint()
      // ~8 MB of log: well over the 1,000 pages after which COMMIT would checkpoint by itself.
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`CREATE TABLE "checkpoint_probe" ("n" INTEGER PRIMARY KEY, "pad" TEXT)`)
        await tx.$executeRawUnsafe(
          `INSERT INTO "checkpoint_probe" ("pad") WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 2000) SELECT hex(randomblob(2000)) FROM c`,
        )
      })
      return { during, sizeAfterCommit: fs.statSync(file).size }
    })
    expect(seen.during).toBe(0)
    // COMMIT copied nothing into the database file …
    expect(seen.sizeAfterCommit - sizeBefore).toBeLessThan(1_000_000)
    // … the worker did, before automatic checkpoints came back on.
    expect(fs.statSync(file).size - sizeBefore).toBeGreaterThan(6_000_000)
    expect(await autocheckpoint()).toBe(before)
    await db.$executeRawUnsafe('DROP TABLE "checkpoint_probe"')
  })

  it('the worker thread checkpoints with its own connection', async () => {
    const result = (await checkpointInWorker(target.provider === 'sqlite' ? target.file : '')) as Array<{ busy: number }>
    expect(result[0]).toMatchObject({ busy: 0 })
  })
})
