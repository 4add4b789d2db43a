import 'server-only'
import { db } from '@/lib/db/db.server'
import { getContentVersion, getLessonOutline, type LessonSummary } from '@/lib/content/lessons.server'
import {
  isLessonComplete,
  mergeLessonState,
  parseStoredState,
  resumeTarget,
  type LessonStateInput,
  type LessonStatus,
} from './lesson-progress'

export type SavedProgress = { state: LessonStateInput; completed: boolean; completedAt: Date | null }

export async function getLessonProgress(userId: string, lesson: LessonSummary): Promise<SavedProgress> {
  const row = await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug: lesson.slug } } })
  const state = parseStoredState(row?.state ?? '{}')
  return { state, completed: !!row?.completedAt, completedAt: row?.completedAt ?? null }
}

/**
 * Stores what a device sent for one lesson, merged with what is stored, and completes the
 * lesson when its rules are met. Idempotent: replaying the same call changes nothing, and a
 * completion is never undone or re-dated. Runs in one transaction so two devices saving at once
 * cannot overwrite each other's merge.
 */
export async function saveLessonProgress(
  userId: string,
  lesson: LessonSummary,
  incoming: LessonStateInput,
): Promise<SavedProgress> {
  return db.$transaction(async (tx) => {
    const where = { userId_lessonSlug: { userId, lessonSlug: lesson.slug } }
    const row = await tx.lessonProgress.findUnique({ where })
    const state = mergeLessonState(parseStoredState(row?.state ?? '{}'), incoming)
    const now = new Date()
    const completedAt = row?.completedAt ?? (isLessonComplete(state, lesson.knowledgeQuestionIds) ? now : null)
    const data = {
      state: JSON.stringify(state),
      reachedEndAt: row?.reachedEndAt ?? (state.reachedEnd ? now : null),
      completedAt,
      contentVersion: getContentVersion(),
    }
    await tx.lessonProgress.upsert({
      where,
      create: { userId, lessonSlug: lesson.slug, ...data },
      update: data,
    })
    return { state, completed: !!completedAt, completedAt }
  })
}

export type CourseProgress = {
  lessons: (LessonSummary & { status: LessonStatus; position: string | null })[]
  completedCount: number
  resume: { slug: string; title: string; href: string; started: boolean } | null
}

/** The learner's whole course: each lesson's status and where to resume. */
export async function getCourseProgress(userId: string, client: Pick<typeof db, 'lessonProgress'> = db): Promise<CourseProgress> {
  const outline = getLessonOutline()
  const rows = await client.lessonProgress.findMany({
    where: { userId },
    select: { lessonSlug: true, completedAt: true, updatedAt: true, state: true },
  })
  const bySlug = new Map(rows.map((row) => [row.lessonSlug, row]))
  const lessons = outline.map((lesson) => {
    const row = bySlug.get(lesson.slug)
    const status: LessonStatus = row?.completedAt ? 'selesai' : row ? 'sedang' : 'belum'
    return { ...lesson, status, position: row ? parseStoredState(row.state).position : null, updatedAt: row?.updatedAt ?? null }
  })
  const target = resumeTarget(lessons)
  const targetLesson = target && lessons.find((lesson) => lesson.slug === target.slug)
  return {
    lessons: lessons.map(({ updatedAt: _updatedAt, ...lesson }) => lesson),
    completedCount: lessons.filter((lesson) => lesson.status === 'selesai').length,
    resume: targetLesson
      ? {
          slug: targetLesson.slug,
          title: targetLesson.title,
          href: `/belajar/${targetLesson.slug}${target.position ? `#${target.position}` : ''}`,
          started: targetLesson.status === 'sedang',
        }
      : null,
  }
}
