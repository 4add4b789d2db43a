/**
 * Fails when prisma/<provider>/schema.prisma no longer matches what prisma/schema.prisma
 * renders, i.e. when the source was edited without `npm run db:migration -- <name>`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PROVIDERS, renderSchema } from './schema-render'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')
let stale = 0
for (const provider of PROVIDERS) {
  const target = path.join(root, 'prisma', provider, 'schema.prisma')
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
  if (current !== renderSchema(source, provider)) {
    console.error(
      `${path.relative(root, target)} does not match prisma/schema.prisma: ` +
        'run `npm run db:migration -- <name>` to make the migrations for your change.',
    )
    stale++
  }
}
if (!stale) console.log('prisma schemas: both providers match prisma/schema.prisma')
process.exit(stale ? 1 : 0)
