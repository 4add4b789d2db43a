/**
 * Applies the migrations of the provider DATABASE_URL selects (default: the SQLite file
 * data/app.db). `npm run db:migrate`.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../../lib/db/database-url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function migrate(databaseUrl: string, options: { quiet?: boolean } = {}): void {
  const target = parseDatabaseUrl(databaseUrl, root)
  const preload = path.join(root, 'scripts/db/exit-promptly.cjs')
  execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    cwd: root,
    stdio: options.quiet ? 'pipe' : 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  })
  if (!options.quiet) console.log(`migrations applied (${target.provider})`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  migrate(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)
}
