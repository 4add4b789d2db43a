// No 'server-only' marker, like lessons.server.ts: scripts read it too. node:fs keeps it out of
// any browser bundle.
import fs from 'node:fs'
import path from 'node:path'
import { formatContentEdition, parseContentEdition } from './content-edition'

export const CONTENT_EDITION_FILE = path.join(process.cwd(), 'content', 'edition.yaml')

let current: string | null = null

/**
 * The content edition now in force, as certificates store it ("2026.1, 21 November 2026"). Read
 * once per process: content changes ship with a new build. `content:check` guarantees the file
 * is well formed; a broken one stops issuing rather than printing something wrong.
 */
export function getContentEdition(): string {
  if (current) return current
  const parsed = parseContentEdition(fs.readFileSync(CONTENT_EDITION_FILE, 'utf8'))
  if (!parsed.ok) throw new Error(`content/edition.yaml: ${parsed.errors.join('; ')}`)
  current = formatContentEdition(parsed.edition)
  return current
}
