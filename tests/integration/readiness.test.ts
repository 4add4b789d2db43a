import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { GET as health } from '@/app/api/health/route'
import { GET as ready } from '@/app/api/ready/route'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { createDbClient } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'
import { syncCurrentLessons } from '@/lib/hr/enrolment-facts.server'
import { checkReadiness, expectedMigrations } from '@/lib/ops/readiness.server'
import { DATA_DIR } from '../setup/test-databases'
import { emptyPostgresDatabase } from './helpers'

// The probes as Next calls them, against this file's migrated database: the migrations folder of
// the provider under test is what "current" means.
const base = 'http://localhost:3000'
const folder = path.resolve(import.meta.dirname, '../../prisma', databaseProvider, 'migrations')
const shipped = fs.readdirSync(folder).filter((name) => /^\d{14}_/.test(name)).sort()
const last = shipped.at(-1)!

async function readyAnswer() {
  const response = await ready(new Request(`${base}/api/ready`))
  return { status: response.status, body: await response.json(), cache: response.headers.get('cache-control') }
}

const cleanups: Array<() => Promise<unknown>> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

describe('GET /api/health', () => {
  it('answers 200 without asking the database', async () => {
    const response = await health(new Request(`${base}/api/health`))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })
})

describe('GET /api/ready', () => {
  it('reads the migrations of the provider in use from its folder', () => {
    expect(shipped.length).toBeGreaterThan(10)
    expect(expectedMigrations(databaseProvider)).toEqual(shipped)
  })

  it("is 200 on a database with every migration of this build, and says whose lessons it counts (decision 061)", async () => {
    const build = getLessonOutline().map((lesson) => lesson.slug)
    await syncCurrentLessons(build)
    const answer = await readyAnswer()
    expect(answer).toEqual({ status: 200, body: { ready: true, migrations: shipped.length, ahead: 0, lessons: 'this-build' }, cache: 'no-store' })

    // Another release's `lessons:sync` (a lesson withdrawn): still ready, and it says so.
    await syncCurrentLessons(build.slice(1))
    expect(await readyAnswer()).toMatchObject({ status: 200, body: { ready: true, lessons: 'another-release' } })
    // No set yet: the first HR read writes this build's.
    await db.currentLesson.deleteMany()
    expect(await readyAnswer()).toMatchObject({ status: 200, body: { ready: true, lessons: 'not-synced' } })
    await syncCurrentLessons(build)
  })

  it('is 503 naming the migration that is missing, and 200 again once it is applied', async () => {
    const [row] = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "_prisma_migrations" WHERE "migration_name" = '${last}'`)
    expect(row).toBeDefined()
    await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '${last}'`)
    const missing = await readyAnswer()
    expect(missing.status).toBe(503)
    expect(missing.body).toEqual({ ready: false, reason: 'migrations pending', pending: [last] })

    // A migration that started and did not finish (a failed `migrate deploy`) is not ready either.
    await db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ('readiness-test', 'x', '${last}', CURRENT_TIMESTAMP, 0)`,
    )
    const failed = await readyAnswer()
    expect(failed.status).toBe(503)
    expect(failed.body).toEqual({ ready: false, reason: 'migration failed or in progress', failed: [last] })

    await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "finished_at" = CURRENT_TIMESTAMP, "applied_steps_count" = 1 WHERE "id" = 'readiness-test'`)
    expect((await readyAnswer()).status).toBe(200)
  })

  it('stays ready on a database migrated by a newer release (expand before contract)', async () => {
    await db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count") VALUES ('readiness-newer', 'x', '29991231000000_from_a_newer_release', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)`,
    )
    const answer = await readyAnswer()
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ ready: true, migrations: shipped.length, ahead: 1, lessons: 'this-build' })
    await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "id" = 'readiness-newer'`)
  })

  it('is not ready on a database that was never migrated', async () => {
    let url: string
    if (databaseProvider === 'sqlite') {
      const file = path.join(DATA_DIR, `readiness-empty-${process.pid}.db`)
      url = `file:${file}`
      cleanups.push(async () => {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
      })
    } else {
      const database = await emptyPostgresDatabase('empty')
      cleanups.push(database.drop)
      url = database.url
    }
    const empty = createDbClient(url)
    cleanups.push(() => empty.db.$disconnect())
    expect(await checkReadiness(empty.db, empty.target.provider)).toEqual({ ready: false, reason: 'migrations pending', pending: shipped })
  })

  it.runIf(databaseProvider === 'postgresql')('is not ready, within seconds, when the database does not answer', async () => {
    const nowhere = createDbClient('postgresql://bbs:wrong@127.0.0.1:1/nowhere')
    cleanups.push(() => nowhere.db.$disconnect())
    const started = Date.now()
    expect(await checkReadiness(nowhere.db, 'postgresql')).toEqual({ ready: false, reason: 'database unreachable' })
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
