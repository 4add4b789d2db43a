import { publicBaseUrlProblem, strictnessOf } from './env'

export const ALLOW_FLAG = '--allow-production'
export const ALLOW_VARIABLE = 'DEMO_SEED_ALLOW_PRODUCTION'

const LOCAL_DATABASE_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', ''])

/**
 * Why the demo seed must not run here, or null. The demo seed creates logins with a published
 * password (including an admin), so it refuses anything that looks like production unless told
 * explicitly (`--allow-production` or DEMO_SEED_ALLOW_PRODUCTION=1):
 * - NODE_ENV=production without APP_ENV=demo,
 * - a PUBLIC_BASE_URL that could serve production (https, not localhost),
 * - a PostgreSQL database on another machine.
 */
export function demoSeedRefusal(source: Record<string, string | undefined>, argv: readonly string[]): string | null {
  if (argv.includes(ALLOW_FLAG) || source[ALLOW_VARIABLE] === '1') return null
  const reasons: string[] = []
  if (strictnessOf(source) === 'production') reasons.push('NODE_ENV=production without APP_ENV=demo')
  if (source.PUBLIC_BASE_URL) {
    let problem: string | null = 'invalid'
    try {
      problem = publicBaseUrlProblem(source.PUBLIC_BASE_URL)
    } catch {
      // not a URL: the server would refuse it anyway; not a production sign
    }
    if (problem === null) reasons.push(`PUBLIC_BASE_URL is a public address (${source.PUBLIC_BASE_URL})`)
  }
  const databaseUrl = source.DATABASE_URL ?? ''
  if (databaseUrl.startsWith('postgresql://') || databaseUrl.startsWith('postgres://')) {
    let host = ''
    try {
      host = new URL(databaseUrl).hostname
    } catch {
      // a malformed URL fails when the client connects
    }
    if (!LOCAL_DATABASE_HOSTS.has(host)) reasons.push(`DATABASE_URL names a database on another machine (${host})`)
  }
  if (reasons.length === 0) return null
  return (
    `Refusing to create demo accounts (their password is published): this looks like a production database (${reasons.join('; ')}). ` +
    `Run with ${ALLOW_FLAG} or ${ALLOW_VARIABLE}=1 only if you really want demo logins there.`
  )
}
