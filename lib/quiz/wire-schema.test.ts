import { describe, expect, it } from 'vitest'
import { draw } from './draw'
import { syntheticBank } from './test-fixtures'
import { attemptSchema, responsesSchema } from './wire-schema'

describe('attemptSchema', () => {
  it('round-trips a drawn attempt through JSON', () => {
    const attempt = draw(syntheticBank(), { size: 15 }, 'wire')
    expect(attemptSchema.parse(JSON.parse(JSON.stringify(attempt)))).toEqual(attempt)
  })

  it('rejects malformed attempts', () => {
    expect(attemptSchema.safeParse({ version: 2, seed: 'x', items: [] }).success).toBe(false)
    expect(attemptSchema.safeParse({ version: 1, seed: 'x', items: [{ itemId: 'a', type: 'judge', optionOrder: [] }] }).success).toBe(false)
  })
})

describe('responsesSchema', () => {
  it('accepts the three response shapes and empty answers', () => {
    const input = {
      's-1': { optionId: 'b' },
      's-2': { optionId: null },
      'm-1': { optionIds: ['a', 'a', 'zz'] },
      'j-1': { verdict: 'tidak', reasonId: 'r1' },
      'j-2': { verdict: null },
      'x-1': {},
    }
    expect(responsesSchema.parse(input)).toEqual(input)
  })

  it('rejects foreign shapes, unsafe keys and oversized input', () => {
    expect(responsesSchema.safeParse({ a: { optionId: 'b', optionIds: ['b'] } }).success).toBe(false)
    expect(responsesSchema.safeParse({ a: { verdict: 'maybe' } }).success).toBe(false)
    expect(responsesSchema.safeParse(JSON.parse('{"__proto__": {"optionId": "a"}}')).success).toBe(false)
    expect(responsesSchema.safeParse({ a: { optionIds: Array.from({ length: 21 }, (_, i) => `o${i}`) } }).success).toBe(false)
    expect(responsesSchema.safeParse({ a: { optionId: 'x'.repeat(121) } }).success).toBe(false)
    expect(responsesSchema.safeParse([]).success).toBe(false)
  })
})
