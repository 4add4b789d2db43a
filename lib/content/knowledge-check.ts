import { z } from 'zod'
import { closeBrace } from './mdx-props'

export const knowledgeQuestionSchema = z.object({
  id: z.string().min(1),
  prompt: z.string().min(1),
  options: z
    .array(z.object({ id: z.string().min(1), text: z.string().min(1), correct: z.boolean().optional() }))
    .min(2),
  explanation: z.string().min(1),
})
export type KnowledgeQuestion = z.infer<typeof knowledgeQuestionSchema>

const BLOCK = /<KnowledgeCheck\b/

/**
 * Reads the questions of a lesson's <KnowledgeCheck questions={[…]} /> from its MDX source.
 * The server needs their ids to decide when a lesson is complete; the checker needs them to
 * verify each question has exactly one right answer. The expression is our own content (a
 * literal array), evaluated at build or server start only.
 */
export function extractKnowledgeQuestions(body: string): { questions: KnowledgeQuestion[] } | { error: string } {
  const start = body.search(BLOCK)
  if (start < 0) return { error: 'no <KnowledgeCheck>' }
  const open = body.indexOf('questions={', start)
  if (open < 0) return { error: '<KnowledgeCheck> has no questions={…}' }
  // closeBrace returns the index just past the matching `}`.
  const end = closeBrace(body, open + 'questions='.length) - 1
  if (end < 0) return { error: '<KnowledgeCheck> questions={…} is not closed' }
  const expression = body.slice(open + 'questions={'.length, end)
  let value: unknown
  try {
    value = new Function(`"use strict"; return (${expression});`)()
  } catch (error) {
    return { error: `<KnowledgeCheck> questions are not a literal array: ${(error as Error).message}` }
  }
  const parsed = z.array(knowledgeQuestionSchema).min(2).max(3).safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { error: `<KnowledgeCheck> questions${issue?.path.length ? `[${issue.path.join('].')}` : ''}: ${issue?.message}` }
  }
  for (const question of parsed.data) {
    const correct = question.options.filter((option) => option.correct).length
    if (correct !== 1) return { error: `<KnowledgeCheck> question "${question.id}" needs exactly one correct option (has ${correct})` }
  }
  const ids = parsed.data.map((q) => q.id)
  if (new Set(ids).size !== ids.length) return { error: '<KnowledgeCheck> question ids must be unique' }
  return { questions: parsed.data }
}

/** Knowledge checks (issue 12): the key is the strictly longest option in at most this share of questions. */
export const KNOWLEDGE_KEY_LONGEST_MAX_SHARE = 0.4

const visibleLength = (text: string) => text.trim().replace(/\s+/g, ' ').length

/** True when the question's correct option is longer than each of its other options. */
export function keyIsStrictlyLongest(question: KnowledgeQuestion): boolean {
  const key = question.options.find((option) => option.correct)
  if (!key) return false
  return question.options.every((option) => option === key || visibleLength(option.text) < visibleLength(key.text))
}

/**
 * Across all lessons' knowledge checks, the key may be the strictly longest option in at most
 * KNOWLEDGE_KEY_LONGEST_MAX_SHARE of the questions (otherwise length gives it away). Returns
 * content:check lines naming each lesson file and question concerned.
 */
export function checkKnowledgeKeyLength(lessons: readonly { file: string; questions: readonly KnowledgeQuestion[] }[]): string[] {
  const all = lessons.flatMap(({ file, questions }) => questions.map((question) => ({ file, question })))
  const longest = all.filter(({ question }) => keyIsStrictlyLongest(question))
  if (all.length === 0 || longest.length / all.length <= KNOWLEDGE_KEY_LONGEST_MAX_SHARE) return []
  const allowed = Math.floor(KNOWLEDGE_KEY_LONGEST_MAX_SHARE * all.length)
  const share = Math.round((longest.length / all.length) * 1000) / 10
  return [
    `content/lessons/: <KnowledgeCheck> the key is the strictly longest option in ${longest.length} of ${all.length} questions (${share}%; at most ${KNOWLEDGE_KEY_LONGEST_MAX_SHARE * 100}%, i.e. ${allowed}); shorten the key or lengthen a wrong option in at least ${longest.length - allowed} of: ${longest.map(({ file, question }) => `${file} "${question.id}"`).join(', ')}`,
  ]
}
