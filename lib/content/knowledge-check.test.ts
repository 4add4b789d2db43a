import { describe, expect, it } from 'vitest'
import { extractKnowledgeQuestions } from './knowledge-check'

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
