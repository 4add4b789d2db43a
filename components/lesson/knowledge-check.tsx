'use client'

import { useEffect, useId, useState, useSyncExternalStore } from 'react'
import { useReader, useSessionHint } from '@/components/layout/lesson-reader'
import type { KnowledgeQuestion } from '@/lib/content/knowledge-check'
import { chooseOrderSeed, DEVICE_SEED_KEY, newDeviceSeed, orderOptions, type OrderSeed } from '@/lib/content/knowledge-check-order'
import { useLearningStore } from './learning-store'
import { useCurrentLessonState } from './lesson-context'
import { QuestionSetMarkup, QUESTION_SET_KINDS } from './question-set-markup'

export type KnowledgeCheckProps = { id: string; questions?: KnowledgeQuestion[] }

/** How long a signed-in reader's order waits for the progress API before using this device's seed. */
const WAIT_FOR_READER_MS = 8_000

let memorySeed: string | null = null
/** This device's random seed, kept in localStorage (a memory value if storage is refused). */
function readDeviceSeed(): string {
  try {
    const saved = localStorage.getItem(DEVICE_SEED_KEY)
    if (saved) return saved
    const seed = newDeviceSeed()
    localStorage.setItem(DEVICE_SEED_KEY, seed)
    return seed
  } catch {
    return (memorySeed ??= newDeviceSeed())
  }
}
const noopSubscribe = () => () => {}

/**
 * The order seed of this page view: chosen once it is known (lib/content/knowledge-check-order.ts)
 * and then kept, so the options never move while the learner reads them.
 */
function useOrderSeed(hydrated: boolean): OrderSeed | null {
  const hint = useSessionHint()
  const reader = useReader()
  const owner = useLearningStore((store) => store.owner)
  const deviceSeed = useSyncExternalStore(noopSubscribe, readDeviceSeed, () => null)
  const [gaveUpWaiting, setGaveUpWaiting] = useState(false)
  useEffect(() => {
    if (hint !== true) return
    const timer = window.setTimeout(() => setGaveUpWaiting(true), WAIT_FOR_READER_MS)
    return () => window.clearTimeout(timer)
  }, [hint])
  const candidate = chooseOrderSeed({ hydrated, hint, readerStatus: reader.status, owner, deviceSeed, gaveUpWaiting })
  const [seed, setSeed] = useState<OrderSeed | null>(null)
  if (seed === null && candidate !== null) setSeed(candidate)
  return seed ?? candidate
}

type QuestionSetProps = KnowledgeCheckProps & {
  /** The section's heading (its accessible name). */
  heading: string
  intro: string
  className?: string
}

/**
 * A set of ungraded questions: immediate feedback per question, answers saved (by option id,
 * under the set's `id`) and changeable. The options are shown in an order of the learner's own
 * (issue 12), once it is known. Completion is decided by the page's sync, not here.
 */
export function QuestionSet({ id, questions = [], heading, intro, className }: QuestionSetProps) {
  const { slug, state, hydrated } = useCurrentLessonState()
  const answer = useLearningStore((store) => store.answerQuestion)
  const prefix = useId()
  const seed = useOrderSeed(hydrated)
  const answers = state.answers[id] ?? {}
  const answered = questions.filter((question) => answers[question.id] !== undefined).length
  const all = questions.length > 0 && answered === questions.length

  return (
    <QuestionSetMarkup
      labelId={`${prefix}-judul`}
      heading={heading}
      intro={intro}
      className={className}
      questions={questions}
      live={hydrated ? 'polite' : 'off'}
      choices={(question) =>
        seed === null ? (
          <p className="muted lesson-choices-loading">Memuat pilihan jawaban…</p>
        ) : (
          <div className="lesson-choices">
            {orderOptions(question.options, seed, slug, question.id).map((item) => (
              <label key={item.id} className="lesson-choice">
                <input
                  type="radio"
                  name={`${prefix}-${question.id}`}
                  value={item.id}
                  checked={answers[question.id] === item.id}
                  onChange={() => answer(slug, id, question.id, item.id)}
                />
                <span>{item.text}</span>
              </label>
            ))}
          </div>
        )
      }
      feedback={(question) => {
        const option = question.options.find((item) => item.id === answers[question.id])
        if (!option) return null
        const right = option.correct === true
        return (
          <div className={`lesson-feedback ${right ? 'lesson-right' : 'lesson-wrong'}`}>
            <p className="lesson-feedback-verdict">
              <span className="lesson-feedback-mark" aria-hidden="true">
                {right ? '✓' : '!'}
              </span>
              {right ? 'Tepat.' : 'Belum tepat.'}
            </p>
            <p>{question.explanation}</p>
          </div>
        )
      }}
      answered={answered}
      allAnswered={all && <p className="lesson-check-done">Semua pertanyaan terjawab.</p>}
    />
  )
}

/** The ungraded check that closes every lesson; answering all of it is part of completing the lesson. */
export function KnowledgeCheck({ id, questions }: KnowledgeCheckProps) {
  return <QuestionSet id={id} questions={questions} {...QUESTION_SET_KINDS.knowledgeCheck} />
}
