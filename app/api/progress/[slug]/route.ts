import { navCapabilitiesOf } from '@/lib/auth/grants.server'
import { findLesson } from '@/lib/content/lessons.server'
import { AppError } from '@/lib/errors/app-error'
import { route } from '@/lib/http/handler.server'
import { heldForAnotherUser, progressRequestSchema } from '@/lib/progress/lesson-progress'
import { getLessonProgress, recordLessonProgress } from '@/lib/progress/progress.server'

// A learner's own progress on one lesson. The user is always the session's (the 5-minute signed
// cookie cache, decision 010): there is no way to name another user, so nobody can read or
// write someone else's progress. A POST carries the page's state, a reading-time heartbeat, or
// both (lib/progress/reading-time.ts); the time is measured on the server's clock. The page also
// sends its state with `fetch(…, {keepalive: true})` when it is hidden or left (issue 11 §1):
// such a request carries the page's Origin like any other, and its body stays far below the
// 16 kB limit (and keepalive's 64 kB).
type Params = { slug: string }

const SIGNED_OUT = 'Silakan masuk untuk menyimpan kemajuan belajar Anda.'

function lessonOf(params: Params) {
  const lesson = findLesson(params.slug)
  if (!lesson) throw new AppError(404, 'Pelajaran ini tidak ada.')
  return lesson
}

export const GET = route<'learner-cached', undefined, Params>({
  access: 'learner-cached',
  signedOut: SIGNED_OUT,
  run: async ({ user, params }) => {
    const progress = await getLessonProgress(user.id, lessonOf(params))
    const nav = await navCapabilitiesOf(user.id)
    return Response.json({ userId: user.id, nav, ...progress }, { headers: { 'Cache-Control': 'no-store' } })
  },
})

export const POST = route<'learner-cached', typeof progressRequestSchema, Params>({
  access: 'learner-cached',
  signedOut: SIGNED_OUT,
  input: {
    from: 'json',
    schema: progressRequestSchema,
    maxBytes: 16 * 1024,
    unreadable: 'Data kemajuan tidak terbaca (harus JSON, paling besar 16 kB).',
    invalid: 'Data kemajuan tidak valid.',
  },
  run: async ({ user, input, params }) => {
    const lesson = lessonOf(params)
    if (heldForAnotherUser(input, user.id)) {
      throw new AppError(409, 'Kemajuan ini milik akun lain yang pernah masuk di perangkat ini; tidak disimpan ke akun Anda.')
    }
    const progress = await recordLessonProgress(user.id, lesson, input, new Date())
    return Response.json({ userId: user.id, ...progress }, { headers: { 'Cache-Control': 'no-store' } })
  },
})
