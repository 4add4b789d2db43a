import { createHash } from 'node:crypto'

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi
const NOT_EXECUTED_TYPE = /\btype\s*=\s*["']?(application\/json|application\/ld\+json|text\/plain)/i

/**
 * The CSP hash sources ('sha256-…') of the inline scripts a browser would run in `html`: not
 * scripts with a src, not data blocks such as `__NEXT_DATA__` (type="application/json").
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || NOT_EXECUTED_TYPE.test(attributes)) continue
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return [...hashes].sort()
}
