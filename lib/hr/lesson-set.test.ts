import { describe, expect, it } from 'vitest'
import { sameLessons } from './lesson-set'

describe('sameLessons', () => {
  it('compares two lists of lesson slugs in any order', () => {
    expect(sameLessons(['b', 'a'], ['a', 'b'])).toBe(true)
    expect(sameLessons(['a', 'b', 'c'], ['a', 'b'])).toBe(false)
    expect(sameLessons(['a', 'b'], ['a', 'x'])).toBe(false)
    expect(sameLessons([], [])).toBe(true)
  })
})
