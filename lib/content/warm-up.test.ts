import { describe, expect, it } from 'vitest'
import { checkLessons } from './check-lessons'
import { checkWarmUps, extractWarmUp, type LessonForWarmUp } from './warm-up'

const question = (id: string, rule: string, correct: 'a' | 'b' | 'none' = 'a') =>
  `{ id: "${id}", rule: "${rule}", prompt: "Apa {ini}?", options: [{ id: "a", text: "A", correct: ${correct === 'a'} }, { id: "b", text: "B \\"kutip\\"", correct: ${correct === 'b'} }], explanation: "Karena }." }`
const warmUp = (...questions: string[]) => `<WarmUp id="pemanasan" questions={[${questions.join(', ')}]} />`

function lesson(order: number, rules: string[], body: string): LessonForWarmUp {
  return { file: `content/lessons/0${order}-x.mdx`, order, rules, body, knowledgeCheck: { id: 'cek-pemahaman', questionIds: ['q1', 'q2'] } }
}
const first = lesson(1, ['se137-1', 'se137-6'], '## Satu\n')

describe('extractWarmUp', () => {
  it('reads the questions and the rule each recalls, even with braces and quotes inside strings', () => {
    const result = extractWarmUp(`Pengantar.\n\n${warmUp(question('p1', 'se137-1'), question('p2', 'se137-6', 'b'))}\n\n## Bagian\n`)
    expect('warmUp' in result && result.warmUp?.questions.map((q) => [q.id, q.rule])).toEqual([
      ['p1', 'se137-1'],
      ['p2', 'se137-6'],
    ])
  })

  it('wants exactly two questions, each naming its rule', () => {
    expect(extractWarmUp(warmUp(question('p1', 'se137-1')))).toMatchObject({ error: expect.stringContaining('questions') })
    const noRule = '{ id: "p2", prompt: "P?", options: [{ id: "a", text: "A", correct: true }, { id: "b", text: "B" }], explanation: "E." }'
    expect(extractWarmUp(warmUp(question('p1', 'se137-1'), noRule))).toMatchObject({ error: expect.stringContaining('rule') })
  })
})

describe('checkWarmUps', () => {
  it('accepts two questions on rules that earlier lessons teach, placed before the first heading', () => {
    const second = lesson(2, ['se137-8'], `Pengantar.\n\n${warmUp(question('p1', 'se137-1'), question('p2', 'se137-6'))}\n\n## Dua\n`)
    expect(checkWarmUps([first, second])).toEqual([])
  })

  it('wants a warm-up in every lesson after the first, and none in the first', () => {
    const second = lesson(2, ['se137-8'], '## Dua\n')
    const firstWithOne = lesson(1, ['se137-1', 'se137-6'], warmUp(question('p1', 'se137-1'), question('p2', 'se137-6')))
    expect(checkWarmUps([firstWithOne, second])).toEqual([
      'content/lessons/01-x.mdx: the first lesson has no <WarmUp>: there is no earlier lesson to recall',
      'content/lessons/02-x.mdx: needs a <WarmUp> with 2 questions on earlier lessons at its start (retrieval practice)',
    ])
  })

  it('refuses a rule that is taught only in this lesson or a later one, or by no lesson', () => {
    const second = lesson(2, ['se137-8'], warmUp(question('p1', 'se137-8'), question('p2', 'se137-99')))
    const third = lesson(3, ['se137-7'], warmUp(question('p1', 'se137-7'), question('p2', 'se137-1')))
    const errors = checkWarmUps([first, second, third])
    expect(errors).toContain(
      'content/lessons/02-x.mdx: <WarmUp> question "p1": rule "se137-8" is first taught in lesson 2, not in an earlier lesson (a warm-up recalls what came before)',
    )
    expect(errors).toContain('content/lessons/02-x.mdx: <WarmUp> question "p2": rule "se137-99" is taught by no lesson')
    expect(errors).toContain(
      'content/lessons/03-x.mdx: <WarmUp> question "p1": rule "se137-7" is first taught in lesson 3, not in an earlier lesson (a warm-up recalls what came before)',
    )
  })

  it('keeps warm-up ids apart from the knowledge check (its answers must not complete the lesson)', () => {
    const clash = lesson(2, ['se137-8'], `<WarmUp id="cek-pemahaman" questions={[${question('q1', 'se137-1')}, ${question('p2', 'se137-6')}]} />`)
    const errors = checkWarmUps([first, clash])
    expect(errors).toContain(`content/lessons/02-x.mdx: <WarmUp> id "cek-pemahaman" is also the <KnowledgeCheck>'s id; answers would mix`)
    expect(errors).toContain(
      'content/lessons/02-x.mdx: <WarmUp> question "q1": the <KnowledgeCheck> has a question with this id; a warm-up answer would count towards completing the lesson',
    )
  })

  it('wants one correct option per question, different rules, and the warm-up at the start', () => {
    const late = lesson(2, ['se137-8'], `## Dua\n\n${warmUp(question('p1', 'se137-1', 'none'), question('p2', 'se137-1'))}`)
    expect(checkWarmUps([first, late])).toEqual([
      'content/lessons/02-x.mdx: <WarmUp> must come before the first ## heading (the start of the lesson)',
      'content/lessons/02-x.mdx: <WarmUp> question "p1" needs exactly one correct option (has 0)',
      'content/lessons/02-x.mdx: <WarmUp> questions must recall different rules',
    ])
  })
})

describe('checkLessons with warm-ups', () => {
  const kc =
    '<KnowledgeCheck id="k" questions={[{ id: "q1", prompt: "P?", options: [{ id: "a", text: "A", correct: true }, { id: "b", text: "B" }], explanation: "E." }, { id: "q2", prompt: "P?", options: [{ id: "a", text: "A" }, { id: "b", text: "B", correct: true }], explanation: "E." }]} />'
  const file = (order: number, slug: string, rules: string, body: string) => ({
    file: `content/lessons/0${order}-${slug}.mdx`,
    text: `---\ntitle: "Pelajaran ${order}"\nslug: ${slug}\norder: ${order}\nminutes: 5\nsummary: "Ringkasan pelajaran ini."\nrules: [${rules}]\nsources: [se137]\n---\n${body}`,
  })

  it('runs the warm-up check across the lessons and accepts the components', () => {
    const one = file(1, 'satu', 'se137-1', `## A\n\n<RuleCard rule="se137-1" title="A">x</RuleCard>\n\n${kc}\n`)
    const two = file(2, 'dua', 'se137-6', `${warmUp(question('p1', 'se137-1'), question('p2', 'se137-6'))}\n\n## B\n\n<RuleCard rule="se137-6" title="B">y</RuleCard>\n\n${kc}\n`)
    expect(checkLessons([one, two], new Set(['se137-1', 'se137-6']), new Set(['se137'])).errors).toEqual([
      'content/lessons/02-dua.mdx: <WarmUp> question "p2": rule "se137-6" is first taught in lesson 2, not in an earlier lesson (a warm-up recalls what came before)',
    ])
  })
})
