import type { ReactNode } from 'react'
import type { KnowledgeQuestion } from '@/lib/content/knowledge-check'

/** What the learner reads above each kind of ungraded question set, on the site and in a package. */
export const QUESTION_SET_KINDS = {
  knowledgeCheck: {
    heading: 'Uji pemahaman',
    intro: 'Tidak dinilai. Pilih jawaban untuk melihat penjelasannya; Anda boleh mengubah jawaban kapan saja.',
    className: undefined,
  },
  warmUp: {
    heading: 'Pemanasan',
    intro: 'Dua pertanyaan dari pelajaran sebelumnya untuk menyegarkan ingatan. Tidak dinilai dan tidak memengaruhi penyelesaian pelajaran ini.',
    className: 'lesson-warm-up',
  },
} as const

type DataAttributes = Record<`data-${string}`, string>

/**
 * The markup of a set of ungraded questions, shared by the lesson page's interactive set
 * (components/lesson/knowledge-check.tsx) and the static copy in a SCORM/cmi5 package
 * (lib/scorm/export.server.tsx, whose script fills the feedback): the same headings, fieldsets,
 * live regions and classes, so both look and read alike. No state here; each caller renders the
 * choices, the feedback and the summary's lines.
 */
export function QuestionSetMarkup({
  labelId,
  heading,
  intro,
  className,
  questions,
  live,
  data,
  questionData,
  choices,
  feedback,
  answered,
  countData,
  allAnswered,
  allData,
}: {
  /** The heading's id: the section's accessible name. */
  labelId: string
  heading: string
  intro: string
  className?: string
  questions: readonly KnowledgeQuestion[]
  /** The live regions' politeness: 'off' until the page is interactive (no announcement on load). */
  live: 'polite' | 'off'
  data?: DataAttributes
  questionData?: (question: KnowledgeQuestion) => DataAttributes
  choices: (question: KnowledgeQuestion) => ReactNode
  feedback?: (question: KnowledgeQuestion) => ReactNode
  answered: number
  countData?: DataAttributes
  allAnswered?: ReactNode
  allData?: DataAttributes
}) {
  return (
    <section className={className ? `lesson-check ${className}` : 'lesson-check'} aria-labelledby={labelId} {...data}>
      <h2 id={labelId}>{heading}</h2>
      <p className="lesson-check-intro">{intro}</p>
      {questions.map((question, index) => (
        <fieldset key={question.id} className="lesson-question" {...questionData?.(question)}>
          <legend>
            <span className="lesson-question-number">
              Pertanyaan {index + 1} dari {questions.length}
            </span>
            <span className="lesson-question-prompt">{question.prompt}</span>
          </legend>
          {choices(question)}
          <div className="lesson-feedback-slot" aria-live={live}>
            {feedback?.(question)}
          </div>
        </fieldset>
      ))}
      <div className="lesson-check-summary">
        <p {...countData}>
          {answered} dari {questions.length} pertanyaan terjawab.
        </p>
        <div aria-live={live} {...allData}>
          {allAnswered}
        </div>
      </div>
    </section>
  )
}
