'use client'

import { useRouter } from 'next/navigation'
import { useState, useSyncExternalStore } from 'react'
import { formatTimeWib } from '@/lib/format/indonesian'
import type { PublicItem } from '@/lib/quiz/types'
import { useQuizAnswersStore, type Answer } from './quiz-answers-store'
import { QuizPost } from './quiz-post'

const EMPTY: Record<string, Answer> = {}
const noopSubscribe = () => () => {}
const MAX_TRIES = 4

function isAnswered(item: PublicItem, answer: Answer | undefined): boolean {
  if (!answer) return false
  if (item.type === 'single') return !!answer.optionId
  if (item.type === 'multi') return (answer.optionIds?.length ?? 0) > 0
  return !!answer.verdict && !!answer.reasonId
}

const TYPE_HINT = {
  single: 'Pilih satu jawaban terbaik.',
  multi: 'Pilih semua yang benar.',
  judge: 'Nilai unggahan ini, lalu pilih alasannya.',
} as const

/**
 * The questions of one attempt. Answers are kept in the browser as they are given (a reload or
 * a dropped connection loses nothing) and sent once at the end; the server scores them.
 * The follow-up's five questions (decision 048) use the same form: `submitUrl` and `resultUrl`
 * name its route and page, and it has no time limit (`expiresAt` null).
 */
export function QuizForm({
  attemptId,
  items,
  expiresAt,
  submitUrl = `/api/attempts/${attemptId}/submit`,
  resultUrl = `/uji/hasil/${attemptId}`,
}: {
  attemptId: string
  items: PublicItem[]
  expiresAt: string | null
  submitUrl?: string
  resultUrl?: string
}) {
  const router = useRouter()
  const hydrated = useSyncExternalStore(noopSubscribe, () => true, () => false)
  const stored = useQuizAnswersStore((store) => store.attempts[attemptId])
  const answers = hydrated ? (stored ?? EMPTY) : EMPTY
  const setAnswer = useQuizAnswersStore((store) => store.setAnswer)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [confirmUnanswered, setConfirmUnanswered] = useState(false)
  const unanswered = items.filter((item) => !isAnswered(item, answers[item.itemId])).length

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (sending) return
    if (unanswered > 0 && !confirmUnanswered) {
      setConfirmUnanswered(true)
      return
    }
    setSending(true)
    setError(null)
    const responses = Object.fromEntries(items.map((item) => [item.itemId, answers[item.itemId] ?? {}]))
    for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
      try {
        const response = await fetch(submitUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ responses }),
        })
        // 409: already recorded (e.g. an earlier try got through before the connection dropped).
        if (response.ok || response.status === 409) {
          useQuizAnswersStore.getState().clearAttempt(attemptId)
          // The follow-up shows its result on its own page: that page is read again from the server.
          if (resultUrl === window.location.pathname) router.refresh()
          else router.push(resultUrl)
          return
        }
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
        setError(body?.error?.message ?? 'Jawaban tidak dapat dikirim.')
        setSending(false)
        return
      } catch {
        if (attempt < MAX_TRIES) await new Promise((resolve) => setTimeout(resolve, 1000 * attempt))
      }
    }
    setError('Koneksi terputus. Jawaban Anda tetap tersimpan di perangkat ini; coba kirim lagi sebentar lagi.')
    setSending(false)
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">
        {items.length} soal{expiresAt ? <> · kerjakan sebelum {formatTimeWib(new Date(expiresAt))}</> : null}. Jawaban tersimpan otomatis
        di perangkat ini sampai Anda mengirimnya.
      </p>
      <ol className="quiz-items">
        {items.map((item, index) => {
          const answer = answers[item.itemId] ?? {}
          const name = `soal-${item.itemId}`
          return (
            <li key={item.itemId} className="card quiz-item">
              <fieldset>
                <legend>
                  <span className="muted">
                    Soal {index + 1} dari {items.length} · {TYPE_HINT[item.type]}
                  </span>
                  <span className="quiz-stem">{item.stem}</span>
                </legend>
                {item.type === 'judge' && (
                  <QuizPost post={item.post} />
                )}
                {item.type === 'single' &&
                  item.options.map((option) => (
                    <label key={option.id} className="quiz-choice">
                      <input
                        type="radio"
                        name={name}
                        value={option.id}
                        checked={answer.optionId === option.id}
                        onChange={() => setAnswer(attemptId, item.itemId, { optionId: option.id })}
                      />
                      {option.text}
                    </label>
                  ))}
                {item.type === 'multi' &&
                  item.options.map((option) => {
                    const picked = answer.optionIds ?? []
                    return (
                      <label key={option.id} className="quiz-choice">
                        <input
                          type="checkbox"
                          name={name}
                          value={option.id}
                          checked={picked.includes(option.id)}
                          onChange={(event) =>
                            setAnswer(attemptId, item.itemId, {
                              optionIds: event.target.checked ? [...picked, option.id] : picked.filter((id) => id !== option.id),
                            })
                          }
                        />
                        {option.text}
                      </label>
                    )
                  })}
                {item.type === 'judge' && (
                  <>
                    <fieldset className="quiz-subgroup">
                      <legend>Boleh diunggah?</legend>
                      {item.verdicts.map((verdict) => (
                        <label key={verdict} className="quiz-choice">
                          <input
                            type="radio"
                            name={`${name}-putusan`}
                            value={verdict}
                            checked={answer.verdict === verdict}
                            onChange={() => setAnswer(attemptId, item.itemId, { ...answer, verdict })}
                          />
                          {verdict === 'ya' ? 'Ya, boleh' : 'Tidak'}
                        </label>
                      ))}
                    </fieldset>
                    <fieldset className="quiz-subgroup">
                      <legend>Alasannya</legend>
                      {item.reasons.map((reason) => (
                        <label key={reason.id} className="quiz-choice">
                          <input
                            type="radio"
                            name={`${name}-alasan`}
                            value={reason.id}
                            checked={answer.reasonId === reason.id}
                            onChange={() => setAnswer(attemptId, item.itemId, { ...answer, reasonId: reason.id })}
                          />
                          {reason.text}
                        </label>
                      ))}
                    </fieldset>
                  </>
                )}
              </fieldset>
            </li>
          )
        })}
      </ol>
      <div aria-live="polite">
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        {confirmUnanswered && unanswered > 0 && !sending && (
          <p className="alert info">
            {unanswered} soal belum dijawab dan akan dinilai 0. Tekan &ldquo;Kirim jawaban&rdquo; sekali lagi untuk tetap mengirim.
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={sending}>
          {sending ? 'Mengirim…' : 'Kirim jawaban'}
        </button>
        <span className="muted">
          {items.length - unanswered} dari {items.length} soal terjawab
        </span>
      </div>
    </form>
  )
}
