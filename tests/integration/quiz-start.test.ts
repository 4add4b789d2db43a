import { beforeAll, describe, expect, it } from 'vitest'
import { startAttempt } from '@/lib/assessment/attempts.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

// Issue 10 §3: one learner's starts are serialised (a row lock on their user row), so parallel
// starts cannot exceed the attempt limit or draw the items another attempt already holds.

let agencyId: string
let sequence = 0

beforeAll(async () => {
  agencyId = (await seedAgencies()).agency.id
})

async function learnerWithLessonsDone() {
  const n = sequence++
  const user = await seedUser(db, { name: `Peserta Paralel ${n}`, email: `paralel-${n}@contoh.go.id`, password: 'Kata-sandi-benar-9', agencyId })
  await db.lessonProgress.createMany({
    data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date() })),
  })
  return { id: user.id, agencyId }
}

function itemIdsOf(items: string): string[] {
  return (JSON.parse(items) as { items: { itemId: string }[] }).items.map((item) => item.itemId)
}

describe('startAttempt under concurrency', () => {
  it('10 parallel post-test starts make one open attempt, which every start returns', async () => {
    const learner = await learnerWithLessonsDone()
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => startAttempt(learner, 'posttest')))
    const ids = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : `refused: ${String(outcome.reason)}`))
    expect(await db.quizAttempt.count({ where: { userId: learner.id } })).toBe(1)
    expect(new Set(ids).size, ids.join("\n")).toBe(1)
    expect(await db.auditLog.count({ where: { actorId: learner.id, action: 'quiz.posttest.started' } })).toBe(1)
  })

  it('parallel starts never exceed the attempt limit, even after expired attempts', async () => {
    const learner = await learnerWithLessonsDone()
    // Two expired, unsubmitted attempts: one more is allowed within the window (limit 3).
    for (let i = 0; i < 2; i++) {
      await startAttempt(learner, 'posttest')
      await db.quizAttempt.updateMany({ where: { userId: learner.id }, data: { expiresAt: new Date(Date.now() - 60_000) } })
    }
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => startAttempt(learner, 'posttest')))
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10)
    const attempts = await db.quizAttempt.findMany({ where: { userId: learner.id }, select: { items: true } })
    expect(attempts).toHaveLength(3)
    // The bank has enough items that no attempt repeats one drawn before.
    const all = attempts.flatMap((attempt) => itemIdsOf(attempt.items))
    expect(new Set(all).size).toBe(all.length)
  })

  it('a pre-test and a post-test started in parallel never draw the same items', async () => {
    for (let round = 0; round < 3; round++) {
      const learner = await learnerWithLessonsDone()
      const [pre, post] = await Promise.all([startAttempt(learner, 'pretest'), startAttempt(learner, 'posttest')])
      const [preItems, postItems] = await Promise.all(
        [pre, post].map(async (id) => itemIdsOf((await db.quizAttempt.findUniqueOrThrow({ where: { id } })).items)),
      )
      expect(preItems!.filter((item) => postItems!.includes(item))).toEqual([])
    }
  })
})
