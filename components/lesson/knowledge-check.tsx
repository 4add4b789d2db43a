'use client'

import { useId } from 'react'
import type { KnowledgeQuestion } from '@/lib/content/knowledge-check'
import { useLearningStore } from './learning-store'
import { useCurrentLessonState } from './lesson-context'

export type KnowledgeCheckProps = { id: string; questions?: KnowledgeQuestion[] }

/**
 * The ungraded check that closes every lesson: immediate feedback per question, answers saved
 * and changeable. Completion is decided by the page's sync, not here.
 */
export function KnowledgeCheck({ id, questions = [] }: KnowledgeCheckProps) {
  const { slug, state, hydrated } = useCurrentLessonState()
  const answer = useLearningStore((store) => store.answerQuestion)
  const prefix = useId()
  const answers = state.answers[id] ?? {}
  const answered = questions.filter((question) => answers[question.id] !== undefined).length
  const all = questions.length > 0 && answered === questions.length

  return (
    <section className="lesson-check" aria-labelledby={`${prefix}-judul`}>
      <h2 id={`${prefix}-judul`}>Uji pemahaman</h2>
      <p className="lesson-check-intro">
        Tidak dinilai. Pilih jawaban untuk melihat penjelasannya; Anda boleh mengubah jawaban kapan saja.
      </p>
      {questions.map((question, index) => {
        const chosen = answers[question.id]
        const option = question.options.find((item) => item.id === chosen)
        const right = option?.correct === true
        return (
          <fieldset key={question.id} className="lesson-question">
            <legend>
              <span className="lesson-question-number">
                Pertanyaan {index + 1} dari {questions.length}
              </span>
              <span className="lesson-question-prompt">{question.prompt}</span>
            </legend>
            <div className="lesson-choices">
              {question.options.map((item) => (
                <label key={item.id} className="lesson-choice">
                  <input
                    type="radio"
                    name={`${prefix}-${question.id}`}
                    value={item.id}
                    checked={chosen === item.id}
                    onChange={() => answer(slug, id, question.id, item.id)}
                  />
                  <span>{item.text}</span>
                </label>
              ))}
            </div>
            <div className="lesson-feedback-slot" aria-live={hydrated ? 'polite' : 'off'}>
              {option && (
                <div className={`lesson-feedback ${right ? 'lesson-right' : 'lesson-wrong'}`}>
                  <p className="lesson-feedback-verdict">
                    <span className="lesson-feedback-mark" aria-hidden="true">
                      {right ? '✓' : '!'}
                    </span>
                    {right ? 'Tepat.' : 'Belum tepat.'}
                  </p>
                  <p>{question.explanation}</p>
                </div>
              )}
            </div>
          </fieldset>
        )
      })}
      <div className="lesson-check-summary">
        <p>
          {answered} dari {questions.length} pertanyaan terjawab.
        </p>
        <div aria-live={hydrated ? 'polite' : 'off'}>
          {all && <p className="lesson-check-done">Semua pertanyaan terjawab.</p>}
        </div>
      </div>
    </section>
  )
}
