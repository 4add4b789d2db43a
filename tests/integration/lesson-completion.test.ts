import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { findLesson } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { recordLessonProgress } from '@/lib/progress/progress.server'
import { getTimeOnTask } from '@/lib/progress/time-on-task.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies } from './helpers'

// Issue 10 §3: lesson completion is evidenced on the server. The server's clock is passed as
// `now`, so these tests drive time explicitly instead of waiting.

const lesson = findLesson('mengapa-penting')!
const T0 = new Date('2026-12-01T08:00:00Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
// 30% (default) of the lesson's 9 minutes.
const REQUIRED = Math.ceil(lesson.minutes * 60 * 0.3)

let agencyId: string
let sequence = 0

beforeAll(async () => {
  agencyId = (await seedAgencies()).agency.id
})

beforeEach(async () => {
  await db.setting.deleteMany({ where: { key: 'minReadingShare' } })
})

async function newLearner() {
  const n = sequence++
  const user = await seedUser(db, { name: `Peserta Baca ${n}`, email: `baca-${n}@contoh.go.id`, password: 'Kata-sandi-benar-9', agencyId })
  return user.id
}

const everyAnswer = () => ({
  checklists: {},
  verdicts: {},
  position: 'bagian-penutup' as string | null,
  reachedEnd: true,
  answers: { 'cek-pemahaman': Object.fromEntries(lesson.knowledgeQuestionIds.map((question) => [question, 'a'])) },
})

const row = (userId: string) => db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonSlug: { userId, lessonSlug: lesson.slug } } })

describe('lesson completion evidenced on the server', () => {
  it('reaching the end and answering everything completes nothing without reading time', async () => {
    expect(REQUIRED).toBe(162)
    const userId = await newLearner()
    const saved = await recordLessonProgress(userId, lesson, { state: everyAnswer() }, at(0))
    expect(saved).toMatchObject({ completed: false, activeSeconds: 0, requiredSeconds: REQUIRED })
    const stored = await row(userId)
    expect(stored.completedAt).toBeNull()
    expect(stored.reachedEndAt).not.toBeNull()
    expect(stored.openedAt).toEqual(at(0))
    expect(JSON.parse(stored.sectionsReached)).toEqual(['bagian-penutup'])
  })

  it('a flood of heartbeats, sequential or parallel, gains no more than the time that passed', async () => {
    const userId = await newLearner()
    await recordLessonProgress(userId, lesson, { heartbeat: 'start' }, at(0))
    // 100 heartbeats within 10 seconds.
    for (let i = 1; i <= 100; i++) await recordLessonProgress(userId, lesson, { heartbeat: 'beat' }, at(i / 10))
    expect((await row(userId)).activeSeconds).toBeLessThanOrEqual(10)
    const before = (await row(userId)).activeSeconds
    // 30 heartbeats at the same moment, 15 s later: one interval's credit, not thirty.
    await Promise.all(Array.from({ length: 30 }, () => recordLessonProgress(userId, lesson, { heartbeat: 'beat' }, at(25))))
    expect((await row(userId)).activeSeconds).toBe(before + 15)
    // A long silence (the page was closed) earns one capped interval at most; a start earns nothing.
    await recordLessonProgress(userId, lesson, { heartbeat: 'beat' }, at(3_600))
    expect((await row(userId)).activeSeconds).toBe(before + 15 + 20)
    await recordLessonProgress(userId, lesson, { heartbeat: 'start' }, at(7_200))
    expect((await row(userId)).activeSeconds).toBe(before + 15 + 20)
    expect((await row(userId)).completedAt).toBeNull()
  })

  it('completes on the heartbeat that reaches the minimum, once, and never re-dates it', async () => {
    const userId = await newLearner()
    await recordLessonProgress(userId, lesson, { heartbeat: 'start' }, at(0))
    await recordLessonProgress(userId, lesson, { state: everyAnswer() }, at(5))
    let t = 0
    let saved = await recordLessonProgress(userId, lesson, { heartbeat: 'beat' }, at((t += 15)))
    while (!saved.completed) {
      expect(saved.activeSeconds).toBeLessThan(REQUIRED)
      saved = await recordLessonProgress(userId, lesson, { heartbeat: 'beat' }, at((t += 15)))
    }
    expect(saved.activeSeconds).toBeGreaterThanOrEqual(REQUIRED)
    expect(t).toBe(Math.ceil(REQUIRED / 15) * 15)
    expect(saved.completedAt).toEqual(at(t))
    const replay = await recordLessonProgress(userId, lesson, { state: everyAnswer(), heartbeat: 'beat' }, at(t + 15))
    expect(replay.completedAt).toEqual(at(t))
    // Time on task keeps counting after completion, per lesson and in total.
    const time = (await getTimeOnTask([userId])).get(userId)!
    expect(time.lessons.find((entry) => entry.slug === lesson.slug)).toMatchObject({ activeSeconds: saved.activeSeconds + 15, completedAt: at(t) })
    expect(time.totalSeconds).toBe(saved.activeSeconds + 15)
    expect(time.lessons.filter((entry) => entry.activeSeconds === 0)).toHaveLength(time.lessons.length - 1)
  })

  it("parallel saves from several devices lose nothing (one learner's writes are serialised)", async () => {
    const userId = await newLearner()
    await recordLessonProgress(userId, lesson, { heartbeat: 'start' }, at(0))
    const devices = Array.from({ length: 8 }, (_, i) => ({ ...everyAnswer(), reachedEnd: false, answers: {}, checklists: { [`daftar-${i}`]: ['a'] } }))
    await Promise.all(devices.map((state) => recordLessonProgress(userId, lesson, { state }, at(1))))
    const stored = JSON.parse((await row(userId)).state) as { checklists: Record<string, string[]> }
    expect(Object.keys(stored.checklists).sort()).toEqual(devices.map((_, i) => `daftar-${i}`).sort())
  })

  it('with the minimum at 0 the answers and the end complete the lesson at once', async () => {
    await db.setting.create({ data: { key: 'minReadingShare', value: '0' } })
    const userId = await newLearner()
    const saved = await recordLessonProgress(userId, lesson, { state: everyAnswer() }, at(0))
    expect(saved).toMatchObject({ completed: true, requiredSeconds: 0 })
  })
})
