import { describe, expect, it } from 'vitest'
import { checkLessons } from './check-lessons'

const rules = new Set(['se137-1', 'se137-6'])
const sources = new Set(['se137'])

function lesson(overrides: { front?: string; body?: string; file?: string } = {}) {
  const front =
    overrides.front ??
    'title: "Delapan poin"\nslug: delapan-poin\norder: 1\nminutes: 5\nsummary: "Ringkasan pelajaran ini."\nrules: [se137-1, se137-6]\nsources: [se137]'
  const body =
    overrides.body ??
    '## Bagian\n\n<RuleCard rule="se137-1" title="A">x</RuleCard>\n\n<RuleCard rule="se137-6" title="B">y</RuleCard>\n\n<KnowledgeCheck id="k" questions={[{ id: "q1", prompt: "P?", options: [{ id: "a", text: "A", correct: true }, { id: "b", text: "B" }], explanation: "E." }, { id: "q2", prompt: "P?", options: [{ id: "a", text: "A" }, { id: "b", text: "B", correct: true }], explanation: "E." }]} />\n'
  return { file: overrides.file ?? 'content/lessons/01-delapan-poin.mdx', text: `---\n${front}\n---\n${body}` }
}

describe('checkLessons', () => {
  it('accepts a well-formed lesson and reports the rules it teaches', () => {
    const result = checkLessons([lesson()], rules, sources)
    expect(result.errors).toEqual([])
    expect(result.lessons[0]).toMatchObject({ slug: 'delapan-poin', rules: ['se137-1', 'se137-6'] })
  })

  it('names the file and field of malformed frontmatter', () => {
    const result = checkLessons([lesson({ front: 'title: "X"\nslug: Bad Slug\norder: 1' })], rules, sources)
    expect(result.errors).toContain('content/lessons/01-delapan-poin.mdx: frontmatter.slug: must be kebab-case')
    expect(result.errors.some((e) => e.includes('frontmatter.minutes'))).toBe(true)
  })

  it('refuses unknown rule and source ids', () => {
    const front =
      'title: "Delapan poin"\nslug: delapan-poin\norder: 1\nminutes: 5\nsummary: "Ringkasan pelajaran ini."\nrules: [se137-1, se137-6, se137-99]\nsources: [se137, koran]'
    const errors = checkLessons([lesson({ front })], rules, sources).errors
    expect(errors).toContain('content/lessons/01-delapan-poin.mdx: frontmatter.rules: unknown rule id "se137-99"')
    expect(errors).toContain('content/lessons/01-delapan-poin.mdx: frontmatter.sources: unknown source id "koran"')
  })

  it('requires one RuleCard per taught rule and no cards for other rules', () => {
    const body = '<RuleCard rule="se137-1" title="A">x</RuleCard>\n<RuleCard rule="se137-9" title="B">y</RuleCard>\n<KnowledgeCheck id="k" questions={[{ id: "q1", prompt: "P?", options: [{ id: "a", text: "A", correct: true }, { id: "b", text: "B" }], explanation: "E." }, { id: "q2", prompt: "P?", options: [{ id: "a", text: "A" }, { id: "b", text: "B", correct: true }], explanation: "E." }]} />'
    const errors = checkLessons([lesson({ body })], rules, sources).errors
    expect(errors).toContain(
      'content/lessons/01-delapan-poin.mdx: rule "se137-6" needs exactly one <RuleCard rule="se137-6"> in the body (found 0)',
    )
    expect(errors).toContain('content/lessons/01-delapan-poin.mdx: <RuleCard rule="se137-9"> is not listed in frontmatter.rules')
  })

  it('fails when a rule is taught by no lesson', () => {
    const front =
      'title: "Delapan poin"\nslug: delapan-poin\norder: 1\nminutes: 5\nsummary: "Ringkasan pelajaran ini."\nrules: [se137-1]\nsources: [se137]'
    const body = '<RuleCard rule="se137-1" title="A">x</RuleCard>\n<KnowledgeCheck id="k" questions={[{ id: "q1", prompt: "P?", options: [{ id: "a", text: "A", correct: true }, { id: "b", text: "B" }], explanation: "E." }, { id: "q2", prompt: "P?", options: [{ id: "a", text: "A" }, { id: "b", text: "B", correct: true }], explanation: "E." }]} />'
    expect(checkLessons([lesson({ front, body })], rules, sources).errors).toEqual([
      'content/rules.yaml: rule "se137-6" is taught by no lesson',
    ])
  })

  it('wants the knowledge check last, known components only, and a matching file name', () => {
    const body =
      '<KnowledgeCheck id="k" questions={[{ id: "q1", prompt: "P?", options: [{ id: "a", text: "A", correct: true }, { id: "b", text: "B" }], explanation: "E." }, { id: "q2", prompt: "P?", options: [{ id: "a", text: "A" }, { id: "b", text: "B", correct: true }], explanation: "E." }]} />\n<RuleCard rule="se137-1" title="A">x</RuleCard>\n<RuleCard rule="se137-6" title="B">y</RuleCard>\n<Video src="x" />'
    const errors = checkLessons([lesson({ body, file: 'content/lessons/lesson.mdx' })], rules, sources).errors
    expect(errors).toEqual([
      'content/lessons/lesson.mdx: file name should be 01-delapan-poin.mdx (order and slug from the frontmatter)',
      'content/lessons/lesson.mdx: unknown component <Video>',
      'content/lessons/lesson.mdx: <KnowledgeCheck> must be the last component of the lesson',
    ])
  })
})
