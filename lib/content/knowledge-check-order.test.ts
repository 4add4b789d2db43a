import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chooseOrderSeed, newDeviceSeed, orderOptions, type SeedInputs } from './knowledge-check-order'

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Pilihan ${id}` }))
const ids = (list: readonly { id: string }[]) => list.map((o) => o.id).join('')

describe('orderOptions', () => {
  it('is a permutation of the options, whatever the seed', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 2, max: 5 }), (user, question, n) => {
        const list = options.concat({ id: 'e', text: 'Pilihan e' }).slice(0, n)
        const ordered = orderOptions(list, `pengguna:${user}`, 'mengapa-penting', question)
        expect([...ordered].sort((x, y) => x.id.localeCompare(y.id))).toEqual(list)
      }),
    )
  })

  it('is stable: the same learner, lesson and question always get the same order', () => {
    const first = ids(orderOptions(options, 'pengguna:u-1', 'aspek-etika', 'q1'))
    for (let i = 0; i < 5; i++) expect(ids(orderOptions(options, 'pengguna:u-1', 'aspek-etika', 'q1'))).toBe(first)
  })

  it('depends on the learner, the lesson and the question', () => {
    const orders = (make: (i: number) => string) => new Set(Array.from({ length: 40 }, (_, i) => make(i)))
    // 24 possible orders of four options: 40 learners see many of them, not one.
    expect(orders((i) => ids(orderOptions(options, `pengguna:user-${i}`, 'aspek-etika', 'q1'))).size).toBeGreaterThan(10)
    expect(orders((i) => ids(orderOptions(options, 'pengguna:u-1', `pelajaran-${i}`, 'q1'))).size).toBeGreaterThan(10)
    expect(orders((i) => ids(orderOptions(options, 'pengguna:u-1', 'aspek-etika', `q${i}`))).size).toBeGreaterThan(10)
    expect(ids(orderOptions(options, 'pengguna:u-1', 'aspek-etika', 'q1'))).not.toBe(ids(orderOptions(options, 'perangkat:u-1', 'aspek-etika', 'q1')))
  })

  it('puts each option first about equally often (no position keeps the canonical key)', () => {
    const firsts = new Map<string, number>()
    for (let i = 0; i < 4000; i++) {
      const first = orderOptions(options, `pengguna:${i}`, 'l', 'q1')[0]!.id
      firsts.set(first, (firsts.get(first) ?? 0) + 1)
    }
    for (const id of ['a', 'b', 'c', 'd']) expect(firsts.get(id)).toBeGreaterThan(850)
  })
})

describe('chooseOrderSeed', () => {
  const base: SeedInputs = { hydrated: true, hint: true, readerStatus: null, owner: null, deviceSeed: 'dev', gaveUpWaiting: false }

  it('waits for the browser, then orders a signed-in learner by their user id once the server confirmed it', () => {
    expect(chooseOrderSeed({ ...base, hydrated: false })).toBeNull()
    expect(chooseOrderSeed({ ...base, hint: null })).toBeNull()
    // A previous user's id in this browser's store does not decide the order before the server answers.
    expect(chooseOrderSeed({ ...base, owner: 'previous-user' })).toBeNull()
    expect(chooseOrderSeed({ ...base, readerStatus: 'signed-in', owner: 'u-1' })).toBe('pengguna:u-1')
  })

  it("orders a visitor (no session hint, or the server said not signed in) by this device's seed", () => {
    expect(chooseOrderSeed({ ...base, hint: false })).toBe('perangkat:dev')
    expect(chooseOrderSeed({ ...base, readerStatus: 'anonymous' })).toBe('perangkat:dev')
    expect(chooseOrderSeed({ ...base, hint: false, deviceSeed: null })).toBeNull()
  })

  it("falls back to the device seed when the server does not answer (offline)", () => {
    expect(chooseOrderSeed({ ...base, gaveUpWaiting: true })).toBe('perangkat:dev')
  })
})

describe('newDeviceSeed', () => {
  it('is 32 hex digits from the random source', () => {
    expect(newDeviceSeed((bytes) => bytes.fill(171))).toBe('ab'.repeat(16))
    expect(newDeviceSeed()).toMatch(/^[0-9a-f]{32}$/)
    expect(newDeviceSeed()).not.toBe(newDeviceSeed())
  })
})
