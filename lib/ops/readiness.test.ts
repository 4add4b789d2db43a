import { describe, expect, it } from 'vitest'
import { compareMigrations, migrationNames } from './readiness'

const done = (name: string) => ({ name, finished: true, rolledBack: false })

describe('compareMigrations', () => {
  it('is ready when every shipped migration finished', () => {
    expect(compareMigrations(['20260101000000_a', '20260102000000_b'], [done('20260101000000_a'), done('20260102000000_b')])).toEqual({ ready: true, migrations: 2, ahead: 0 })
  })
  it('names pending migrations in folder order', () => {
    expect(compareMigrations(['1_a', '2_b', '3_c'], [done('1_a')])).toEqual({ ready: false, reason: 'migrations pending', pending: ['2_b', '3_c'] })
  })
  it('ignores a rolled-back attempt once the migration finished on a later try', () => {
    const rows = [{ name: '1_a', finished: false, rolledBack: true }, done('1_a')]
    expect(compareMigrations(['1_a'], rows)).toEqual({ ready: true, migrations: 1, ahead: 0 })
  })
  it('reports a started, unfinished migration as failed, before anything pending', () => {
    expect(compareMigrations(['1_a', '2_b'], [{ name: '1_a', finished: false, rolledBack: false }])).toEqual({ ready: false, reason: 'migration failed or in progress', failed: ['1_a'] })
  })
  it('counts migrations only a newer release knows as ahead, still ready', () => {
    expect(compareMigrations(['1_a'], [done('1_a'), done('2_new')])).toEqual({ ready: true, migrations: 1, ahead: 1 })
  })
})

describe('migrationNames', () => {
  it('keeps timestamped folders only, sorted', () => {
    const entry = (name: string, dir = true) => ({ name, isDirectory: () => dir })
    expect(migrationNames([entry('20261202054005_item_reports'), entry('migration_lock.toml', false), entry('20250101000000_init'), entry('notes')])).toEqual(['20250101000000_init', '20261202054005_item_reports'])
  })
})
