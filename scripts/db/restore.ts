/**
 * `npm run db:restore -- <file> [--replace]`: restores a backup of `npm run db:backup` into the
 * database DATABASE_URL names. Stop every app instance and the worker first (docs/deploy.md).
 *   SQLite      the file is checked (`PRAGMA integrity_check`), copied beside the target and
 *               renamed over it (a stale -wal/-shm of the old file is removed first: replayed
 *               onto the restored file it would corrupt it).
 *   PostgreSQL  `pg_restore --single-transaction` into an existing database: all or nothing.
 * Refuses a target that already holds data unless --replace is given.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import pg from 'pg'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../../lib/db/database-url'
import { libpqTarget } from './backup'

const execFileAsync = promisify(execFile)
/** Runs a PostgreSQL client tool, saying how to install it when it is missing. */
const run = (command: string, args: string[], options: { env: NodeJS.ProcessEnv; maxBuffer: number }) =>
  execFileAsync(command, args, options).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`${command} not found: install postgresql-client (bash scripts/ensure-system-packages.sh ${command})`)
    throw error
  })

async function postgresHasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`)
    return (rows[0]?.n ?? 0) > 0
  } finally {
    await client.end()
  }
}

export async function restore(databaseUrl: string, file: string, options: { replace?: boolean } = {}): Promise<{ ms: number }> {
  const target = parseDatabaseUrl(databaseUrl)
  if (!fs.existsSync(file)) throw new Error(`no such backup file: ${file}`)
  const started = performance.now()
  if (target.provider === 'sqlite') {
    if (!file.endsWith('.sqlite')) throw new Error('a SQLite database restores from a .sqlite backup')
    if (fs.existsSync(target.file) && fs.statSync(target.file).size > 0 && !options.replace) {
      throw new Error(`${target.file} exists: stop the app and pass --replace to overwrite it`)
    }
    fs.mkdirSync(path.dirname(target.file), { recursive: true })
    const incoming = `${target.file}.restoring`
    fs.copyFileSync(file, incoming)
    const copy = new Database(incoming, { fileMustExist: true })
    try {
      const [check] = copy.pragma('integrity_check') as Array<{ integrity_check: string }>
      if (check?.integrity_check !== 'ok') throw new Error(`the backup fails its integrity check: ${check?.integrity_check}`)
      copy.pragma('journal_mode = WAL')
    } finally {
      copy.close()
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target.file + suffix, { force: true })
    fs.renameSync(incoming, target.file)
  } else {
    if (!file.endsWith('.dump')) throw new Error('a PostgreSQL database restores from a .dump backup')
    if ((await postgresHasTables(target.url)) && !options.replace) {
      throw new Error('the target database has tables: stop the app and pass --replace to overwrite them')
    }
    const { dbname, env } = libpqTarget(target.url)
    const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${dbname}`]
    if (options.replace) args.push('--clean', '--if-exists')
    await run('pg_restore', [...args, file], { env, maxBuffer: 16 * 1024 * 1024 })
  }
  return { ms: Math.round(performance.now() - started) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const file = args.find((arg) => !arg.startsWith('--'))
  if (!file) {
    console.error('usage: npm run db:restore -- <file> [--replace]   (DATABASE_URL names the target database)')
    process.exit(2)
  }
  restore(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, path.resolve(file), { replace: args.includes('--replace') }).then(
    (result) => console.log(JSON.stringify({ restored: path.resolve(file), ...result })),
    (error: unknown) => {
      console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    },
  )
}
