'use client'

import type { KnowledgeQuestion } from '@/lib/content/knowledge-check'
import { QuestionSet } from './knowledge-check'
import { QUESTION_SET_KINDS } from './question-set-markup'

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
  return <QuestionSet id={id} questions={questions} {...QUESTION_SET_KINDS.warmUp} />
}
