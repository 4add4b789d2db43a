import { describe, expect, it } from 'vitest'
import {
  addSectionReached,
  heartbeatCredit,
  MAX_CREDIT_PER_HEARTBEAT_SECONDS,
  parseSectionsReached,
  remainingReadingMinutes,
  requiredReadingSeconds,
} from './reading-time'

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 8, 0, 0) + seconds * 1000)

describe('heartbeat crediting', () => {
  it('credits the seconds that passed on the server since the previous heartbeat', () => {
    expect(heartbeatCredit(at(0), at(15), 'beat')).toBe(15)
    expect(heartbeatCredit(at(0), at(15.9), 'beat')).toBe(15)
  })

  it('caps one heartbeat at the interval plus headroom', () => {
    expect(heartbeatCredit(at(0), at(600), 'beat')).toBe(MAX_CREDIT_PER_HEARTBEAT_SECONDS)
    expect(MAX_CREDIT_PER_HEARTBEAT_SECONDS).toBe(20)
  })

  it('credits nothing for a start, a first heartbeat, or a clock going backwards', () => {
    expect(heartbeatCredit(at(0), at(15), 'start')).toBe(0)
    expect(heartbeatCredit(null, at(15), 'beat')).toBe(0)
    expect(heartbeatCredit(at(15), at(10), 'beat')).toBe(0)
  })

  it('a flood of heartbeats earns no more than the time that passed', () => {
    // 100 heartbeats within 10 seconds, each crediting since the one before.
    let previous: Date | null = at(0)
    let total = 0
    for (let i = 1; i <= 100; i++) {
      const now = at(i / 10)
      total += heartbeatCredit(previous, now, 'beat')
      previous = now
    }
    expect(total).toBeLessThanOrEqual(10)
  })
})

describe('required reading time', () => {
  it('is the share of the estimated minutes, rounded up to seconds', () => {
    expect(requiredReadingSeconds(9, 30)).toBe(162)
    expect(requiredReadingSeconds(11, 30)).toBe(198)
    expect(requiredReadingSeconds(10, 100)).toBe(600)
    expect(requiredReadingSeconds(7, 33)).toBe(139)
  })

  it('is off at 0% (and for a lesson without an estimate)', () => {
    expect(requiredReadingSeconds(9, 0)).toBe(0)
    expect(requiredReadingSeconds(0, 30)).toBe(0)
  })

  it('tells the learner how many more minutes (at least one)', () => {
    expect(remainingReadingMinutes(0, 162)).toBe(3)
    expect(remainingReadingMinutes(150, 162)).toBe(1)
    expect(remainingReadingMinutes(200, 162)).toBe(1)
  })
})

describe('sections reached', () => {
  it('keeps each section once, in the order first reached', () => {
    expect(addSectionReached(['bagian-a'], 'bagian-b')).toEqual(['bagian-a', 'bagian-b'])
    expect(addSectionReached(['bagian-a', 'bagian-b'], 'bagian-a')).toEqual(['bagian-a', 'bagian-b'])
    expect(addSectionReached(['bagian-a'], null)).toEqual(['bagian-a'])
  })

  it('reads a bad stored value as none', () => {
    expect(parseSectionsReached('{not json')).toEqual([])
    expect(parseSectionsReached('{"a":1}')).toEqual([])
    expect(parseSectionsReached('["bagian-a", 3]')).toEqual(['bagian-a'])
  })
})
