import { z } from 'zod'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './db/database-url'
import { parseTrustedProxies } from './http/client-address'

const DEV_ONLY_SECRET = 'development-only-secret-not-for-production-use!!'

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    NEXT_PHASE: z.string().optional(),
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
    /** Signs session cookies: at least 32 characters, required in production. */
    BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
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
  })
  .transform((value, ctx) => {
    // `next build` also runs with NODE_ENV=production; the secret is needed to serve, not to build.
    if (!value.BETTER_AUTH_SECRET && value.NODE_ENV === 'production' && value.NEXT_PHASE !== 'phase-production-build') {
      ctx.addIssue({ code: 'custom', path: ['BETTER_AUTH_SECRET'], message: 'is required in production' })
      return z.NEVER
    }
    return { ...value, BETTER_AUTH_SECRET: value.BETTER_AUTH_SECRET ?? DEV_ONLY_SECRET }
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
