/**
 * Is a state-changing request from this site? The CSRF check of every mutating route handler
 * (`route()` in lib/http/handler.ts checks every non-GET request). Server actions need no such check of ours:
 * Next compares their Origin with the Host itself and refuses a mismatch (e2e/hardening.spec.ts
 * checks that it does).
 *
 * - Origin present: it must be one of the site's origins (`null`, sent from sandboxed or
 *   privacy-sensitive contexts, is refused).
 * - No Origin: every browser in use sends Origin on cross-origin POSTs, so a request without
 *   one comes from the page itself (old browsers) or from a program, which has no victim's
 *   cookies to abuse. It is still refused when Sec-Fetch-Site says cross-site/same-site or the
 *   Referer names another origin.
 */
export function isSameOriginRequest(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const allowed = new Set(allowedOrigins.map(originOf).filter((o): o is string => o !== null))
  const origin = headers.get('origin')
  if (origin !== null) return allowed.has(origin)
  const site = headers.get('sec-fetch-site')
  if (site === 'cross-site' || site === 'same-site') return false
  const referer = headers.get('referer')
  if (referer !== null) {
    const refererOrigin = originOf(referer)
    return refererOrigin !== null && allowed.has(refererOrigin)
  }
  return true
}

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

export const CROSS_ORIGIN_MESSAGE = 'Permintaan ditolak: harus dikirim dari halaman aplikasi ini.'
