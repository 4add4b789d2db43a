import { getSessionCookie } from 'better-auth/cookies'
import { NextResponse, type NextRequest } from 'next/server'
import { SESSION_HINT_COOKIE, sessionHintChange } from '@/lib/auth/session-hint'
import { SAMPLE_LESSON_SLUG } from '@/lib/content/sample-lesson'
import { dynamicPagePolicy, HSTS, newNonce, staticLessonPolicy } from '@/lib/http/content-security-policy'
import { prerenderedScriptHashes } from '@/lib/http/prerendered-script-hashes.server'

const https = (process.env.PUBLIC_BASE_URL ?? '').startsWith('https://')
const development = process.env.NODE_ENV === 'development'

function withSecurityHeaders(response: NextResponse, policy: string | null): NextResponse {
  if (policy) response.headers.set('Content-Security-Policy', policy)
  if (https) response.headers.set('Strict-Transport-Security', HSTS)
  return response
}

/** Keeps the readable "signed in" hint in step with the session cookie (lib/auth/session-hint.ts). */
function withSessionHint(request: NextRequest, response: NextResponse): NextResponse {
  const change = sessionHintChange(!!getSessionCookie(request), request.cookies.get(SESSION_HINT_COOKIE)?.value)
  if (change === 'set') response.cookies.set(SESSION_HINT_COOKIE, '1', { path: '/', sameSite: 'lax', secure: https, httpOnly: false })
  if (change === 'clear') response.cookies.delete(SESSION_HINT_COOKIE)
  return response
}

/**
 * Runs before every page (not API routes, not static files: see `config.matcher`).
 *
 * 1. Security headers: a Content-Security-Policy with a fresh nonce for the App Router pages
 *    (Next reads the nonce from the request's CSP header and puts it on its scripts), a policy
 *    without nonce for the prerendered lesson pages (their inline script allowed by hash), HSTS
 *    when served over https (lib/http/content-security-policy.ts).
 * 2. Lesson pages are static, so they cannot ask the database who is reading. A visitor
 *    without a session cookie is sent to sign in (except for the public sample lesson). This
 *    is an optimistic check of course text, not of personal data: everything personal
 *    (progress, quizzes, certificates) is checked against the database session by the route
 *    that serves it. See docs/decisions/005-static-lessons-behind-sign-in.md.
 * 3. A readable hint cookie says whether the request carried a session cookie, so the static
 *    lesson pages can show the signed-in header and skip the progress API for visitors
 *    (docs/decisions/014-lesson-saves-that-survive-leaving.md).
 */
export function proxy(request: NextRequest) {
  return withSessionHint(request, route(request))
}

function route(request: NextRequest): NextResponse {
  const path = request.nextUrl.pathname
  const lesson = /^\/belajar\/([^/]+)/.exec(path) ?? /^\/_next\/data\/[^/]+\/belajar\/([^/]+)\.json$/.exec(path)
  if (lesson) {
    const slug = decodeURIComponent(lesson[1] ?? '')
    if (slug !== SAMPLE_LESSON_SLUG && !getSessionCookie(request)) {
      const signIn = new URL('/masuk', request.url)
      signIn.searchParams.set('kembali', path.startsWith('/belajar/') ? path : `/belajar/${slug}`)
      return withSecurityHeaders(NextResponse.redirect(signIn), null)
    }
    return withSecurityHeaders(NextResponse.next(), staticLessonPolicy(prerenderedScriptHashes(), { https, development }))
  }
  // The certificate PDF is shown in a frame on /sertifikat: its route sets its own framing rule.
  if (/^\/sertifikat\/[^/]+\/pdf$/.test(path)) return withSecurityHeaders(NextResponse.next(), null)
  // So is an outbox message's HTML preview on /admin/kotak-keluar/<id> (a stricter policy of its own).
  if (/^\/admin\/kotak-keluar\/[^/]+\/html$/.test(path)) return withSecurityHeaders(NextResponse.next(), null)

  const policy = dynamicPagePolicy(newNonce(), { https, development })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('Content-Security-Policy', policy)
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy)
}

export const config = {
  // Not API routes (a proxy would buffer their bodies, and they return JSON or files), not
  // Next's static files, the fonts, the icon or the public downloads (/unduh: cacheable files
  // for anyone, which must not carry the session-hint cookie).
  matcher: ['/((?!api/|_next/static/|_next/image|fonts/|unduh/|icon.svg|favicon.ico).*)'],
}
