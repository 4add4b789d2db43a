import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newBadgeKeyPem } from './badges/badge-key'
import { DEV_ONLY_SECRET, parseEnv, strictnessOf } from './env'

const SECRET = 'a-secret-of-at-least-thirty-two-characters'
const PRODUCTION = {
  NODE_ENV: 'production',
  BETTER_AUTH_SECRET: SECRET,
  PUBLIC_BASE_URL: 'https://bijak.example.go.id',
  CERT_SIGNING_P12: '/etc/bijak/penanda-tangan.p12',
  CERT_SIGNING_PASSWORD: 'kata-sandi',
  BADGE_SIGNING_KEY: newBadgeKeyPem(),
}

describe('parseEnv', () => {
  it('defaults to the SQLite file and localhost in development', () => {
    expect(parseEnv({}, false)).toMatchObject({
      NODE_ENV: 'development',
      DATABASE_URL: 'file:./data/app.db',
      PUBLIC_BASE_URL: 'http://localhost:3000',
      BETTER_AUTH_SECRET: DEV_ONLY_SECRET,
      strictness: 'development',
    })
  })

  it.each([
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'Invalid environment: DATABASE_URL DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)'],
    [{ NODE_ENV: 'production' }, 'Invalid environment: BETTER_AUTH_SECRET is required in production'],
    [{ BETTER_AUTH_SECRET: 'short' }, 'Invalid environment: BETTER_AUTH_SECRET must be at least 32 bytes'],
    [{ PUBLIC_BASE_URL: 'bijak.example.go.id', BETTER_AUTH_SECRET: SECRET }, 'Invalid environment: PUBLIC_BASE_URL must be a URL such as https://bijak.example.go.id'],
    [{ TRUSTED_PROXIES: '10.0.0.1, proxy.internal' }, 'Invalid environment: TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges: "proxy.internal" is not an IP address or CIDR range'],
    [{ ...PRODUCTION, APP_ENV: 'staging' }, 'Invalid environment: APP_ENV must be "production" or "demo"'],
  ])('refuses %j with one line naming the variable', (source, line) => {
    expect(() => parseEnv(source, false)).toThrow(line)
  })

  it('reads TRUSTED_PROXIES as a list of addresses and ranges, empty by default', () => {
    expect(parseEnv({}, false).TRUSTED_PROXIES).toBe('')
    expect(parseEnv({ TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16,fd00::/8' }, false).TRUSTED_PROXIES).toBe('10.0.0.1, 192.168.0.0/16,fd00::/8')
  })

  it('reads LOG_LEVEL, info by default', () => {
    expect(parseEnv({}, false).LOG_LEVEL).toBe('info')
    expect(parseEnv({ LOG_LEVEL: 'warn' }, false).LOG_LEVEL).toBe('warn')
    expect(() => parseEnv({ LOG_LEVEL: 'loud' }, false)).toThrow('Invalid environment: LOG_LEVEL must be one of')
  })

  it('reads METRICS_TOKEN (unset: no metrics route) and refuses a short one', () => {
    expect(parseEnv({}, false).METRICS_TOKEN).toBeUndefined()
    expect(parseEnv({ METRICS_TOKEN: ' ' }, false).METRICS_TOKEN).toBeUndefined()
    expect(parseEnv({ METRICS_TOKEN: 'a'.repeat(16) }, false).METRICS_TOKEN).toBe('a'.repeat(16))
    expect(() => parseEnv({ METRICS_TOKEN: 'short' }, false)).toThrow('Invalid environment: METRICS_TOKEN must be at least 16 characters')
    expect(() => parseEnv({ METRICS_TOKEN: 'abcdefgh ijklmnopq' }, false)).toThrow('Invalid environment: METRICS_TOKEN must not contain spaces')
  })

  describe('mail', () => {
    it('keeps messages in the outbox without SMTP_URL and has a default sender outside production', () => {
      expect(parseEnv({}, false).SMTP_URL).toBeUndefined()
      expect(parseEnv({}, false)).toMatchObject({ MAIL_WORKER: 'app', MAIL_FROM: { name: 'Bijak Bermedia Sosial', address: 'noreply@bijak.localhost' } })
      expect(parseEnv({ SMTP_URL: '  ' }, false).SMTP_URL).toBeUndefined()
    })

    it('reads SMTP_URL, MAIL_FROM and MAIL_WORKER', () => {
      const env = parseEnv({ ...PRODUCTION, SMTP_URL: 'smtps://u:p@mail.example.go.id:465', MAIL_FROM: 'BKPSDM <noreply@example.go.id>', MAIL_WORKER: 'off' }, false)
      expect(env).toMatchObject({ SMTP_URL: 'smtps://u:p@mail.example.go.id:465', MAIL_FROM: { name: 'BKPSDM', address: 'noreply@example.go.id' }, MAIL_WORKER: 'off' })
    })

    it.each([
      [{ SMTP_URL: 'http://mail.example.go.id' }, 'Invalid environment: SMTP_URL must start with smtp:// or smtps://'],
      [{ MAIL_FROM: 'BKPSDM <noreply@example.go.id>\nBcc: x@y.id' }, 'Invalid environment: MAIL_FROM must be one line'],
      [{ MAIL_FROM: 'BKPSDM <bukan-alamat>' }, 'Invalid environment: MAIL_FROM must contain a valid email address'],
      [{ MAIL_WORKER: 'yes' }, 'Invalid environment: MAIL_WORKER must be "app" or "off"'],
      [{ ...PRODUCTION, SMTP_URL: 'smtp://mail.example.go.id' }, 'Invalid environment: MAIL_FROM is required with SMTP_URL in production'],
    ])('refuses %j', (source, line) => {
      expect(() => parseEnv(source, false)).toThrow(line)
    })
  })

  it('needs no secret while building for production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }, false)).not.toThrow()
  })

  it('serves production with a strong secret and a public https address', () => {
    expect(parseEnv(PRODUCTION, false)).toMatchObject({ strictness: 'production', BETTER_AUTH_SECRET: SECRET })
    expect(parseEnv({ ...PRODUCTION, APP_ENV: 'production' }, false).strictness).toBe('production')
  })

  describe('production refuses to start', () => {
    it.each([
      ['the development secret', { BETTER_AUTH_SECRET: DEV_ONLY_SECRET }, 'Invalid environment: BETTER_AUTH_SECRET is the development secret'],
      ['a secret of 31 bytes', { BETTER_AUTH_SECRET: 'x'.repeat(31) }, 'Invalid environment: BETTER_AUTH_SECRET must be at least 32 bytes'],
      // 16 characters, 32 bytes in UTF-8: a key is made of bytes
      ['a secret counted in bytes', { BETTER_AUTH_SECRET: 'é'.repeat(16) }, null],
      ['an http address', { PUBLIC_BASE_URL: 'http://bijak.example.go.id' }, 'Invalid environment: PUBLIC_BASE_URL must use https in production'],
      ['localhost', { PUBLIC_BASE_URL: 'https://localhost:3000' }, 'Invalid environment: PUBLIC_BASE_URL must not be localhost in production'],
      ['a .localhost name', { PUBLIC_BASE_URL: 'https://bijak.localhost' }, 'must not be localhost'],
      ['127.0.0.1', { PUBLIC_BASE_URL: 'https://127.0.0.1' }, 'must not be localhost'],
      ['127.1 (another spelling)', { PUBLIC_BASE_URL: 'https://127.1:8443' }, 'must not be localhost'],
      ['[::1]', { PUBLIC_BASE_URL: 'https://[::1]/' }, 'must not be localhost'],
      ['0.0.0.0', { PUBLIC_BASE_URL: 'https://0.0.0.0' }, 'must not be localhost'],
      ['the default address', { PUBLIC_BASE_URL: undefined }, 'Invalid environment: PUBLIC_BASE_URL must use https in production'],
      ['no signing key', { CERT_SIGNING_P12: undefined }, 'Invalid environment: CERT_SIGNING_P12 wajib di produksi (is required in production)'],
      ['a blank signing key', { CERT_SIGNING_P12: '  ' }, 'Invalid environment: CERT_SIGNING_P12 wajib di produksi'],
      ['a signing key without its password', { CERT_SIGNING_PASSWORD: undefined }, 'Invalid environment: CERT_SIGNING_PASSWORD wajib diisi bersama CERT_SIGNING_P12'],
      ['a self-signed key chosen on purpose', { CERT_SIGNING_P12: undefined, CERT_SIGNING_SELF_SIGNED: 'yes' }, null],
      ['no badge key', { BADGE_SIGNING_KEY: undefined }, 'Invalid environment: BADGE_SIGNING_KEY wajib di produksi (is required in production)'],
      ['a generated badge key chosen on purpose', { BADGE_SIGNING_KEY: undefined, BADGE_SIGNING_GENERATED: 'yes' }, null],
      ['a badge key that is not a key', { BADGE_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----' }, 'Invalid environment: BADGE_SIGNING_KEY bukan kunci privat PKCS#8 PEM (is not a PKCS#8 PEM private key'],
      ['a badge key file that is missing', { BADGE_SIGNING_KEY: '/etc/bijak/tidak-ada.pem' }, 'Invalid environment: BADGE_SIGNING_KEY tidak dapat dibaca (cannot be read): /etc/bijak/tidak-ada.pem (ENOENT)'],
      ['an RSA badge key', { BADGE_SIGNING_KEY: generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }, 'Invalid environment: BADGE_SIGNING_KEY harus kunci Ed25519 (must be an Ed25519 key, not rsa)'],
      ['CERT_SIGNING_SELF_SIGNED=ya', { CERT_SIGNING_P12: undefined, CERT_SIGNING_SELF_SIGNED: 'ya' }, 'Invalid environment: CERT_SIGNING_SELF_SIGNED must be "yes" or "no"'],
    ])('with %s', (_, change, line) => {
      const source = { ...PRODUCTION, ...change }
      if (line === null) expect(() => parseEnv(source, false)).not.toThrow()
      else expect(() => parseEnv(source, false)).toThrow(line)
    })
  })

  describe('APP_ENV=demo (a production build on http://localhost on purpose)', () => {
    const DEMO = { NODE_ENV: 'production', APP_ENV: 'demo', BETTER_AUTH_SECRET: SECRET, PUBLIC_BASE_URL: 'http://localhost:3000' }
    it('accepts http://localhost', () => {
      expect(parseEnv(DEMO, false).strictness).toBe('demo')
    })
    it.each([
      [{ BETTER_AUTH_SECRET: undefined }, 'BETTER_AUTH_SECRET is required in production'],
      [{ BETTER_AUTH_SECRET: DEV_ONLY_SECRET }, 'BETTER_AUTH_SECRET is the development secret'],
      [{ BETTER_AUTH_SECRET: 'short-secret' }, 'BETTER_AUTH_SECRET must be at least 32 bytes'],
    ])('still refuses %j', (change, line) => {
      expect(() => parseEnv({ ...DEMO, ...change }, false)).toThrow(line)
    })
  })

  it('prints one line and exits when asked to', () => {
    const exits: number[] = []
    const lines: string[] = []
    const realExit = process.exit
    const realError = console.error
    process.exit = ((code: number) => {
      exits.push(code)
      throw new Error('exit')
    }) as typeof process.exit
    console.error = (line: string) => lines.push(line)
    try {
      expect(() => parseEnv({ ...PRODUCTION, PUBLIC_BASE_URL: 'http://localhost:3000' })).toThrow('exit')
    } finally {
      process.exit = realExit
      console.error = realError
    }
    expect(exits).toEqual([1])
    expect(lines).toEqual(['Invalid environment: PUBLIC_BASE_URL must use https in production (set APP_ENV=demo only for a local demo)'])
  })
})

describe('strictnessOf', () => {
  it.each([
    [{}, 'development'],
    [{ NODE_ENV: 'test' }, 'development'],
    [{ NODE_ENV: 'production' }, 'production'],
    [{ NODE_ENV: 'production', APP_ENV: 'demo' }, 'demo'],
    [{ NODE_ENV: 'production', APP_ENV: 'anything' }, 'production'],
    [{ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }, 'development'],
    [{ NODE_ENV: 'development', APP_ENV: 'demo' }, 'development'],
  ])('%j is %s', (source, expected) => {
    expect(strictnessOf(source)).toBe(expected)
  })
})
