import { describe, expect, it } from 'vitest'
import { parseEnv } from './env'

const SECRET = 'a-secret-of-at-least-thirty-two-characters'

describe('parseEnv', () => {
  it('defaults to the SQLite file and localhost in development', () => {
    expect(parseEnv({}, false)).toMatchObject({
      NODE_ENV: 'development',
      DATABASE_URL: 'file:./data/app.db',
      PUBLIC_BASE_URL: 'http://localhost:3000',
    })
  })

  it.each([
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'Invalid environment: DATABASE_URL DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)'],
    [{ NODE_ENV: 'production' }, 'Invalid environment: BETTER_AUTH_SECRET is required in production'],
    [{ BETTER_AUTH_SECRET: 'short' }, 'Invalid environment: BETTER_AUTH_SECRET must be at least 32 characters'],
    [{ PUBLIC_BASE_URL: 'bijak.example.go.id', BETTER_AUTH_SECRET: SECRET }, 'Invalid environment: PUBLIC_BASE_URL must be a URL such as https://bijak.example.go.id'],
    [{ TRUSTED_PROXIES: '10.0.0.1, proxy.internal' }, 'Invalid environment: TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges: "proxy.internal" is not an IP address or CIDR range'],
  ])('refuses %j with one line naming the variable', (source, line) => {
    expect(() => parseEnv(source, false)).toThrow(line)
  })

  it('reads TRUSTED_PROXIES as a list of addresses and ranges, empty by default', () => {
    expect(parseEnv({}, false).TRUSTED_PROXIES).toBe('')
    expect(parseEnv({ TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,fd00::/8' }, false).TRUSTED_PROXIES).toBe('10.0.0.1, 192.168.0.0/16,fd00::/8')
  })

  it('needs no secret while building for production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }, false)).not.toThrow()
  })
})
