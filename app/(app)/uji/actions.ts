'use server'

import { redirect } from 'next/navigation'
import { startAttempt } from '@/lib/assessment/attempts.server'
import { QUIZ_KINDS, type QuizSlug } from '@/lib/assessment/quiz-kinds'
import { requireUser } from '@/lib/auth/session.server'
import { isAppError } from '@/lib/errors/app-error'

export type StartQuizState = { error: string } | null

export async function startQuizAction(_previous: StartQuizState, formData: FormData): Promise<StartQuizState> {
  const slug = String(formData.get('kind') ?? '') as QuizSlug
  const kind = QUIZ_KINDS[slug]
  if (!kind) return { error: 'Jenis uji tidak dikenal.' }
  const user = await requireUser(`/uji/${slug}`)
  let attemptId: string
  try {
    attemptId = await startAttempt(user, kind)
  } catch (error) {
    if (isAppError(error)) return { error: error.userMessage }
    throw error
  }
  redirect(`/uji/percobaan/${attemptId}`)
}
