import { describe, expect, it } from 'vitest'
import { demoSeedRefusal } from './demo-seed-guard'

describe('demoSeedRefusal', () => {
  it.each([
    ['a developer machine', {}],
    ['npm run demo', { NODE_ENV: 'production', APP_ENV: 'demo', PUBLIC_BASE_URL: 'http://localhost:3000', DATABASE_URL: 'file:./data/app.db' }],
    ['the e2e server', { APP_ENV: 'demo', PUBLIC_BASE_URL: 'http://localhost:3100', DATABASE_URL: 'file:./tests/.data/e2e-3100.db' }],
    ['a local PostgreSQL', { DATABASE_URL: 'postgresql://bbs:pw@localhost:5432/bbs_test' }],
  ])('allows %s', (_, source) => {
    expect(demoSeedRefusal(source, [])).toBeNull()
  })

  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }, 'NODE_ENV=production without APP_ENV=demo'],
    ['a public https address', { PUBLIC_BASE_URL: 'https://bijak.example.go.id' }, 'PUBLIC_BASE_URL is a public address'],
    ['a remote PostgreSQL', { DATABASE_URL: 'postgresql://app:pw@db.internal.go.id/bijak' }, 'DATABASE_URL names a database on another machine (db.internal.go.id)'],
  ])('refuses %s with a clear message', (_, source, reason) => {
    const message = demoSeedRefusal(source, [])
    expect(message).toContain(reason)
    expect(message).toContain('--allow-production')
  })

  it('runs anyway when told explicitly', () => {
    const production = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://bijak.example.go.id' }
    expect(demoSeedRefusal(production, ['--allow-production'])).toBeNull()
    expect(demoSeedRefusal({ ...production, DEMO_SEED_ALLOW_PRODUCTION: '1' }, [])).toBeNull()
    expect(demoSeedRefusal({ ...production, DEMO_SEED_ALLOW_PRODUCTION: 'yes' }, [])).not.toBeNull()
  })
})
