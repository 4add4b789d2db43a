/**
 * A `kembali` (return-to) value is followed only when it leads to a page on this site.
 *
 * Decided the way a browser will read the redirect, not by looking at the first characters:
 * 1. remove what the URL parser removes (tabs, newlines, and leading/trailing control
 *    characters and spaces: Chrome turns `/\t/evil.example` into `//evil.example`),
 * 2. resolve the rest against the site's origin (a backslash counts as a slash, `/./` and `/../`
 *    are collapsed, `javascript:` gets the origin "null"),
 * 3. keep it only when the origin is still the site's, and return the resolved path, query and
 *    fragment (never the raw text), checked once more so the result cannot start with `//`.
 * Percent-encoded characters stay encoded: `/%09/evil.example` arrives decoded once (a tab),
 * while `/%2509/...` stays a harmless path on this site.
 */
const URL_PARSER_REMOVES = /[\t\n\r]/g
const LEADING_OR_TRAILING_C0_OR_SPACE = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g
/** Only used when no origin is given: any fixed origin gives the same answer for a path. */
const FALLBACK_ORIGIN = 'https://return-path.invalid'
const MAX_LENGTH = 500

export function safeReturnPath(value: unknown, siteOrigin: string = FALLBACK_ORIGIN): string | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null
  const cleaned = value.replace(URL_PARSER_REMOVES, '').replace(LEADING_OR_TRAILING_C0_OR_SPACE, '')
  // Only paths: an absolute URL (even one naming this site) is not a return path.
  if (!cleaned.startsWith('/')) return null
  let origin: string
  let resolved: URL
  try {
    origin = new URL(siteOrigin).origin
    resolved = new URL(cleaned, origin)
  } catch {
    return null
  }
  if (resolved.origin !== origin) return null
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null
  // The result, read again by a browser, must stay here too.
  return new URL(path, origin).origin === origin ? path : null
}
