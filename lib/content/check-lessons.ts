import matter from 'gray-matter'
import { parseContentEdition } from './content-edition'
import { extractKnowledgeQuestions } from './knowledge-check'
import { lessonFrontmatterSchema, type LessonFrontmatter } from './lesson-frontmatter'
import { readComponentProps } from './mdx-props'
import { checkWarmUps, type LessonForWarmUp } from './warm-up'
import { checkWorkedExamples } from './worked-example'

/** The components a lesson may use (components/mdx/mdx-components.tsx provides them). */
export const LESSON_COMPONENTS = [
  'RuleCard',
  'DoDont',
  'Checklist',
  'PlatformComparison',
  'MockPost',
  'KnowledgeCheck',
  'WarmUp',
  'WorkedExample',
  'SebelumUnggah',
] as const

export type LessonFile = { file: string; text: string }
export type CheckedLesson = LessonFrontmatter & { file: string; body: string }
export type LessonCheckResult = { errors: string[]; lessons: CheckedLesson[] }

const RULE_CARD = /<RuleCard\b[^>]*?\brule="([^"]*)"/g
const COMPONENT = /<([A-Z][A-Za-z0-9]*)\b/g

/**
 * Checks lesson files against docs/content-format.md: frontmatter, known rule and source ids,
 * one RuleCard anchor per taught rule, one closing KnowledgeCheck, only known components.
 * Every message starts with the file it is about.
 */
export function checkLessons(
  files: readonly LessonFile[],
  knownRuleIds: ReadonlySet<string>,
  knownSourceIds: ReadonlySet<string>,
): LessonCheckResult {
  const errors: string[] = []
  const lessons: CheckedLesson[] = []
  const slugs = new Map<string, string>()
  const orders = new Map<number, string>()
  const forWarmUps: LessonForWarmUp[] = []

  for (const { file, text } of files) {
    const fail = (message: string) => errors.push(`${file}: ${message}`)
    let parsed: matter.GrayMatterFile<string>
    try {
      parsed = matter(text)
    } catch (error) {
      fail(`frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`)
      continue
    }
    const frontmatter = lessonFrontmatterSchema.safeParse(parsed.data)
    if (!frontmatter.success) {
      for (const issue of frontmatter.error.issues) {
        fail(`frontmatter.${issue.path.join('.') || '(root)'}: ${issue.message}`)
      }
      continue
    }
    const lesson = { ...frontmatter.data, file, body: parsed.content }
    const expectedName = `${String(lesson.order).padStart(2, '0')}-${lesson.slug}.mdx`
    if (!file.endsWith(`/${expectedName}`) && file !== expectedName) {
      fail(`file name should be ${expectedName} (order and slug from the frontmatter)`)
    }
    if (slugs.has(lesson.slug)) fail(`slug "${lesson.slug}" is also used by ${slugs.get(lesson.slug)}`)
    slugs.set(lesson.slug, file)
    if (orders.has(lesson.order)) fail(`order ${lesson.order} is also used by ${orders.get(lesson.order)}`)
    orders.set(lesson.order, file)

    for (const rule of lesson.rules) if (!knownRuleIds.has(rule)) fail(`frontmatter.rules: unknown rule id "${rule}"`)
    for (const source of lesson.sources) {
      if (!knownSourceIds.has(source)) fail(`frontmatter.sources: unknown source id "${source}"`)
    }

    const anchors = [...lesson.body.matchAll(RULE_CARD)].map((match) => match[1] ?? '')
    for (const rule of lesson.rules) {
      const count = anchors.filter((anchor) => anchor === rule).length
      if (count !== 1) fail(`rule "${rule}" needs exactly one <RuleCard rule="${rule}"> in the body (found ${count})`)
    }
    for (const anchor of new Set(anchors)) {
      if (!lesson.rules.includes(anchor)) fail(`<RuleCard rule="${anchor}"> is not listed in frontmatter.rules`)
    }

    const components = [...lesson.body.matchAll(COMPONENT)].map((match) => match[1] ?? '')
    for (const name of new Set(components)) {
      if (!(LESSON_COMPONENTS as readonly string[]).includes(name)) fail(`unknown component <${name}>`)
    }
    const checks = components.filter((name) => name === 'KnowledgeCheck').length
    if (checks !== 1) fail(`needs exactly one <KnowledgeCheck> (found ${checks})`)
    else if (components.at(-1) !== 'KnowledgeCheck') fail('<KnowledgeCheck> must be the last component of the lesson')
    let knowledgeCheck: LessonForWarmUp['knowledgeCheck'] = null
    if (checks === 1) {
      const knowledge = extractKnowledgeQuestions(lesson.body)
      const props = readComponentProps(lesson.body, 'KnowledgeCheck')
      const id = 'uses' in props ? props.uses[0]?.props.id : undefined
      if ('error' in knowledge) fail(knowledge.error)
      else if (typeof id === 'string') knowledgeCheck = { id, questionIds: knowledge.questions.map((question) => question.id) }
    }
    errors.push(...checkWorkedExamples(file, lesson.body))
    forWarmUps.push({ file, order: lesson.order, rules: lesson.rules, body: lesson.body, knowledgeCheck })
    if (/^\s*(import|export)\s/m.test(lesson.body)) fail('imports and exports are not allowed in lessons')
    if (/^#\s/m.test(lesson.body)) fail('use ## and ### headings only (the page shows the title as the h1)')

    lessons.push(lesson)
  }

  if (orders.size === forWarmUps.length) errors.push(...checkWarmUps(forWarmUps))
  for (const rule of knownRuleIds) {
    if (!lessons.some((lesson) => lesson.rules.includes(rule))) errors.push(`content/rules.yaml: rule "${rule}" is taught by no lesson`)
  }
  lessons.sort((a, b) => a.order - b.order)
  return { errors, lessons }
}

/**
 * Checks content/edition.yaml (the edition printed on certificates): `edition` like 2026.1, a
 * real `date` that is not in the future (a certificate must not cite an edition not yet out).
 */
export function checkContentEdition(file: string, text: string | null, today = new Date()): string[] {
  if (text === null) return [`${file}: missing; certificates print the content edition from it (see docs/content-format.md)`]
  const parsed = parseContentEdition(text)
  if (!parsed.ok) return parsed.errors.map((error) => `${file}: ${error}`)
  if (parsed.edition.date > today.toISOString().slice(0, 10)) return [`${file}: date ${parsed.edition.date} is in the future`]
  return []
}
