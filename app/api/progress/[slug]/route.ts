import { getRequestSessionUser } from '@/lib/auth/request-session.server'
import { findLesson } from '@/lib/content/lessons.server'
import { jsonError, readJsonBody, zodFields } from '@/lib/http/json-response'
import { sameOriginOnly } from '@/lib/http/route-guards.server'
import { heldForAnotherUser, progressRequestSchema } from '@/lib/progress/lesson-progress'
import { getLessonProgress, recordLessonProgress } from '@/lib/progress/progress.server'

// A learner's own progress on one lesson. The user is always the session's: there is no way to
// name another user, so nobody can read or write someone else's progress. A POST carries the
// page's state, a reading-time heartbeat, or both (lib/progress/reading-time.ts); the time is
// measured on the server's clock. The page also sends its state with `fetch(…, {keepalive: true})`
// when it is hidden or left (issue 11 §1): such a request carries the page's Origin like any
// other, and its body stays far below the 16 kB limit (and keepalive's 64 kB).
type Context = { params: Promise<{ slug: string }> }

const MAX_BODY_BYTES = 16 * 1024

type Resolved = { error: Response } | { userId: string; role: string; lesson: NonNullable<ReturnType<typeof findLesson>> }

async function resolve(request: Request, context: Context): Promise<Resolved> {
  const user = await getRequestSessionUser(request.headers)
  if (!user) return { error: jsonError(401, 'Silakan masuk untuk menyimpan kemajuan belajar Anda.') }
  const lesson = findLesson((await context.params).slug)
  if (!lesson) return { error: jsonError(404, 'Pelajaran ini tidak ada.') }
  return { userId: user.id, role: user.role, lesson }
}

export async function GET(request: Request, context: Context) {
  const resolved = await resolve(request, context)
  if ('error' in resolved) return resolved.error
  const progress = await getLessonProgress(resolved.userId, resolved.lesson)
  return Response.json({ userId: resolved.userId, role: resolved.role, ...progress }, { headers: { 'Cache-Control': 'no-store' } })
}

export const POST = sameOriginOnly(async (request: Request, context: Context) => {
  const resolved = await resolve(request, context)
  if ('error' in resolved) return resolved.error
  const body = await readJsonBody(request, MAX_BODY_BYTES)
  if (body === null) return jsonError(400, 'Data kemajuan tidak terbaca (harus JSON, paling besar 16 kB).')
  const parsed = progressRequestSchema.safeParse(body)
  if (!parsed.success) return jsonError(400, 'Data kemajuan tidak valid.', zodFields(parsed.error))
  if (heldForAnotherUser(parsed.data, resolved.userId)) {
    return jsonError(409, 'Kemajuan ini milik akun lain yang pernah masuk di perangkat ini; tidak disimpan ke akun Anda.')
  }
  const progress = await recordLessonProgress(resolved.userId, resolved.lesson, parsed.data, new Date())
  return Response.json({ userId: resolved.userId, ...progress }, { headers: { 'Cache-Control': 'no-store' } })
})
