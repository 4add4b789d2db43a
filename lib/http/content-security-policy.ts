/**
 * The Content-Security-Policy of every page, built per request in proxy.ts.
 *
 * - App Router pages are rendered per request and get a fresh nonce: Next reads it from the
 *   request's CSP header and puts it on every script it emits; `'strict-dynamic'` lets those
 *   scripts load the chunks they need. No `'unsafe-inline'` for scripts.
 * - The lesson pages (Pages Router, prerendered once at build: decision 008) cannot carry a
 *   per-request nonce. Their one inline script (Turbopack's chunk bootstrap) is allowed by its
 *   hash, read from the prerendered HTML (`__NEXT_DATA__` is JSON, which CSP does not run).
 *   They need `'unsafe-eval'`: mdx-bundler's getMDXComponent turns the compiled lesson into a
 *   component with `new Function` (decision 012 keeps that as an accepted risk: lesson pages
 *   take no user input).
 * - Styles keep `'unsafe-inline'`: React style attributes cannot carry a nonce. Injected styles
 *   cannot run code.
 */
export type PolicyOptions = { development?: boolean; https?: boolean }

function common({ https }: PolicyOptions): string[] {
  return [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The certificate preview on /sertifikat is a same-origin frame.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ]
}

/** For pages rendered per request (App Router). */
export function dynamicPagePolicy(nonce: string, options: PolicyOptions = {}): string {
  // `next dev` evaluates modules with eval (React's dev tooling); never in a production build.
  const script = ["script-src 'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])]
  return [script.join(' '), ...common(options)].join('; ')
}

/**
 * For the prerendered lesson pages (Pages Router): no nonce; their inline scripts by hash.
 * `next dev` renders them on demand with other inline scripts, so development allows inline.
 */
export function staticLessonPolicy(scriptHashes: readonly string[], options: PolicyOptions = {}): string {
  const script = ["script-src 'self'", ...scriptHashes, "'unsafe-eval'", ...(options.development ? ["'unsafe-inline'"] : [])]
  return [script.join(' '), ...common(options)].join('; ')
}

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

/** HSTS for two years, only when the site is served over https. */
export const HSTS = 'max-age=63072000; includeSubDomains'
