'use client'

import type { KnowledgeQuestion } from '@/lib/content/knowledge-check'
import { QuestionSet } from './knowledge-check'

export type WarmUpProps = {
  id: string
  /** Two questions, each recalling a rule of an earlier lesson (`rule`, checked by content:check). */
  questions?: (KnowledgeQuestion & { rule: string })[]
}

/**
 * Retrieval practice at the start of a lesson (issue 12): two questions on earlier lessons,
 * answered like the knowledge check (same per-learner option order, answers saved by option id)
 * but not part of completing the lesson.
 */
export function WarmUp({ id, questions }: WarmUpProps) {
  return (
    <QuestionSet
      id={id}
      questions={questions}
      heading="Pemanasan"
      intro="Dua pertanyaan dari pelajaran sebelumnya untuk menyegarkan ingatan. Tidak dinilai dan tidak memengaruhi penyelesaian pelajaran ini."
      className="lesson-warm-up"
    />
  )
}
