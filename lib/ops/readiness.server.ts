import 'server-only'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseProvider } from '@/lib/db/database-url'
import type { Db } from '@/lib/db/create-client'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { sameLessons } from '@/lib/hr/lesson-set'
import { compareMigrations, migrationNames, type AppliedMigration, type LessonSetState, type Readiness } from './readiness'
import { logger } from '@/lib/observability/log.server'

/** How long a readiness probe waits for the database before calling it unreachable. */
const DATABASE_TIMEOUT_MS = 3_000

const expectedByProvider = new Map<DatabaseProvider, string[]>()

/**
 * The migrations this build ships for `provider` (prisma/<provider>/migrations, read once per
 * process: the code running is the code the process started with, whatever the checkout becomes).
 */
export function expectedMigrations(provider: DatabaseProvider, root = process.cwd()): string[] {
  let names = expectedByProvider.get(provider)
  if (!names) {
    names = migrationNames(fs.readdirSync(path.join(root, 'prisma', provider, 'migrations'), { withFileTypes: true }))
    expectedByProvider.set(provider, names)
  }
  return names
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

type MigrationRow = { name: string; finished: number | bigint | boolean; rolledBack: number | bigint | boolean }

/**
 * Whether the database answers and carries every migration of this build; when it does, also
 * whose lessons it counts (decision 061).
 */
export async function checkReadiness(
  db: Db,
  provider: DatabaseProvider,
  expected = expectedMigrations(provider),
  buildLessons = getLessonOutline().map((lesson) => lesson.slug),
): Promise<Readiness> {
  let rows: MigrationRow[]
  try {
    rows = await withTimeout(
      db.$queryRawUnsafe<MigrationRow[]>(
        `SELECT "migration_name" AS "name",
                CASE WHEN "finished_at" IS NULL THEN 0 ELSE 1 END AS "finished",
                CASE WHEN "rolled_back_at" IS NULL THEN 0 ELSE 1 END AS "rolledBack"
           FROM "_prisma_migrations"`,
      ),
      DATABASE_TIMEOUT_MS,
    )
  } catch (error) {
    // Reachable but never migrated, or not reachable at all?
    const reachable = await withTimeout(db.$queryRawUnsafe('SELECT 1'), DATABASE_TIMEOUT_MS).then(
      () => true,
      () => false,
    )
    if (reachable) return { ready: false, reason: 'migrations pending', pending: [...expected] }
    logger().error({ err: error }, 'ready: database unreachable')
    return { ready: false, reason: 'database unreachable' }
  }
  const applied: AppliedMigration[] = rows.map((row) => ({ name: row.name, finished: Number(row.finished) === 1, rolledBack: Number(row.rolledBack) === 1 }))
  const readiness = compareMigrations(expected, applied)
  if (!readiness.ready) return readiness
  // Information only: a probe that cannot read it still answers on the migrations.
  const stored = await withTimeout(db.$queryRawUnsafe<{ slug: string }[]>(`SELECT "slug" FROM "current_lesson"`), DATABASE_TIMEOUT_MS).catch(() => null)
  if (!stored) return readiness
  const slugs = stored.map((row) => row.slug)
  const lessons: LessonSetState = slugs.length === 0 ? 'not-synced' : sameLessons(slugs, buildLessons) ? 'this-build' : 'another-release'
  return { ...readiness, lessons }
}
