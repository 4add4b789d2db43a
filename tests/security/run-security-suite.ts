/**
 * `npm run test:security`: performs every attack in tests/security/attacks/ against a production
 * build (`next start`) on a fresh, seeded database — SQLite always, PostgreSQL too when
 * TEST_POSTGRES_URL names a server — and checks that each is refused. Prints a line per attack,
 * `N attacks tried, N refused`, and last one JSON object:
 *   {"tried": N, "refused": N, "attacks": {"<name>": true|false, …}, "providers": […]}
 * An attack counts as refused only if it was refused on every provider. Exit code 1 otherwise.
 *
 *   npm run test:security -- [--only <area>]… [--provider sqlite|postgresql]
 *
 * The server runs as it would behind nginx: TRUSTED_PROXIES is 127.0.0.1, and each HTTP client
 * sends X-Forwarded-For as the proxy would, with an address of its own, so that the per-address
 * limits one attack triggers do not spill over into the next.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'
import { createDbClient, type Db } from '../../lib/db/create-client'
import { DEMO_PASSWORD } from '../../prisma/seed/demo-data'
import { seedUser } from '../../prisma/seed/seeders'
import { migrate } from '../../scripts/db/migrate'
import type { Attack, AttackContext, Provider } from './attack'
import { createHttpClient } from './http-client'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const DATA_DIR = path.join(root, 'tests/.data')
const BASE_PORT = Number(process.env.SECURITY_PORT ?? 3300)
const ATTACK_TIMEOUT_MS = 180_000
const SECRET = 'security-suite-only-secret-0123456789abcdef0123456789'

type Options = { only: string[]; providers: Provider[] }

function parseArgs(argv: string[]): Options {
  const only: string[] = []
  let providers: Provider[] | null = null
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') only.push(String(argv[++i]))
    else if (argv[i] === '--provider') providers = [argv[++i] as Provider]
    else throw new Error(`unknown argument ${argv[i]} (use --only <area>, --provider sqlite|postgresql)`)
  }
  if (!providers) {
    providers = ['sqlite']
    if (process.env.TEST_POSTGRES_URL) providers.push('postgresql')
    else console.log('PostgreSQL: SKIPPED (set TEST_POSTGRES_URL to attack a PostgreSQL-backed server too)')
  }
  return { only, providers }
}

async function loadAttacks(only: string[]): Promise<Attack[]> {
  const dir = path.join(root, 'tests/security/attacks')
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts')).sort()
  const all: Attack[] = []
  for (const file of files) {
    const loaded = (await import(pathToFileURL(path.join(dir, file)).href)) as { attacks?: Attack[] }
    if (!Array.isArray(loaded.attacks)) throw new Error(`${file} does not export attacks: Attack[]`)
    all.push(...loaded.attacks)
  }
  const names = new Set<string>()
  for (const attack of all) {
    if (names.has(attack.name)) throw new Error(`two attacks are named ${attack.name}`)
    names.add(attack.name)
  }
  return only.length ? all.filter((attack) => only.includes(attack.area)) : all
}

function ensureBuild() {
  const dist = process.env.NEXT_DIST_DIR ?? '.next'
  if (fs.existsSync(path.join(root, dist, 'BUILD_ID'))) return
  console.log('== building the app (next build)')
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (result.status !== 0) throw new Error('next build failed')
}

async function prepareDatabase(provider: Provider, port: number): Promise<string> {
  fs.mkdirSync(DATA_DIR, { recursive: true })
  let url: string
  if (provider === 'sqlite') {
    const file = path.join(DATA_DIR, `security-${port}.db`)
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    url = `file:${file}`
  } else {
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL })
    const database = `bbs_security_${port}`
    await admin.connect()
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      await admin.query(`CREATE DATABASE "${database}"`)
    } finally {
      await admin.end()
    }
    const parsed = new URL(process.env.TEST_POSTGRES_URL as string)
    parsed.pathname = `/${database}`
    url = parsed.toString()
  }
  migrate(url, { quiet: true })
  const seeded = spawnSync('npx', ['tsx', '--conditions=react-server', 'prisma/seed/demo.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url, APP_ENV: 'demo' },
  })
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`)
  return url
}

function serverEnv(url: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: url,
    BETTER_AUTH_SECRET: SECRET,
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    // A production build served on http://localhost on purpose (lib/env.ts).
    APP_ENV: 'demo',
    TRUSTED_PROXIES: '127.0.0.1,::1',
  }
}

async function startServer(url: string, port: number, provider: Provider): Promise<ChildProcess> {
  const log = fs.openSync(path.join(DATA_DIR, `security-${provider}-${port}.log`), 'w')
  const server = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port)], {
    cwd: root,
    env: serverEnv(url, port),
    stdio: ['ignore', log, log],
    detached: true,
  })
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see tests/.data/security-${provider}-${port}.log`)
    try {
      const response = await fetch(`http://localhost:${port}/api/health`)
      if (response.ok) return server
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  stopServer(server)
  throw new Error('the server did not answer /api/health within 90 s')
}

function stopServer(server: ChildProcess) {
  if (server.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

let nipCounter = 0
let addressCounter = 0

function makeContext(baseUrl: string, provider: Provider, db: Db): AttackContext {
  const freshNip = () => {
    nipCounter++
    const pick = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))
    const two = (n: number) => String(n).padStart(2, '0')
    return `${pick(1970, 1999)}${two(pick(1, 12))}${two(pick(1, 28))}202103${pick(1, 2)}${String(nipCounter % 1000).padStart(3, '0')}`
  }
  const agencyByCode = (code: string) =>
    db.agency.findUniqueOrThrow({ where: { code }, include: { units: { orderBy: { name: 'asc' } } } })
  const unique = (label: string) => `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

  return {
    baseUrl,
    provider,
    db,
    freshNip,
    async newLearner(label, options = {}) {
      const agency = await agencyByCode(options.agencyCode ?? 'PEMKOT-DEMO')
      const nip = options.nip ?? freshNip()
      const email = `${unique(label)}@serangan.go.id`
      const user = await seedUser(db, {
        name: `Peserta ${label}`,
        email,
        password: DEMO_PASSWORD,
        nip,
        employmentType: 'PNS',
        agencyId: agency.id,
        unitId: agency.units[0]?.id ?? null,
      })
      const identityStatus = options.identityStatus ?? 'verified'
      await db.user.update({
        where: { id: user.id },
        data: identityStatus === 'verified' ? { identityStatus, identityMethod: 'import', identityVerifiedAt: new Date() } : { identityStatus },
      })
      return { id: user.id, nip, email, password: DEMO_PASSWORD, agencyId: agency.id }
    },
    async newHrOfficer(label, options = {}) {
      const agency = await agencyByCode(options.agencyCode ?? 'PEMKOT-DEMO')
      const email = `${unique(label)}@kepegawaian.go.id`
      const user = await seedUser(db, { name: `HR ${label}`, email, password: DEMO_PASSWORD, role: 'hr', agencyId: agency.id })
      return { id: user.id, nip: null, email, password: DEMO_PASSWORD, agencyId: agency.id }
    },
    async newAdmin(label) {
      const email = `${unique(label)}@admin.go.id`
      const user = await seedUser(db, { name: `Admin ${label}`, email, password: DEMO_PASSWORD, role: 'admin' })
      return { id: user.id, nip: null, email, password: DEMO_PASSWORD, agencyId: null }
    },
    client(options = {}) {
      addressCounter++
      // As nginx would send it: the client's address appended by the trusted proxy.
      const own = `198.18.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`
      return createHttpClient(baseUrl, { forwardedFor: options.forwardedFor ?? own })
    },
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

async function attackProvider(provider: Provider, port: number, attacks: Attack[]): Promise<Map<string, boolean>> {
  console.log(`\n== ${provider}: preparing a fresh database and starting the server on :${port}`)
  const url = await prepareDatabase(provider, port)
  const server = await startServer(url, port, provider)
  const { db } = createDbClient(url)
  const results = new Map<string, boolean>()
  try {
    const ctx = makeContext(`http://localhost:${port}`, provider, db)
    for (const attack of attacks) {
      let refused = false
      let detail: string | undefined
      try {
        const result = await withTimeout(attack.run(ctx), ATTACK_TIMEOUT_MS, attack.name)
        refused = result.refused
        detail = result.detail
      } catch (error) {
        detail = `the attack could not be carried out: ${error instanceof Error ? error.message : String(error)}`
      }
      results.set(attack.name, refused)
      console.log(`${refused ? '  refused ' : '  NOT REFUSED '} [${attack.area}] ${attack.name}: ${attack.description}${detail ? `\n      ${detail}` : ''}`)
    }
  } finally {
    stopServer(server)
    await db.$disconnect()
  }
  const refusedCount = [...results.values()].filter(Boolean).length
  console.log(`${provider}: ${results.size} attacks tried, ${refusedCount} refused`)
  return results
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const attacks = await loadAttacks(options.only)
  if (attacks.length === 0) throw new Error('no attacks to run')
  ensureBuild()
  const byProvider: Map<string, boolean>[] = []
  for (const [index, provider] of options.providers.entries()) {
    byProvider.push(await attackProvider(provider, BASE_PORT + index, attacks))
  }
  const summary: Record<string, boolean> = {}
  for (const attack of attacks) summary[attack.name] = byProvider.every((results) => results.get(attack.name) === true)
  const refused = Object.values(summary).filter(Boolean).length
  console.log(`\n${attacks.length} attacks tried, ${refused} refused`)
  console.log(JSON.stringify({ tried: attacks.length, refused, attacks: summary, providers: options.providers }))
  process.exitCode = refused === attacks.length ? 0 : 1
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
