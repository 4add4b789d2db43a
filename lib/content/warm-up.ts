import { z } from 'zod'
import { knowledgeQuestionSchema, type KnowledgeQuestion } from './knowledge-check'
import { readComponentProps } from './mdx-props'

/**
 * Warm-ups (issue 12, retrieval practice): two questions at the start of every lesson after the
 * first, each recalling a rule an earlier lesson taught. They are answered like a knowledge check
 * (same component, same per-learner option order) but do not count towards completing the lesson.
 */
export const WARM_UP_QUESTIONS = 2

export const warmUpQuestionSchema = knowledgeQuestionSchema.extend({
  /** The rule the question recalls: taught (RuleCard) by a lesson that comes earlier. */
  rule: z.string().min(1),
})
export type WarmUpQuestion = z.infer<typeof warmUpQuestionSchema>

const warmUpPropsSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  questions: z.array(warmUpQuestionSchema).length(WARM_UP_QUESTIONS),
})

/** What the warm-up check needs to know of a lesson. */
export type LessonForWarmUp = {
  file: string
  order: number
  rules: readonly string[]
  body: string
  /** The knowledge check's id and question ids (answers of both share one saved state). */
  knowledgeCheck: { id: string; questionIds: readonly string[] } | null
}

/** The warm-up questions of a lesson body: none, its questions, or what is wrong with it. */
export function extractWarmUp(body: string): { warmUp: { id: string; questions: WarmUpQuestion[]; index: number } | null } | { error: string } {
  const read = readComponentProps(body, 'WarmUp')
  if ('error' in read) return read
  if (read.uses.length === 0) return { warmUp: null }
  if (read.uses.length > 1) return { error: `needs at most one <WarmUp> (found ${read.uses.length})` }
  const [use] = read.uses
  const parsed = warmUpPropsSchema.safeParse(use!.props)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { error: `<WarmUp> ${issue?.path.join('.') || 'props'}: ${issue?.message}` }
  }
  return { warmUp: { ...parsed.data, index: use!.index } }
}

/**
 * Every lesson after the first opens with one <WarmUp> of two questions, before its first
 * section heading; each question has exactly one correct option and recalls a different rule
 * that an earlier lesson teaches. Its ids must not collide with the knowledge check's: the
 * server completes a lesson when the knowledge check's question ids are answered, and both
 * components save their answers in the same lesson state. The first lesson has none.
 * Returns content:check lines naming the file.
 */
export function checkWarmUps(lessons: readonly LessonForWarmUp[]): string[] {
  const errors: string[] = []
  const firstTaught = new Map<string, number>()
  for (const lesson of lessons) {
    for (const rule of lesson.rules) firstTaught.set(rule, Math.min(firstTaught.get(rule) ?? Infinity, lesson.order))
  }
  const first = Math.min(...lessons.map((lesson) => lesson.order))

  for (const lesson of lessons) {
    const fail = (message: string) => errors.push(`${lesson.file}: ${message}`)
    const result = extractWarmUp(lesson.body)
    if ('error' in result) {
      fail(result.error)
      continue
    }
    const { warmUp } = result
    if (lesson.order === first) {
      if (warmUp) fail('the first lesson has no <WarmUp>: there is no earlier lesson to recall')
      continue
    }
    if (!warmUp) {
      fail(`needs a <WarmUp> with ${WARM_UP_QUESTIONS} questions on earlier lessons at its start (retrieval practice)`)
      continue
    }
    const firstHeading = lesson.body.search(/^##\s/m)
    if (firstHeading >= 0 && warmUp.index > firstHeading) fail('<WarmUp> must come before the first ## heading (the start of the lesson)')

    if (lesson.knowledgeCheck && warmUp.id === lesson.knowledgeCheck.id) {
      fail(`<WarmUp> id "${warmUp.id}" is also the <KnowledgeCheck>'s id; answers would mix`)
    }
    const ids = warmUp.questions.map((question) => question.id)
    if (new Set(ids).size !== ids.length) fail('<WarmUp> question ids must be unique')
    for (const question of warmUp.questions) {
      const at = `<WarmUp> question "${question.id}"`
      const correct = question.options.filter((option) => option.correct).length
      if (correct !== 1) fail(`${at} needs exactly one correct option (has ${correct})`)
      if (lesson.knowledgeCheck?.questionIds.includes(question.id)) {
        fail(`${at}: the <KnowledgeCheck> has a question with this id; a warm-up answer would count towards completing the lesson`)
      }
      const taught = firstTaught.get(question.rule)
      if (taught === undefined) fail(`${at}: rule "${question.rule}" is taught by no lesson`)
      else if (taught >= lesson.order) {
        fail(`${at}: rule "${question.rule}" is first taught in lesson ${taught}, not in an earlier lesson (a warm-up recalls what came before)`)
      }
    }
    const rules = warmUp.questions.map((question) => question.rule)
    if (new Set(rules).size !== rules.length) fail('<WarmUp> questions must recall different rules')
  }
  return errors
}

/** The warm-up questions as knowledge questions (for the bank-wide key-length share). */
export function warmUpAsKnowledge(questions: readonly WarmUpQuestion[]): KnowledgeQuestion[] {
  return questions.map(({ id, prompt, options, explanation }) => ({ id, prompt, options, explanation }))
}
