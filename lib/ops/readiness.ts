/**
 * Readiness: is this instance's database reachable and migrated to what this build expects?
 * Pure comparison here; `readiness.server.ts` reads the database and the migrations folder.
 */

/** A row of Prisma's `_prisma_migrations` table, as far as readiness needs it. */
export type AppliedMigration = { name: string; finished: boolean; rolledBack: boolean }

export type Readiness =
  | { ready: true; migrations: number; ahead: number; lessons?: LessonSetState }
  | { ready: false; reason: string; pending?: string[]; failed?: string[] }

/**
 * Whose lessons the database counts (`current_lesson`, decision 061): this build's, another
 * release's (an instance not yet restarted onto the release that ran `lessons:sync`, or one
 * whose release was not synced), or none yet (no deploy has synced the database; the first HR
 * read writes this build's). Reported, not a reason to take the instance out of rotation.
 */
export type LessonSetState = 'this-build' | 'another-release' | 'not-synced'

/**
 * Compares the migrations this build ships (`expected`, folder names) with those the database
 * records. Not ready while one is pending (not yet applied) or failed/in progress (started, not
 * finished, not rolled back). Migrations the database has and this build does not know
 * (`ahead`: the database was migrated by a newer release) still count as ready: during an
 * expand/contract upgrade the old instances keep serving an expanded schema (docs/deploy.md).
 */
export function compareMigrations(expected: readonly string[], applied: readonly AppliedMigration[]): Readiness {
  const done = new Set(applied.filter((row) => row.finished && !row.rolledBack).map((row) => row.name))
  const failed = [...new Set(applied.filter((row) => !row.finished && !row.rolledBack && !done.has(row.name)).map((row) => row.name))].sort()
  if (failed.length) return { ready: false, reason: 'migration failed or in progress', failed }
  const pending = expected.filter((name) => !done.has(name))
  if (pending.length) return { ready: false, reason: 'migrations pending', pending }
  const known = new Set(expected)
  return { ready: true, migrations: expected.length, ahead: [...done].filter((name) => !known.has(name)).length }
}

/** The migration folders' names in a listing of the migrations directory, oldest first. */
export function migrationNames(entries: ReadonlyArray<{ name: string; isDirectory(): boolean }>): string[] {
  return entries
    .filter((entry) => entry.isDirectory() && /^\d{14}_/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
}
