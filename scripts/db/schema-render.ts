import type { DatabaseProvider } from '../../lib/db/database-url'

export const PROVIDERS: readonly DatabaseProvider[] = ['sqlite', 'postgresql']

// Literal URLs keep the CLI from trying to download an engine (toolchain notes); the app and
// the CLI connect through a driver adapter chosen from DATABASE_URL, not through these.
const PLACEHOLDER_URL: Record<DatabaseProvider, string> = {
  sqlite: 'file:./unused.db',
  postgresql: 'postgresql://unused@localhost:5432/unused',
}

const HEADER =
  '// GENERATED from prisma/schema.prisma by scripts/db/render-schemas.ts. Do not edit:\n' +
  '// edit the source and run `npm run db:migration -- <name>`.\n\n'

/** The source schema with the provider, URL and client output of one provider. */
export function renderSchema(source: string, provider: DatabaseProvider): string {
  const body = source
    .replace(/^(\s*provider\s*=\s*)"sqlite"/m, `$1"${provider}"`)
    .replace(/^(\s*url\s*=\s*)"[^"]*"/m, `$1"${PLACEHOLDER_URL[provider]}"`)
    .replace(/^(\s*output\s*=\s*)"[^"]*"/m, `$1"../../lib/db/generated/${provider}"`)
  if (!body.includes(`provider = "${provider}"`)) {
    throw new Error('prisma/schema.prisma: datasource provider line not found')
  }
  return HEADER + body
}
