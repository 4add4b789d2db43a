import fs from 'node:fs'
import path from 'node:path'
import { inlineScriptHashes } from './inline-script-hashes'

let cached: string[] | null = null

/**
 * The hashes of the inline scripts in every prerendered Pages Router page of this build (the
 * lesson pages and their 404), read once from the build output. Empty in `next dev`, which
 * prerenders nothing (the lesson policy allows inline scripts there).
 */
export function prerenderedScriptHashes(): string[] {
  if (cached) return cached
  const root = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'server', 'pages')
  const hashes = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.html')) for (const hash of inlineScriptHashes(fs.readFileSync(file, 'utf8'))) hashes.add(hash)
    }
  }
  try {
    walk(root)
  } catch {
    // no build output (development)
  }
  cached = [...hashes].sort()
  return cached
}
