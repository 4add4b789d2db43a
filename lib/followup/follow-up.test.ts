import { describe, expect, it } from 'vitest'
import { primaryArea } from '@/lib/quiz/bank'
import { syntheticBank } from '@/lib/quiz/test-fixtures'
import { drawFollowUp, FOLLOW_UP_SIZE, followUpPassDays, jakartaDayRange } from './follow-up'

const bank = syntheticBank()

describe('drawFollowUp', () => {
  it('draws five distinct items from five different areas', () => {
    const drawn = drawFollowUp(bank, 'fu-1')
    expect(drawn.items).toHaveLength(FOLLOW_UP_SIZE)
    expect(new Set(drawn.items.map((item) => item.itemId)).size).toBe(5)
    const areas = drawn.items.map((item) => primaryArea(bank, bank.itemById.get(item.itemId)!))
    expect(new Set(areas).size).toBe(5)
  })

  it('is the same five for the same seed (a reload shows the same questions) and differs between seeds', () => {
    expect(drawFollowUp(bank, 'fu-1')).toEqual(drawFollowUp(bank, 'fu-1'))
    const seeds = ['fu-1', 'fu-2', 'fu-3', 'fu-4'].map((seed) => drawFollowUp(bank, seed).items.map((item) => item.itemId).join())
    expect(new Set(seeds).size).toBeGreaterThan(1)
  })

  it('never draws an item under review or withdrawn', () => {
    const excluded = bank.items.filter((_, index) => index % 2 === 0).map((item) => item.id)
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const drawn = drawFollowUp(bank, seed, { excludedItemIds: excluded })
      for (const item of drawn.items) expect(excluded).not.toContain(item.itemId)
    }
  })

  it('prefers items the learner has not seen in their quizzes', () => {
    // Every item but one per area seen: the five unseen ones of five areas are drawn.
    const unseen = new Set<string>()
    const seen: string[] = []
    for (const item of bank.items) {
      const area = primaryArea(bank, item)
      if (![...unseen].some((id) => primaryArea(bank, bank.itemById.get(id)!) === area)) unseen.add(item.id)
      else seen.push(item.id)
    }
    const drawn = drawFollowUp(bank, 'fu-seen', { seenItemIds: seen })
    for (const item of drawn.items) expect(unseen).toContain(item.itemId)
  })
})

describe('followUpPassDays', () => {
  it('is the Jakarta day 30 days ago, then six catch-up days before it', () => {
    // 2027-03-31 06:00 in Jakarta is still 2027-03-30 in UTC.
    const days = followUpPassDays(new Date('2027-03-30T23:00:00Z'))
    expect(days[0]).toBe('2027-03-01')
    expect(days).toHaveLength(7)
    expect(days[6]).toBe('2027-02-23')
  })

  it('turns a day into its Jakarta instant range', () => {
    const { from, to } = jakartaDayRange('2027-03-01')
    expect(from.toISOString()).toBe('2027-02-28T17:00:00.000Z')
    expect(to.getTime() - from.getTime()).toBe(86_400_000)
  })
})
