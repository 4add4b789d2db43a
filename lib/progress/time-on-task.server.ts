import 'server-only'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'

export type LessonTimeOnTask = { slug: string; title: string; activeSeconds: number; openedAt: Date | null; completedAt: Date | null }
export type TimeOnTask = { userId: string; lessons: LessonTimeOnTask[]; totalSeconds: number }

/**
 * Time on task (JP evidence for HR, issue 10 §3): the active reading time the server recorded per
 * lesson (LessonProgress.activeSeconds, from heartbeats capped per interval) and in total, for
 * each person asked for. Lessons in course order; a lesson never opened counts 0. Access rules
 * are the caller's (HR passes only people of their own agency). For a report over many people,
 * the HR read model sums LessonProgress.activeSeconds in its own row query instead.
 */
export async function getTimeOnTask(userIds: readonly string[]): Promise<Map<string, TimeOnTask>> {
  const outline = getLessonOutline()
  const rows = userIds.length
    ? await db.lessonProgress.findMany({
        where: { userId: { in: [...userIds] } },
        select: { userId: true, lessonSlug: true, activeSeconds: true, openedAt: true, completedAt: true },
      })
    : []
  const byUser = new Map<string, Map<string, (typeof rows)[number]>>()
  for (const row of rows) {
    const lessons = byUser.get(row.userId) ?? new Map()
    lessons.set(row.lessonSlug, row)
    byUser.set(row.userId, lessons)
  }
  return new Map(
    userIds.map((userId) => {
      const mine = byUser.get(userId)
      const lessons = outline.map((lesson) => {
        const row = mine?.get(lesson.slug)
        return { slug: lesson.slug, title: lesson.title, activeSeconds: row?.activeSeconds ?? 0, openedAt: row?.openedAt ?? null, completedAt: row?.completedAt ?? null }
      })
      return [userId, { userId, lessons, totalSeconds: lessons.reduce((sum, lesson) => sum + lesson.activeSeconds, 0) }]
    }),
  )
}
