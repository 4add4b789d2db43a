import { describe, expect, it } from 'vitest'
import { checkKnowledgeKeyLength, extractKnowledgeQuestions, keyIsStrictlyLongest, type KnowledgeQuestion } from './knowledge-check'

const question = (id: string, correct = 'b') =>
  `{ id: "${id}", prompt: "Apa {ini}?", options: [{ id: "a", text: "A" }, { id: "b", text: "B \\"kutip\\"", correct: ${correct === 'b'} }, { id: "c", text: "C", correct: ${correct === 'c'} }], explanation: "Karena }." }`

describe('extractKnowledgeQuestions', () => {
  it('reads the question ids, even with braces and quotes inside strings', () => {
    const body = `## Uji\n\n<KnowledgeCheck id="cek" questions={[${question('q1')}, ${question('q2', 'c')}]} />\n`
    const result = extractKnowledgeQuestions(body)
    expect('questions' in result && result.questions.map((q) => q.id)).toEqual(['q1', 'q2'])
  })

  it('refuses a question without exactly one correct option', () => {
    const body = `<KnowledgeCheck id="cek" questions={[${question('q1')}, ${question('q2', 'none')}]} />`
    expect(extractKnowledgeQuestions(body)).toEqual({
      error: '<KnowledgeCheck> question "q2" needs exactly one correct option (has 0)',
    })
  })

  it('wants two or three questions', () => {
    const body = `<KnowledgeCheck id="cek" questions={[${question('q1')}]} />`
    expect(extractKnowledgeQuestions(body)).toMatchObject({ error: expect.stringContaining('questions') })
  })
})

describe('checkKnowledgeKeyLength', () => {
  const q = (id: string, key: string, others: string[]): KnowledgeQuestion => ({
    id,
    prompt: 'Apa?',
    explanation: 'Karena.',
    options: [{ id: 'a', text: key, correct: true }, ...others.map((text, i) => ({ id: 'bcd'[i]!, text }))],
  })
  const longest = (id: string) => q(id, 'Kunci yang paling panjang', ['Pendek', 'Pendek juga'])
  const notLongest = (id: string) => q(id, 'Kunci', ['Pengecoh panjang sekali', 'Kunci'])

  it('sees a key that ties or is shorter as not the longest', () => {
    expect(keyIsStrictlyLongest(longest('x'))).toBe(true)
    expect(keyIsStrictlyLongest(notLongest('x'))).toBe(false)
    expect(keyIsStrictlyLongest(q('x', 'sama', ['beda']))).toBe(false)
  })

  it('passes at 40% and fails above, naming the lesson file and the questions', () => {
    const two = [longest('q1'), longest('q2'), notLongest('q3')]
    const three = [notLongest('q1'), notLongest('q2')]
    expect(checkKnowledgeKeyLength([{ file: 'a.mdx', questions: two }, { file: 'b.mdx', questions: three }])).toEqual([])
    const problems = checkKnowledgeKeyLength([{ file: 'a.mdx', questions: two }, { file: 'b.mdx', questions: [longest('q1'), notLongest('q2')] }])
    expect(problems).toEqual([
      'content/lessons/: <KnowledgeCheck> the key is the strictly longest option in 3 of 5 questions (60%; at most 40%, i.e. 2); shorten the key or lengthen a wrong option in at least 1 of: a.mdx "q1", a.mdx "q2", b.mdx "q1"',
    ])
  })
})
