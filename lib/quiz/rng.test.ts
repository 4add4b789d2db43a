import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRng, hashSeed, randomInt, shuffled } from './rng'

describe('rng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const take = (seed: string) => {
      const rng = createRng(seed)
      return Array.from({ length: 5 }, () => rng())
    }
    expect(take('abc')).toEqual(take('abc'))
    expect(take('abc')).not.toEqual(take('abd'))
    expect(hashSeed('')).toEqual(hashSeed(''))
  })

  it('returns floats in [0, 1) and integers in range', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = createRng(seed)
        for (let i = 0; i < 50; i++) {
          const x = rng()
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(1)
          const k = randomInt(rng, n)
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true)
        }
      }),
    )
  })

  it('shuffles into a permutation without touching the input', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer()), (seed, input) => {
        const copy = [...input]
        const out = shuffled(createRng(seed), input)
        expect(input).toEqual(copy)
        expect([...out].sort((a, b) => a - b)).toEqual([...input].sort((a, b) => a - b))
      }),
    )
  })

  it('is roughly uniform (every position of a 4-element shuffle)', () => {
    const rng = createRng('uniform')
    const counts = new Map<string, number>()
    const runs = 24_000
    for (let i = 0; i < runs; i++) {
      const key = shuffled(rng, ['a', 'b', 'c', 'd']).join('')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    expect(counts.size).toBe(24)
    for (const n of counts.values()) expect(Math.abs(n - runs / 24)).toBeLessThan(150)
  })
})
