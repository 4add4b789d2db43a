import { describe, expect, it } from 'vitest'
import { pieces } from './csv-rows'
import { previewRoster } from './index'
import { backgroundTurn, nextTurn, ROWS_PER_TURN, sortInTurns } from './next-turn'
import { csvText, HEADER, TODAY } from './test-helpers'

/** Counts turns of the event loop (a setImmediate that schedules itself) until stopped. */
function turnCounter() {
  let turns = 0
  let running = true
  const tick = () => {
    turns++
    if (running) setImmediate(tick)
  }
  setImmediate(tick)
  return {
    get turns() {
      return turns
    },
    stop: () => {
      running = false
    },
  }
}

function busyFor(ms: number) {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // other requests' synchronous work
  }
}

describe('giving the event loop back during an import (issue 13)', () => {
  it('nextTurn lets callbacks that are already waiting run first', async () => {
    const ran: string[] = []
    setImmediate(() => ran.push('other request'))
    await nextTurn()
    expect(ran).toEqual(['other request'])
  })

  it('backgroundTurn waits while other work keeps the process busy, and returns once a turn is quiet', async () => {
    let done = 0
    const step = () => {
      busyFor(5)
      if (++done < 3) setImmediate(step)
    }
    setImmediate(step)
    await backgroundTurn(60_000)
    expect(done).toBe(3)
  })

  it('backgroundTurn stops waiting after its limit when the process never gets quiet', async () => {
    let running = true
    const step = () => {
      busyFor(3)
      if (running) setImmediate(step)
    }
    setImmediate(step)
    const start = performance.now()
    await backgroundTurn(50)
    running = false
    expect(performance.now() - start).toBeGreaterThanOrEqual(50)
  })

  it('pieces cuts long text after line breaks (or anywhere but inside a surrogate pair) and loses nothing', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `baris ${i};Ratna 😀 Sari`).join('\r\n')
    const cut = [...pieces(lines, 64)]
    expect(cut.join('')).toBe(lines)
    expect(cut.length).toBeGreaterThan(lines.length / 64)
    expect(cut.slice(0, -1).every((piece) => piece.length <= 64 && piece.endsWith('\n'))).toBe(true)
    const noBreaks = '😀'.repeat(100)
    const hard = [...pieces(noBreaks, 7)]
    expect(hard.join('')).toBe(noBreaks)
    expect(hard.every((piece) => !/[\uD800-\uDBFF]$/.test(piece))).toBe(true)
  })

  it('previewRoster of a roster that arrives in one chunk gives the event loop back every ROWS_PER_TURN rows', async () => {
    const ROWS = 20 * ROWS_PER_TURN
    const nip = (i: number) =>
      `1980${String(1 + (Math.floor(i / 1000) % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}2010011${String(i % 1000).padStart(3, '0')}`
    const text = csvText([HEADER, ...Array.from({ length: ROWS }, (_, i) => [nip(i), `Pegawai ${i}`, `p${i}@contoh.go.id`, 'PNS', 'Bagian Umum'])], ';')
    const lookups = {
      agencyId: 'agency-1',
      units: [{ id: 'u-umum', name: 'Bagian Umum' }],
      findPeopleByNip: async () => [],
      findAccountsByEmail: async () => [],
    }
    const counter = turnCounter()
    const result = await previewRoster(
      (async function* () {
        yield Buffer.from(text, 'utf8')
      })(),
      lookups,
      { today: TODAY },
    )
    counter.stop()
    if (!result.ok) throw new Error(result.error.message)
    expect(result.preview.counts.create).toBe(ROWS)
    // Reading and validating alone give at least ROWS / ROWS_PER_TURN turns; classifying more.
    expect(counter.turns).toBeGreaterThanOrEqual(ROWS / ROWS_PER_TURN)
  })

  it('sortInTurns sorts as Array.prototype.sort does (stable), for any length around its step', async () => {
    // A fixed pseudo-random sequence: keys with many ties, so stability shows.
    let state = 7
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648)
    for (const length of [0, 1, 2, 2_499, 2_500, 2_501, 5_000, 7_777, 20_001]) {
      const items = Array.from({ length }, (_, i) => ({ key: next() % 997, i }))
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key
      expect(await sortInTurns(items, byKey)).toEqual(items.toSorted(byKey))
    }
    const words = Array.from({ length: 6_000 }, () => String(next()))
    const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
    expect(await sortInTurns(words, plain)).toEqual(words.toSorted())
  })

  it('sortInTurns of 50,000 rows gives the event loop back while it sorts', async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `${(i * 7919) % 50_000}`.padStart(6, '0'))
    const counter = turnCounter()
    const sorted = await sortInTurns(items, (a, b) => (a < b ? -1 : a > b ? 1 : 0))
    counter.stop()
    expect(sorted[0]).toBe('000000')
    expect(sorted.at(-1)).toBe('049999')
    // 20 sorted runs, then merges of 50,000 rows in 5 passes: a turn every 2,500 rows.
    expect(counter.turns).toBeGreaterThanOrEqual(20 + 5 * 20)
  })
})
