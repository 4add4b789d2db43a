import { beforeAll, describe, expect, it } from 'vitest'
import { getQuizStatus, startAttempt } from '@/lib/assessment/attempts.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { formatDateTimeWib } from '@/lib/format/indonesian'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { seedUser } from '@/prisma/seed/seeders'
import { seedAgencies, uniqueNip } from './helpers'

// Issue 11: after the last allowed attempt the result page says when the next one opens; the
// status carries that moment, not only a sentence.

let agencyId: string

beforeAll(async () => {
  agencyId = (await seedAgencies()).agency.id
})

describe('post-test status at the attempt limit', () => {
  it('gives the moment the next attempt opens: the oldest attempt in the window plus the window', async () => {
    const nip = uniqueNip()
    const user = await seedUser(db, { name: 'Peserta Batas', email: `batas-${nip}@contoh.go.id`, password: 'Kata-sandi-benar-9', nip, agencyId })
    await db.lessonProgress.createMany({
      data: getLessonOutline().map((lesson) => ({ userId: user.id, lessonSlug: lesson.slug, contentVersion: 'test', completedAt: new Date() })),
    })
    const learner = { id: user.id, agencyId, nip }
    const settings = await getCourseSettings()
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000)
    const hour = 3_600_000
    // One attempt per hour (each expires long before the next starts), as many as the limit.
    const starts = Array.from({ length: settings.attemptLimit }, (_, i) => new Date(now.getTime() - (settings.attemptLimit - i) * hour))
    for (const start of starts) await startAttempt(learner, 'posttest', start)
    expect(await db.quizAttempt.count({ where: { userId: user.id } })).toBe(settings.attemptLimit)

    const status = await getQuizStatus(learner, 'posttest', { now })
    const opens = new Date(starts[0]!.getTime() + settings.attemptWindowHours * hour)
    expect(status.attemptsLeft).toBe(0)
    expect(status.nextAttemptAt).toEqual(opens)
    expect(status.blockedReason).toContain(`mulai ${formatDateTimeWib(opens)}.`)

    // One attempt fewer in the window: no limit, so no moment.
    const earlier = await getQuizStatus(learner, 'posttest', { now: new Date(starts[0]!.getTime() + settings.attemptWindowHours * hour + 60_000) })
    expect(earlier.nextAttemptAt).toBeNull()
    expect(earlier.blockedReason).toBeNull()
  })
})
