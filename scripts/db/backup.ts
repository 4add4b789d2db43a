/**
 * `npm run db:backup -- <dir>`: a consistent backup of the database DATABASE_URL names, taken
 * while the app runs (docs/deploy.md, decision 040).
 *   SQLite      the online backup API (better-sqlite3) copies every page in one step, so the copy
 *               is one snapshot; then `PRAGMA integrity_check` on the copy.
 *   PostgreSQL  `pg_dump --format=custom` (one snapshot: a repeatable-read transaction).
 * Writes bbs-<provider>-<UTC time>.sqlite|.dump into <dir> (created if missing) under a temporary
 * name, renamed once complete; prints one JSON line with the file, its size and the time taken.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../../lib/db/database-url'

const execFileAsync = promisify(execFile)
/** Runs a PostgreSQL client tool, saying how to install it when it is missing. */
const run = (command: string, args: string[], options: { env: NodeJS.ProcessEnv; maxBuffer: number }) =>
  execFileAsync(command, args, options).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`${command} not found: install postgresql-client (bash scripts/ensure-system-packages.sh ${command})`)
    throw error
  })

/** A libpq connection: the URL without its password, which goes in PGPASSWORD (not argv). */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

export type BackupResult = { file: string; bytes: number; ms: number; provider: 'sqlite' | 'postgresql' }

/** Backs up the database of `databaseUrl` into `dir`. */
export async function backup(databaseUrl: string, dir: string, now = new Date()): Promise<BackupResult> {
  const target = parseDatabaseUrl(databaseUrl)
  fs.mkdirSync(dir, { recursive: true })
  const started = performance.now()
  const file = path.resolve(dir, `bbs-${target.provider}-${stamp(now)}.${target.provider === 'sqlite' ? 'sqlite' : 'dump'}`)
  const partial = `${file}.partial`
  fs.rmSync(partial, { force: true })
  try {
    if (target.provider === 'sqlite') {
      const source = new Database(target.file, { fileMustExist: true, timeout: 10_000 })
      try {
        // Every remaining page in one step: one read transaction, so the copy is one snapshot even
        // while the app writes (a write between steps would restart a page-by-page backup).
        await source.backup(partial, { progress: () => 0x7fffffff })
      } finally {
        source.close()
      }
      const copy = new Database(partial, { fileMustExist: true })
      try {
        const [check] = copy.pragma('integrity_check') as Array<{ integrity_check: string }>
        if (check?.integrity_check !== 'ok') throw new Error(`the copy fails its integrity check: ${check?.integrity_check}`)
        // One self-contained file: no WAL beside it (the page copy keeps WAL mode in its header).
        copy.pragma('journal_mode = DELETE')
      } finally {
        copy.close()
      }
    } else {
      const { dbname, env } = libpqTarget(target.url)
      await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${dbname}`], { env, maxBuffer: 16 * 1024 * 1024 })
    }
    fs.renameSync(partial, file)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
  return { file, bytes: fs.statSync(file).size, ms: Math.round(performance.now() - started), provider: target.provider }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2]
  if (!dir) {
    console.error('usage: npm run db:backup -- <dir>   (DATABASE_URL names the database)')
    process.exit(2)
  }
  backup(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, dir).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    },
  )
}
