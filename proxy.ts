import { getSessionCookie } from 'better-auth/cookies'
import { NextResponse, type NextRequest } from 'next/server'
import { SAMPLE_LESSON_SLUG } from '@/lib/content/sample-lesson'

/**
 * Lesson pages are static, so they cannot ask the database who is reading. Here, before the
 * page is served, a visitor without a session cookie is sent to sign in (except for the public
 * sample lesson). This is an optimistic check of course text, not of personal data: everything
 * personal (progress, quizzes, certificates) is checked against the database session by the
 * route that serves it. See docs/decisions/005-static-lessons-behind-sign-in.md.
 */
export function proxy(request: NextRequest) {
  const slug = request.nextUrl.pathname.split('/')[2]
  if (slug === SAMPLE_LESSON_SLUG || getSessionCookie(request)) return NextResponse.next()
  const signIn = new URL('/masuk', request.url)
  signIn.searchParams.set('kembali', request.nextUrl.pathname)
  return NextResponse.redirect(signIn)
}

export const config = { matcher: ['/belajar/:slug+'] }
