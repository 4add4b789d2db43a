import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { StartQuizForm } from '@/components/quiz/start-quiz-form'
import { getQuizStatus } from '@/lib/assessment/attempts.server'
import { QUIZ_KINDS, QUIZ_TITLES, type QuizSlug } from '@/lib/assessment/quiz-kinds'
import { requireUser } from '@/lib/auth/session.server'
import { formatScore } from '@/lib/format/indonesian'
import { getCourseSettings } from '@/lib/settings/settings.server'

type Props = { params: Promise<{ kind: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const kind = QUIZ_KINDS[(await params).kind as QuizSlug]
  return kind ? { title: QUIZ_TITLES[kind] } : {}
}

export default async function QuizPage({ params }: Props) {
  const slug = (await params).kind as QuizSlug
  const kind = QUIZ_KINDS[slug]
  if (!kind) notFound()
  const user = await requireUser(`/uji/${slug}`)
  const [status, settings] = await Promise.all([getQuizStatus(user, kind), getCourseSettings()])
  const isPost = kind === 'posttest'
  return (
    <div className="narrow">
      <h1>{QUIZ_TITLES[kind]}</h1>
      {isPost ? (
        <p>
          {settings.postTestItems} studi kasus dari kehidupan sehari-hari ASN. Nilai lulus {settings.passMark}. Anda boleh mencoba{' '}
          {settings.attemptLimit} kali per {settings.attemptWindowHours} jam; setiap percobaan berlaku {settings.attemptMinutes} menit.
          Setelah mengirim, Anda melihat pembahasan setiap soal.
        </p>
      ) : (
        <p>
          Uji awal bersifat opsional dan tidak menentukan kelulusan: {settings.preTestItems} soal singkat untuk mengukur pemahaman
          Anda sebelum belajar, agar kemajuan Anda terlihat.
        </p>
      )}
      <section className="card" aria-labelledby="status-uji">
        <h2 className="flush-top" id="status-uji">
          Status
        </h2>
        {status.lastResult && (
          <p>
            Hasil terakhir: <strong>{formatScore(status.lastResult.score)}</strong>
            {isPost ? (status.lastResult.passed ? ' (lulus)' : ' (belum lulus)') : ''} ·{' '}
            <Link href={`/uji/hasil/${status.lastResult.attemptId}`}>lihat pembahasan</Link>
          </p>
        )}
        {status.openAttemptId ? (
          <p>
            Anda punya percobaan yang belum dikirim. <Link href={`/uji/percobaan/${status.openAttemptId}`}>Lanjutkan percobaan</Link>
          </p>
        ) : status.blockedReason ? (
          <p className={status.passed ? 'alert success' : 'alert info'}>{status.blockedReason}</p>
        ) : (
          <>
            {isPost && status.attemptsLeft !== null && <p>Sisa percobaan saat ini: {status.attemptsLeft}.</p>}
            <StartQuizForm kind={slug} label={isPost ? 'Mulai uji akhir' : 'Mulai uji awal'} />
          </>
        )}
      </section>
      <p>
        <Link href="/dasbor">Kembali ke dasbor</Link>
      </p>
    </div>
  )
}
