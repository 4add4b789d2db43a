import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { DATA_DIR, providerUnderTest } from '../setup/test-databases'

// Decision 037: migration 20261202053945_capability_grants turns every HR officer and admin of a
// database into grants, so existing accounts keep working, and drops `role` without losing the
// triggers and raw-SQL indexes on "user" (decision 033). Replayed here on a database migrated up
// to the one before it, holding accounts of each role.

const MIGRATION = '20261202053945_capability_grants'
const provider = providerUnderTest()
const migrationsDir = path.resolve(import.meta.dirname, `../../prisma/${provider}/migrations`)
const migrations = fs
  .readdirSync(migrationsDir)
  .filter((name) => fs.existsSync(path.join(migrationsDir, name, 'migration.sql')))
  .sort()
const before = migrations.slice(0, migrations.indexOf(MIGRATION))
const sqlOf = (name: string) => fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8')

const SEED = `
  INSERT INTO "agency" ("id", "code", "name", "updatedAt") VALUES ('ag1', 'MIG-1', 'Instansi Migrasi', CURRENT_TIMESTAMP);
  INSERT INTO "user" ("id", "name", "email", "nip", "role", "agencyId", "updatedAt") VALUES
    ('u-learner', 'Peserta', 'peserta@mig.go.id', '199001012015011001', 'learner', 'ag1', CURRENT_TIMESTAMP),
    ('u-hr', 'Petugas', 'hr@mig.go.id', '199001012015011002', 'hr', 'ag1', CURRENT_TIMESTAMP),
    ('u-hr-nowhere', 'Petugas Tanpa Instansi', 'hr0@mig.go.id', NULL, 'hr', NULL, CURRENT_TIMESTAMP),
    ('u-admin', 'Admin', 'admin@mig.go.id', NULL, 'admin', NULL, CURRENT_TIMESTAMP);`

const GRANTS = `SELECT "userId", CAST("capability" AS TEXT) AS "capability", "agencyId", "scopeKey" FROM "capability_grant" ORDER BY "userId"`
const EXPECTED_GRANTS = [
  { userId: 'u-admin', capability: 'admin', agencyId: null, scopeKey: '' },
  { userId: 'u-hr', capability: 'hr', agencyId: 'ag1', scopeKey: 'ag1' },
]

describe(`migration ${MIGRATION}`, () => {
  it.runIf(provider === 'sqlite')('gives existing HR officers and admins their grants and keeps the objects on "user" (SQLite)', () => {
    fs.mkdirSync(DATA_DIR, { recursive: true })
    const file = path.join(DATA_DIR, `migration-${process.pid}-${Date.now()}.db`)
    const db = new Database(file)
    try {
      for (const name of before) db.exec(sqlOf(name))
      db.exec(SEED)
      db.exec(sqlOf(MIGRATION))
      expect(db.prepare(GRANTS).all()).toEqual(EXPECTED_GRANTS)
      const columns = (db.prepare(`PRAGMA table_info("user")`).all() as { name: string }[]).map((column) => column.name)
      expect(columns).not.toContain('role')
      const objects = (db.prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'user'`).all() as { name: string }[]).map((row) => row.name)
      expect(objects).toEqual(
        expect.arrayContaining(['user_agencyId_lower_name_id_idx', 'user_search_after_insert', 'user_person_update', 'user_agency_flag']),
      )
      // The search index still follows the table.
      db.exec(`UPDATE "user" SET "name" = 'Peserta Migrasi Baru' WHERE "id" = 'u-learner'`)
      expect(db.prepare(`SELECT COUNT(*) AS n FROM "user_search" WHERE "user_search" MATCH '"migrasi baru"'`).get()).toEqual({ n: 1 })
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    } finally {
      db.close()
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    }
  })

  it.runIf(provider === 'postgresql')('gives existing HR officers and admins their grants and keeps the indexes on "user" (PostgreSQL)', async () => {
    const name = `bbs_migration_${process.pid}_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    const url = new URL(process.env.TEST_POSTGRES_URL as string)
    url.pathname = `/${name}`
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    try {
      for (const migration of before) await client.query(sqlOf(migration))
      await client.query(SEED)
      await client.query(sqlOf(MIGRATION))
      expect((await client.query(GRANTS)).rows).toEqual(EXPECTED_GRANTS)
      const columns = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'user' AND column_name = 'role'`)
      expect(columns.rows).toEqual([])
      const indexes = (await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'user'`)).rows.map((row) => row.indexname)
      expect(indexes).toEqual(expect.arrayContaining(['user_agencyId_lower_name_id_idx', 'user_lower_name_trgm_idx', 'user_agencyId_enrolledInAgency_nip_identityStatus_idx']))
    } finally {
      await client.end()
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    }
  })
})
