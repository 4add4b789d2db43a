import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { FeedbackItem } from '@/components/quiz/feedback-item'
import { FocusOnMount } from '@/components/quiz/focus-on-mount'
import { QuizForm } from '@/components/quiz/quiz-form'
import { requireUser } from '@/lib/auth/session.server'
import { getFollowUpForLearner } from '@/lib/followup/follow-up.server'
import { getSources } from '@/lib/content/lessons.server'
import { isAppError } from '@/lib/errors/app-error'
import { formatDateTimeWib } from '@/lib/format/indonesian'

export const metadata: Metadata = { title: 'Soal tindak lanjut' }

/**
 * The learner's own follow-up (decision 048): five questions 30 days after passing, answered with
 * the post-test's form; once answered, which were right with the explanations. Someone else's
 * follow-up is a 404.
 */
export default async function FollowUpPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requireUser(`/tindak-lanjut/${id}`)
  const followUp = await getFollowUpForLearner(user.id, id).catch((error) => {
    if (isAppError(error) && error.status === 404) notFound()
    throw error
  })
  if (!followUp.answered) {
    return (
      <>
        <h1>Soal tindak lanjut</h1>
        <p>
          Lima soal untuk mengingat kembali isi kursus. Jawaban Anda dicatat, tetapi tidak mengubah kelulusan maupun sertifikat Anda.
          Setelah mengirim, Anda melihat mana yang tepat beserta penjelasannya.
        </p>
        <QuizForm
          attemptId={`tindak-lanjut-${followUp.id}`}
          items={followUp.items}
          expiresAt={null}
          submitUrl={`/api/tindak-lanjut/${encodeURIComponent(followUp.id)}`}
          resultUrl={`/tindak-lanjut/${encodeURIComponent(followUp.id)}`}
        />
      </>
    )
  }
  const { result } = followUp
  const sources = getSources()
  return (
    <>
      <FocusOnMount targetId="hasil" />
      <h1 id="hasil" tabIndex={-1}>
        Hasil soal tindak lanjut
      </h1>
      <section className="card" aria-labelledby="ringkasan">
        <h2 className="flush-top" id="ringkasan">
          {followUp.correctCount} dari {result.itemCount} soal tepat
        </h2>
        <p>
          Dijawab {formatDateTimeWib(followUp.answeredAt)}. Hasil ini hanya untuk latihan mengingat: kelulusan dan sertifikat Anda tidak
          berubah.
        </p>
        <div className="actions">
          <Link href="/dasbor" className="button secondary">
            Ke dasbor
          </Link>
        </div>
      </section>
      <section aria-labelledby="pembahasan">
        <h2 id="pembahasan">Pembahasan</h2>
        <ol className="feedback-list">
          {result.items.map((item, index) => (
            <FeedbackItem key={item.itemId} item={item} number={index + 1} sourceTitle={(source) => sources[source]?.title ?? source} />
          ))}
        </ol>
      </section>
    </>
  )
}
