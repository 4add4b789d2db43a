import type { Metadata } from 'next'
import Link from 'next/link'
import { CourseOutline } from '@/components/course-outline'
import { EmailVerificationPrompt } from '@/components/forms/email-verification-prompt'
import { emailVerificationOf } from '@/lib/accounts/email-verification.server'
import { DECISION_AID_PDF_HREF } from '@/lib/decision-aid/flow'
import { getQuizStatus } from '@/lib/assessment/attempts.server'
import { nextStep, pretestNote } from '@/lib/assessment/next-step'
import { requireUser } from '@/lib/auth/session.server'
import { countPendingCertificates, listCertificatesForLearner } from '@/lib/certificates/certificates.server'
import { newestFollowUpOf } from '@/lib/followup/follow-up.server'
import { formatLongDate } from '@/lib/format/indonesian'
import { currentAssignment } from '@/lib/hr/cohorts.server'
import { getOwnIdentity } from '@/lib/identity/identity-review.server'
import { maskNip, nipLabel } from '@/lib/identity/nip'
import { getCourseProgress } from '@/lib/progress/progress.server'
import { requestEmailVerificationAction } from './actions'

export const metadata: Metadata = { title: 'Dasbor' }

/** The post-test's line once passed; the main button above says the rest. */
const PASSED_NOTE: Partial<Record<ReturnType<typeof nextStep>['kind'], string>> = {
  certificate: 'Lulus. Sertifikat berlaku.',
  'certificate-pending': 'Lulus. Sertifikat sedang disiapkan.',
  'certificate-revoked': 'Sertifikat dicabut.',
  'certificate-expired': 'Lulus. Sertifikat kedaluwarsa.',
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireUser('/dasbor')
  const welcome = (await searchParams)['selamat-datang'] === '1'
  const [progress, pretest, posttest, assignment, identity, certificates, pendingCertificates, email, followUp] = await Promise.all([
    getCourseProgress(user.id),
    getQuizStatus(user, 'pretest'),
    getQuizStatus(user, 'posttest'),
    currentAssignment(user.id),
    getOwnIdentity(user.id),
    listCertificatesForLearner(user.id),
    countPendingCertificates(user.id),
    emailVerificationOf(user.id),
    newestFollowUpOf(user.id),
  ])
  const total = progress.lessons.length
  const percent = Math.round((progress.completedCount / total) * 100)
  const latest = certificates[0]
  const step = nextStep({
    lessonsDone: progress.completedCount,
    lessonsTotal: total,
    resume: progress.resume,
    posttest,
    pendingCertificates,
    latestCertificate: latest ? { number: latest.number, score: latest.score, status: latest.status } : null,
  })
  return (
    <>
      {welcome && (
        <div className="alert success" role="status">
          Akun Anda sudah dibuat. Selamat belajar!
        </div>
      )}
      {identity?.identityStatus === 'rejected' && (
        <div className="alert error" role="alert" data-testid="klaim-ditolak">
          <strong>Klaim NIP Anda ditolak.</strong> Admin kepegawaian instansi Anda menyatakan NIP{' '}
          {identity.rejectedNip ? maskNip(identity.rejectedNip) : ''} bukan milik akun ini
          {identity.identityRejectedAt ? ` (${formatLongDate(identity.identityRejectedAt)})` : ''}. Riwayat belajar Anda tetap tersimpan, tetapi
          uji akhir dan sertifikat memerlukan NIP yang terverifikasi. Hubungi admin kepegawaian instansi Anda bila ini keliru.
        </div>
      )}
      <h1>Halo, {user.name}</h1>
      {email && !email.emailVerified && <EmailVerificationPrompt email={email.email} action={requestEmailVerificationAction} />}
      <p className="muted">
        {user.nip && user.employmentType ? `${nipLabel(user.employmentType)} ${maskNip(user.nip)} · ` : ''}
        {user.agencyName ?? 'Instansi belum diisi'}
        {user.unitName ? ` · ${user.unitName}` : ''}
      </p>
      {assignment && (
        <p className={`alert ${assignment.dueDate && assignment.dueDate < new Date() ? 'error' : 'info'}`}>
          Penugasan: <strong>{assignment.name}</strong>
          {assignment.dueDate ? ` — selesaikan paling lambat ${formatLongDate(assignment.dueDate)}.` : '.'}
        </p>
      )}
      {followUp && !followUp.answered && (
        // The follow-up 30 days after passing (decision 048): here too, for whom email cannot reach.
        <p className="alert info" data-testid="tindak-lanjut">
          Tiga puluh hari sejak Anda lulus: <Link href={`/tindak-lanjut/${encodeURIComponent(followUp.id)}`}>jawab 5 soal untuk mengingat kembali</Link>{' '}
          (tidak mengubah kelulusan maupun sertifikat Anda).
        </p>
      )}
      <section aria-labelledby="kemajuan" className="card">
        <h2 className="flush-top" id="kemajuan">
          Kemajuan belajar
        </h2>
        <p>
          {progress.completedCount} dari {total} pelajaran selesai ({percent}%).
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-label="Pelajaran selesai"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={progress.completedCount}
          aria-valuetext={`${progress.completedCount} dari ${total} pelajaran`}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        {progress.completedCount === total && (
          <p className="alert success flush">
            Semua pelajaran selesai.
          </p>
        )}
      </section>
      <section aria-labelledby="langkah" className="card" data-testid="langkah-berikutnya" data-step={step.kind}>
        <h2 className="flush-top" id="langkah">
          Langkah berikutnya
        </h2>
        <p className={step.kind === 'certificate-revoked' ? 'alert error' : undefined}>{step.message}</p>
        {step.action && (
          <div className="actions">
            <Link href={step.action.href} className="button">
              {step.action.label}
            </Link>
          </div>
        )}
      </section>
      <section aria-labelledby="uji" className="card">
        <h2 className="flush-top" id="uji">
          Uji
        </h2>
        <ul className="outline">
          <li>
            <div>
              <h3>
                <Link href="/uji/akhir">Uji akhir</Link>
              </h3>
              <p className="meta">
                {posttest.passed
                  ? PASSED_NOTE[step.kind]
                  : posttest.openAttemptId
                    ? 'Ada percobaan yang belum dikirim.'
                    : (posttest.blockedReason ?? `Siap dikerjakan. Sisa percobaan: ${posttest.attemptsLeft}.`)}
              </p>
            </div>
          </li>
          <li>
            <div>
              <h3>
                <Link href="/uji/awal">Uji awal (opsional)</Link>
              </h3>
              <p className="meta">
                {pretestNote({ lessonsDone: progress.completedCount, lessonsTotal: total, pretestScore: pretest.lastResult?.score ?? null })}
              </p>
            </div>
          </li>
        </ul>
      </section>
      <section aria-labelledby="materi" className="card">
        <h2 className="flush-top" id="materi">
          Materi kursus
        </h2>
        <CourseOutline lessons={progress.lessons.map((lesson) => ({ ...lesson, state: lesson.status }))} linkLessons />
        <p className="muted flush-bottom">
          Untuk dicetak: alur keputusan “Sebelum unggah” dari pelajaran 4.{' '}
          <a href={DECISION_AID_PDF_HREF} download="sebelum-unggah.pdf">
            Unduh PDF (1 halaman A4)
          </a>
        </p>
      </section>
    </>
  )
}
