/**
 * Makes a new migration for every provider from a change to prisma/schema.prisma:
 *   npm run db:migration -- add_roster_imports
 *
 * The rendered prisma/<provider>/schema.prisma files are the state the existing migrations
 * produce. This script diffs that state against the newly rendered schema with
 * `prisma migrate diff --from-schema-datamodel … --to-schema-datamodel … --script` (the path
 * that works with the JS schema engine; `migrate dev` does not), writes
 * prisma/<provider>/migrations/<timestamp>_<name>/migration.sql, then updates the rendered file.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PROVIDERS, renderSchema } from './schema-render'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const name = (process.argv[2] ?? '').trim()
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name in snake_case, e.g. add_roster_imports>')
  process.exit(2)
}
// The PostgreSQL driver adapter connects even to diff two datamodels, so a server must run
// (bash scripts/ci/start-postgres.sh starts one and prints this URL). Nothing is written to it.
const DIFF_URL = {
  sqlite: 'file:./data/migration-diff.db',
  postgresql:
    process.env.TEST_POSTGRES_URL ?? 'postgresql://bbs:bbs-local-test@127.0.0.1:5432/bbs_test',
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)
const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bbs-migration-'))
let wrote = 0

for (const provider of PROVIDERS) {
  const dir = path.join(root, 'prisma', provider)
  const schemaFile = path.join(dir, 'schema.prisma')
  const migrationsDir = path.join(dir, 'migrations')
  const next = renderSchema(source, provider)
  const nextFile = path.join(tmp, `${provider}.prisma`)
  fs.writeFileSync(nextFile, next)
  const hasMigrations =
    fs.existsSync(migrationsDir) && fs.readdirSync(migrationsDir).some((d) => /^\d{14}_/.test(d))
  const from = hasMigrations ? ['--from-schema-datamodel', schemaFile] : ['--from-empty']
  const sql = execFileSync(
    'npx',
    ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', nextFile, '--script'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: DIFF_URL[provider] } },
  )
  if (!/^\s*(CREATE|ALTER|DROP|INSERT|PRAGMA|UPDATE|DELETE)/im.test(sql)) {
    console.log(`${provider}: no schema change`)
    continue
  }
  const target = path.join(migrationsDir, `${stamp}_${name}`)
  fs.mkdirSync(target, { recursive: true })
  fs.writeFileSync(path.join(target, 'migration.sql'), sql)
  const lock = path.join(migrationsDir, 'migration_lock.toml')
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${provider}"\n`)
  fs.writeFileSync(schemaFile, next)
  console.log(`${provider}: wrote ${path.relative(root, target)}/migration.sql`)
  // Objects Prisma's schema cannot express hang on "user" (decisions 027 and 030): a SQLite table
  // redefinition (new_user, copy, drop, rename) loses them, so the migration must make them anew.
  if (provider === 'sqlite' && /CREATE TABLE "new_user"/.test(sql)) {
    console.warn(
      'sqlite: this migration redefines "user", which drops the raw-SQL objects on it: append to it the expression index of ' +
        '20261201232816_hr_read_model_indexes and the user_search triggers and its rebuild from 20261202025000_people_search_trigram.',
    )
  }
  wrote++
}
fs.rmSync(tmp, { recursive: true, force: true })
fs.rmSync(path.join(root, 'data/migration-diff.db'), { force: true })
if (wrote) console.log('Now run npm run db:migrate (and npm run db:generate) to apply them locally.')
