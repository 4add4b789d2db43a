import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { FeedbackItem } from '@/components/quiz/feedback-item'
import { FocusOnMount } from '@/components/quiz/focus-on-mount'
import { ReportItemForm } from '@/components/quiz/report-item-form'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { getAttemptResult, getQuizStatus } from '@/lib/assessment/attempts.server'
import { listLearnerReports, type LearnerItemReport } from '@/lib/assessment/item-reports.server'
import { itemChoices } from '@/lib/quiz/item-choices'
import { quizSlugOf } from '@/lib/assessment/quiz-kinds'
import { requireUser } from '@/lib/auth/session.server'
import { getLessonOutline, getSources } from '@/lib/content/lessons.server'
import { isAppError } from '@/lib/errors/app-error'
import { formatDateTimeWib, formatScore } from '@/lib/format/indonesian'

export const metadata: Metadata = { title: 'Hasil uji' }

export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requireUser(`/uji/hasil/${id}`)
  const attempt = await getAttemptResult(user.id, id).catch((error) => {
    if (isAppError(error) && error.status === 404) notFound()
    if (isAppError(error) && error.status === 409) redirect(`/uji/percobaan/${id}`)
    throw error
  })
  const { result } = attempt
  const isPost = attempt.kind === 'posttest'
  // After a failed post-test: may the learner try again now, or when?
  const posttest = isPost && !result.passed ? await getQuizStatus(user, 'posttest') : null
  // { at: null }: try again now; { at }: the limit is reached until then; null: no new try offered.
  let retry: { at: Date | null } | null = null
  if (posttest && !posttest.passed) {
    if (posttest.nextAttemptAt) retry = { at: posttest.nextAttemptAt }
    else if (!posttest.blockedReason) retry = { at: null }
  }
  const { bank, coverage } = getQuestionBank()
  // The learner's own reports on these items ("Laporkan soal ini", decision 035), with their outcome.
  const reports = await listLearnerReports(user.id, result.items.map((item) => item.itemId))
  // The options to suggest, texts only, once the key is shown (after a pass): before that the
  // result page carries no option texts at all (issue 10 §3), so the learner names the option in
  // their reason.
  const choicesOf = (itemId: string) => {
    const item = result.keyRevealed ? bank.itemById.get(itemId) : undefined
    return item ? itemChoices(item).map(({ id: choiceId, text }) => ({ id: choiceId, text })) : []
  }
  const ruleTitle = new Map(coverage.rules.map((rule) => [rule.id, rule.title ?? rule.id]))
  const areaTitle = new Map(coverage.areas.map((area) => [area.id, area.title ?? area.id]))
  const lessonOf = new Map<string, string>()
  for (const lesson of getLessonOutline()) for (const rule of lesson.rules) if (!lessonOf.has(rule)) lessonOf.set(rule, lesson.slug)
  const sources = getSources()

  return (
    <>
      <FocusOnMount targetId="hasil" />
      <h1 id="hasil" tabIndex={-1}>
        Hasil {attempt.title.toLowerCase()}
      </h1>
      <section className="card" aria-labelledby="ringkasan">
        <h2 className="flush-top" id="ringkasan">
          Nilai Anda
        </h2>
        <p className={`result-score ${!isPost ? '' : result.passed ? 'result-pass' : 'result-fail'}`}>{formatScore(result.total)}</p>
        {isPost ? (
          <p>
            {result.passed
              ? `Lulus (nilai lulus ${result.passMark}). Anda berhak atas sertifikat kursus ini.`
              : retry?.at
                ? `Belum lulus (nilai lulus ${result.passMark}). Pelajari pembahasan di bawah.`
                : `Belum lulus (nilai lulus ${result.passMark}). Pelajari pembahasan di bawah, lalu coba lagi.`}
          </p>
        ) : (
          <p>Uji awal tidak menentukan kelulusan. Nilai ini akan dibandingkan dengan uji akhir Anda.</p>
        )}
        <p className="muted">
          {result.answeredCount} dari {result.itemCount} soal dijawab.
        </p>
        {result.items.some((item) => item.withdrawn) && (
          <p className="alert info" data-testid="dinilai-ulang">
            {result.items.filter((item) => item.withdrawn).length} soal percobaan ini ditarik karena keliru. Nilai Anda dihitung ulang tanpa
            soal itu dan tidak pernah berkurang karenanya.
          </p>
        )}
        {retry?.at && (
          <p className="alert info" data-testid="percobaan-berikutnya">
            Anda sudah memakai semua percobaan yang diizinkan untuk saat ini. Percobaan berikutnya dapat dimulai pada{' '}
            <strong>{formatDateTimeWib(retry.at)}</strong>.
          </p>
        )}
        <div className="actions">
          <Link href="/dasbor" className="button secondary">
            Ke dasbor
          </Link>
          {isPost && result.passed && (
            <Link href="/sertifikat" className="button">
              Unduh sertifikat
            </Link>
          )}
          {isPost && !result.passed && retry && !retry.at && (
            <Link href={`/uji/${quizSlugOf(attempt.kind)}`} className="button">
              Coba lagi
            </Link>
          )}
        </div>
      </section>

      <section className="card" aria-labelledby="per-bidang">
        <h2 className="flush-top" id="per-bidang">
          Nilai per bidang
        </h2>
        <p className="muted" id="per-bidang-keterangan">
          Setiap soal dihitung sekali, pada bidang aturan utamanya, sehingga jumlah soal sama dengan jumlah soal uji.
        </p>
        <div className="table-wrap">
          <table aria-describedby="per-bidang-keterangan">
            <thead>
              <tr>
                <th scope="col">Bidang</th>
                <th scope="col">Soal</th>
                <th scope="col">Nilai</th>
              </tr>
            </thead>
            <tbody>
              {result.byMainArea.map((area) => (
                <tr key={area.area}>
                  <th scope="row">
                    {area.area}. {areaTitle.get(area.area)}
                  </th>
                  <td>{area.itemCount}</td>
                  <td>{formatScore(area.score)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td>{result.byMainArea.reduce((sum, area) => sum + area.itemCount, 0)}</td>
                <td>{formatScore(result.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="pembahasan">
        <h2 id="pembahasan">Pembahasan</h2>
        {!result.keyRevealed && (
          <p className="alert info">
            Kunci jawaban dan penjelasannya ditampilkan setelah Anda lulus uji akhir, karena soal yang sama dapat muncul lagi pada
            percobaan berikutnya. Untuk setiap soal Anda melihat apakah jawaban Anda tepat, aturan yang diuji, sumbernya, dan
            pelajaran yang perlu dibaca lagi.
          </p>
        )}
        <ol className="feedback-list">
          {result.items.map((item, index) => (
            <FeedbackItem
              key={item.itemId}
              item={item}
              number={index + 1}
              sourceTitle={(source) => sources[source]?.title ?? source}
              details={
                <>
                  <dt>Pelajari lagi</dt>
                  <dd>
                    <ul className="compact-list">
                      {item.rules.map((rule) => (
                        <li key={rule}>
                          {lessonOf.has(rule) ? (
                            <Link href={`/belajar/${lessonOf.get(rule)}#aturan-${rule}`}>{ruleTitle.get(rule)}</Link>
                          ) : (
                            ruleTitle.get(rule)
                          )}
                        </li>
                      ))}
                    </ul>
                  </dd>
                  <MyReport report={reports.get(item.itemId)} />
                </>
              }
              after={
                !item.withdrawn && !['open', 'under_review'].includes(reports.get(item.itemId)?.status ?? '') && (
                  <ReportItemForm attemptId={attempt.id} itemId={item.itemId} itemLabel={`Soal ${index + 1}`} choices={choicesOf(item.itemId)} />
                )
              }
            />
          ))}
        </ol>
      </section>
    </>
  )
}

/** The learner's own report on an item and its outcome (the texts are escaped by React). */
function MyReport({ report }: { report: LearnerItemReport | undefined }) {
  if (!report) return null
  return (
    <>
      <dt>Laporan Anda</dt>
      <dd data-testid="status-laporan">
        <strong>{report.statusLabel}</strong>
        {report.reply && <> — {report.reply}</>}
        <br />
        <span className="muted">“{report.reason}”</span>
      </dd>
    </>
  )
}
