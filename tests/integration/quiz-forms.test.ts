import { beforeAll, describe, expect, it } from 'vitest'
import { startAttempt } from '@/lib/assessment/attempts.server'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { apportion, COURSE_BLUEPRINT, draw, primaryArea, type Bank } from '@/lib/quiz'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

// Issue 12: the pre-test and the post-test are two forms of one blueprint, and the refresher of a
// year prefers items that earlier years did not show — on the real bank, through startAttempt.

let agencyId: string
let sequence = 0
const { bank } = getQuestionBank()

beforeAll(async () => {
  agencyId = (await seedAgencies()).agency.id
})

async function learnerWithLessonsDone() {
  const n = sequence++
  const user = await seedUser(db, { name: `Peserta Bentuk ${n}`, email: `bentuk-${n}@contoh.go.id`, password: 'Kata-sandi-benar-9', agencyId })
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date() })),
  })
  return { id: user.id, agencyId }
}

async function drawnItems(attemptId: string) {
  const { items } = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })
  return (JSON.parse(items) as { items: { itemId: string }[] }).items.map(({ itemId }) => bank.itemById.get(itemId)!)
}

const areaOf = (b: Bank, itemId: string) => primaryArea(b, b.itemById.get(itemId)!)

describe('pre-test and post-test forms', () => {
  it('follow one blueprint: difficulties 1 : 2 : 1 and every area evenly', async () => {
    for (let round = 0; round < 3; round++) {
      const learner = await learnerWithLessonsDone()
      for (const kind of ['pretest', 'posttest'] as const) {
        const items = await drawnItems(await startAttempt(learner, kind))
        const byDifficulty = [1, 2, 3].map((level) => items.filter((item) => item.difficulty === level).length)
        expect(byDifficulty).toEqual(apportion(items.length, COURSE_BLUEPRINT.difficultyShares))
        const perArea = bank.coverage.areas.map(({ id }) => items.filter((item) => areaOf(bank, item.id) === id).length)
        expect(Math.max(...perArea) - Math.min(...perArea), perArea.join(' ')).toBeLessThanOrEqual(1)
      }
    }
  })

  it("the refresher prefers items no earlier year showed, then those seen longest ago", async () => {
    const learner = await learnerWithLessonsDone()
    // Every item of the bank was seen: half two years ago, half this year.
    const everything = draw(bank, { size: bank.items.length, perAreaMin: 0 }, 'all-seen').items
    const twoYearsAgo = everything.filter((_, i) => i % 2 === 0)
    const thisYear = everything.filter((_, i) => i % 2 === 1)
    const now = Date.now()
    for (const [items, startedAt] of [
      [twoYearsAgo, new Date(now - 2 * 365 * 86_400_000)],
      [thisYear, new Date(now - 3 * 86_400_000)],
    ] as const) {
      await db.quizAttempt.create({
        data: {
          userId: learner.id,
          kind: 'posttest',
          contentVersion: 'test',
          seed: 'seen',
          items: JSON.stringify({ version: 1, seed: 'seen', items }),
          startedAt,
          expiresAt: new Date(startedAt.getTime() + 3_600_000),
          submittedAt: new Date(startedAt.getTime() + 600_000),
          score: 40,
          passed: false,
        },
      })
    }
    const oldIds = new Set(twoYearsAgo.map((item) => item.itemId))
    const drawn = await drawnItems(await startAttempt(learner, 'posttest'))
    const drawnIds = new Set(drawn.map((item) => item.id))
    for (const item of drawn.filter((candidate) => !oldIds.has(candidate.id))) {
      const area = areaOf(bank, item.id)
      const oldLeftInArea = [...oldIds].filter((id) => !drawnIds.has(id) && areaOf(bank, id) === area)
      expect(oldLeftInArea, `${item.id} (seen this year) drawn while older items of area ${area} were left`).toEqual([])
    }
    expect(drawn.filter((item) => oldIds.has(item.id)).length).toBeGreaterThanOrEqual(drawn.length - bank.coverage.areas.length)
  })
})
