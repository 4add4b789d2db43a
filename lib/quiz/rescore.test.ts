import { describe, expect, it } from 'vitest'
import { rescoreWithout, type RecordedCredit } from './rescore'

/** An attempt of `n` items: the first `right` fully right, the rest wrong. */
function attempt(n: number, right: number): RecordedCredit[] {
  return Array.from({ length: n }, (_, i) => ({ itemId: `i${i}`, credit: i < right ? 1 : 0 }))
}

const options = { passMark: 80, recordedPassed: false }

describe('rescoreWithout (decision 035)', () => {
  it('scores the remaining items only: 11 of 15 right, a wrong one withdrawn → 11 of 14 = 78.6', () => {
    const result = rescoreWithout(attempt(15, 11), new Set(['i14']), options)
    expect(result).toEqual({ score: 78.6, passed: false, countedItems: 14, withdrawnItems: 1 })
  })

  it('turns a fail into a pass when wrong answers to withdrawn items stop counting (11 of 15 → 11 of 13 = 84.6)', () => {
    const result = rescoreWithout(attempt(15, 11), new Set(['i13', 'i14']), options)
    expect(result.score).toBe(84.6)
    expect(result.passed).toBe(true)
  })

  it('keeps the pass mark: exactly 80.0 passes, 79.9 does not', () => {
    // 12 of 16 = 75.0; without a wrong one: 12 of 15 = 80.0.
    expect(rescoreWithout(attempt(16, 12), new Set(['i15']), options)).toMatchObject({ score: 80, passed: true })
    expect(rescoreWithout(attempt(16, 12), new Set(['i15']), { passMark: 80.1, recordedPassed: false })).toMatchObject({ score: 80, passed: false })
  })

  it('never lowers a score: withdrawing an item the learner got right keeps the score with it', () => {
    // 12 of 15 = 80.0; without a right one: 11 of 14 = 78.6 → stays 80.0 and passed.
    const result = rescoreWithout(attempt(15, 12), new Set(['i0']), options)
    expect(result.score).toBe(80)
    expect(result.passed).toBe(true)
  })

  it('never takes a recorded pass back, whatever the pass mark is now', () => {
    expect(rescoreWithout(attempt(15, 12), new Set(['i0']), { passMark: 90, recordedPassed: true }).passed).toBe(true)
  })

  it('counts partial credit as a fraction', () => {
    const credits: RecordedCredit[] = [
      { itemId: 'a', credit: 0.5 },
      { itemId: 'b', credit: 1 },
      { itemId: 'c', credit: 0 },
    ]
    expect(rescoreWithout(credits, new Set(['c']), options).score).toBe(75)
  })

  it('keeps the score of an attempt whose every item was withdrawn', () => {
    const result = rescoreWithout(attempt(3, 1), new Set(['i0', 'i1', 'i2']), options)
    expect(result).toEqual({ score: 33.3, passed: false, countedItems: 3, withdrawnItems: 3 })
  })

  it('is the plain score when nothing in the attempt was withdrawn, and gives the same result when applied again', () => {
    expect(rescoreWithout(attempt(15, 13), new Set(['other']), options)).toEqual({ score: 86.7, passed: true, countedItems: 15, withdrawnItems: 0 })
    const once = rescoreWithout(attempt(15, 11), new Set(['i13', 'i14']), options)
    const twice = rescoreWithout(attempt(15, 11), new Set(['i13', 'i14']), { passMark: 80, recordedPassed: once.passed })
    expect(twice).toEqual(once)
  })

  it('refuses a pass mark outside 0–100', () => {
    expect(() => rescoreWithout(attempt(2, 1), new Set(), { passMark: 101, recordedPassed: false })).toThrow(RangeError)
  })
})
