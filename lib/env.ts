import { z } from 'zod'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './db/database-url'
import { parseTrustedProxies } from './http/client-address'
import { parseMailFrom, parseSmtpUrl } from './mail/mail-config'
import { parseBadgeKey } from './badges/badge-key'

/** Used outside production only, so development needs no set-up; production refuses it. */
export const DEV_ONLY_SECRET = 'development-only-secret-not-for-production-use!!'
const MIN_SECRET_BYTES = 32
/** Outside production, and for the demo's outbox, when MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = 'Bijak Bermedia Sosial <noreply@bijak.localhost>'
const LOCAL_HOSTS = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\[::ffff:127(\.\d{1,3}){3}\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/i

/**
 * How strictly the environment is checked. `next start` always runs with NODE_ENV=production;
 * APP_ENV=demo is the one switch for a production build served on http://localhost on purpose
 * (`npm run demo`, the e2e server, the benchmarks, the security suite). Everything else under
 * NODE_ENV=production is production.
 */
export type Strictness = 'production' | 'demo' | 'development'

export function strictnessOf(source: { NODE_ENV?: string; APP_ENV?: string; NEXT_PHASE?: string }): Strictness {
  if (source.NODE_ENV !== 'production') return 'development'
  // `next build` also runs with NODE_ENV=production; secrets are needed to serve, not to build.
  if (source.NEXT_PHASE === 'phase-production-build') return 'development'
  return source.APP_ENV === 'demo' ? 'demo' : 'production'
}

/** Why a public address cannot serve production, or null when it can. */
export function publicBaseUrlProblem(value: string): string | null {
  const url = new URL(value)
  if (url.protocol !== 'https:') return 'must use https in production (set APP_ENV=demo only for a local demo)'
  if (LOCAL_HOSTS.test(url.hostname)) return 'must not be localhost in production (set APP_ENV=demo only for a local demo)'
  return null
}

/** An optional setting (blank means unset) that `check` accepts, or whose error message it throws. */
const optionalChecked = (check: (value: string) => unknown) =>
  z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .superRefine((value, ctx) => {
      if (value === undefined) return
      try {
        check(value)
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message })
      }
    })

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    NEXT_PHASE: z.string().optional(),
    APP_ENV: z.enum(['production', 'demo'], 'must be "production" or "demo"').optional(),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .superRefine((value, ctx) => {
        try {
          parseDatabaseUrl(value)
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message })
        }
      }),
    /** Signs session cookies: at least 32 bytes, required in production. */
    BETTER_AUTH_SECRET: z
      .string()
      .refine((value) => Buffer.byteLength(value, 'utf8') >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes`)
      .optional(),
    /** The public address of the app (cookies, links, certificate QR codes). */
    PUBLIC_BASE_URL: z.url('must be a URL such as https://bijak.example.go.id').default('http://localhost:3000'),
    /**
     * Reverse proxies whose X-Forwarded-For entries are believed (comma-separated IPs or CIDR
     * ranges, e.g. "10.0.0.5,fd00::/8"); empty: none, the socket address is the client.
     */
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(value)
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: `must be comma-separated IP addresses or CIDR ranges: ${(error as Error).message}` })
        }
      }),
    /**
     * Where email goes (decision 032): smtp://user:pass@host:587 (STARTTLS when offered) or
     * smtps://…:465. Unset: messages stay in the outbox, listed for the admin ("Kotak keluar").
     */
    SMTP_URL: optionalChecked(parseSmtpUrl),
    /** The sender, e.g. "Bijak Bermedia Sosial <noreply@bkpsdm.example.go.id>"; required with SMTP_URL in production. */
    MAIL_FROM: optionalChecked(parseMailFrom),
    /** "app" (default): the app process delivers the outbox; "off": a separate `npm run worker` does. */
    MAIL_WORKER: z.enum(['app', 'off'], 'must be "app" or "off"').default('app'),
    /**
     * Up to this many people, an HR assignment is applied in the request; more run as a
     * background job in batches (decision 049). Default 2000.
     */
    ASSIGN_INLINE_LIMIT: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(100_000, 'must be at most 100000').default(2000),
    /**
     * The bearer token Prometheus sends to /api/metrics (decision 041); unset: the route answers
     * 404. At least 16 characters, e.g. `openssl rand -hex 24`.
     */
    /**
     * The PKCS#12 file (.p12/.pfx) whose RSA key signs every certificate PDF (decision 046): a
     * path, or the file itself as `base64:…`. Unset outside production: a self-signed key made on
     * the first run and kept in the database. Production needs it, or CERT_SIGNING_SELF_SIGNED=yes.
     */
    CERT_SIGNING_P12: z
      .string()
      .optional()
      .transform((value) => (value?.trim() ? value.trim() : undefined)),
    /** The PKCS#12 file's password (required with CERT_SIGNING_P12; checked when the server starts). */
    CERT_SIGNING_PASSWORD: z.string().optional(),
    /** "yes": production signs with a self-signed key kept in the database, on purpose (no CERT_SIGNING_P12). */
    CERT_SIGNING_SELF_SIGNED: z.enum(['yes', 'no'], 'must be "yes" or "no"').default('no'),
    /**
     * The Ed25519 private key (PKCS#8 PEM, inline with real or `\\n` line breaks, a path to the
     * file, or `base64:…`) that signs Open Badges credentials and the revocation list (decision
     * 050). Unset outside production: a key made on first use and kept in the database.
     */
    BADGE_SIGNING_KEY: optionalChecked(parseBadgeKey),
    /** "yes": production signs badges with a key the app makes and keeps in the database, on purpose. */
    BADGE_SIGNING_GENERATED: z.enum(['yes', 'no'], 'must be "yes" or "no"').default('no'),
    /** The JSON log's level (lib/observability/log.ts). */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent').default('info'),
    METRICS_TOKEN: optionalChecked((value) => {
      if (value.length < 16) throw new Error('must be at least 16 characters (e.g. openssl rand -hex 24)')
      if (/\s/.test(value)) throw new Error('must not contain spaces')
    }),
  })
  .transform((value, ctx) => {
    const strictness = strictnessOf(value)
    if (strictness !== 'development') {
      if (!value.BETTER_AUTH_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['BETTER_AUTH_SECRET'], message: 'is required in production' })
        return z.NEVER
      }
      if (value.BETTER_AUTH_SECRET === DEV_ONLY_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['BETTER_AUTH_SECRET'], message: 'is the development secret: make a new one (openssl rand -hex 32)' })
        return z.NEVER
      }
    }
    if (strictness === 'production' && value.SMTP_URL && !value.MAIL_FROM) {
      ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required with SMTP_URL in production' })
      return z.NEVER
    }
    if (value.CERT_SIGNING_P12 && value.CERT_SIGNING_PASSWORD === undefined) {
      ctx.addIssue({ code: 'custom', path: ['CERT_SIGNING_PASSWORD'], message: 'wajib diisi bersama CERT_SIGNING_P12 (is required with CERT_SIGNING_P12)' })
      return z.NEVER
    }
    if (strictness === 'production' && !value.CERT_SIGNING_P12 && value.CERT_SIGNING_SELF_SIGNED !== 'yes') {
      ctx.addIssue({
        code: 'custom',
        path: ['CERT_SIGNING_P12'],
        message: 'wajib di produksi (is required in production): the PKCS#12 file that signs certificates, or CERT_SIGNING_SELF_SIGNED=yes to sign with a self-signed key kept in the database',
      })
      return z.NEVER
    }
    if (strictness === 'production' && !value.BADGE_SIGNING_KEY && value.BADGE_SIGNING_GENERATED !== 'yes') {
      ctx.addIssue({
        code: 'custom',
        path: ['BADGE_SIGNING_KEY'],
        message: 'wajib di produksi (is required in production): the Ed25519 PKCS#8 PEM key that signs Open Badges (openssl genpkey -algorithm ed25519), or BADGE_SIGNING_GENERATED=yes to use a key kept in the database',
      })
      return z.NEVER
    }
    if (strictness === 'production') {
      const problem = publicBaseUrlProblem(value.PUBLIC_BASE_URL)
      if (problem) {
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: problem })
        return z.NEVER
      }
    }
    return {
      ...value,
      strictness,
      BETTER_AUTH_SECRET: value.BETTER_AUTH_SECRET ?? DEV_ONLY_SECRET,
      MAIL_FROM: parseMailFrom(value.MAIL_FROM ?? DEFAULT_MAIL_FROM),
    }
  })

export type Env = z.infer<typeof envSchema>

/**
 * Validates the environment. On a missing or malformed variable it prints one line naming it
 * and stops the process (at start-up there is nobody to show a page to).
 */
export function parseEnv(source: Record<string, string | undefined>, exit = true): Env {
  const result = envSchema.safeParse(source)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const line = `Invalid environment: ${issue?.path.join('.') || 'environment'} ${issue?.message ?? ''}`.trim()
  if (!exit) throw new Error(line)
  console.error(line)
  process.exit(1)
}
