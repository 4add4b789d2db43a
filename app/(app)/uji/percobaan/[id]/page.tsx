import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { QuizForm } from '@/components/quiz/quiz-form'
import { getAttemptForLearner } from '@/lib/assessment/attempts.server'
import { requireUser } from '@/lib/auth/session.server'
import { isAppError } from '@/lib/errors/app-error'

export const metadata: Metadata = { title: 'Mengerjakan uji' }

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requireUser(`/uji/percobaan/${id}`)
  const attempt = await getAttemptForLearner(user.id, id).catch((error) => {
    if (isAppError(error) && error.status === 404) notFound()
    throw error
  })
  if (attempt.submitted) redirect(`/uji/hasil/${id}`)
  return (
    <>
      <h1>{attempt.title}</h1>
      <QuizForm attemptId={attempt.id} items={attempt.items} expiresAt={attempt.expiresAt.toISOString()} />
    </>
  )
}
