import 'server-only'
import { db } from '@/lib/db/db.server'
import { getContentVersion, getLessonOutline, type LessonSummary } from '@/lib/content/lessons.server'
import { getCourseSettings } from '@/lib/settings/settings.server'
import {
  isLessonComplete,
  mergeLessonState,
  parseStoredState,
  resumeTarget,
  type LessonStateInput,
  type LessonStatus,
  type ProgressRequest,
} from './lesson-progress'
import { addSectionReached, heartbeatCredit, parseSectionsReached, requiredReadingSeconds } from './reading-time'

export type SavedProgress = {
  state: LessonStateInput
  completed: boolean
  completedAt: Date | null
  /** Active reading time the server recorded for this lesson, and the minimum it needs. */
  activeSeconds: number
  requiredSeconds: number
}

async function requiredSecondsFor(lesson: LessonSummary): Promise<number> {
  const settings = await getCourseSettings()
  return requiredReadingSeconds(lesson.minutes, settings.minReadingShare)
}

export async function getLessonProgress(userId: string, lesson: LessonSummary): Promise<SavedProgress> {
  const [row, requiredSeconds] = await Promise.all([
    db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug: lesson.slug } } }),
    requiredSecondsFor(lesson),
  ])
  const state = parseStoredState(row?.state ?? '{}')
  return { state, completed: !!row?.completedAt, completedAt: row?.completedAt ?? null, activeSeconds: row?.activeSeconds ?? 0, requiredSeconds }
}

/**
 * Records what the lesson page sent for one lesson: its state (merged with what is stored), a
 * heartbeat (active reading time, see reading-time.ts), or both; the server's evidence (first
 * opened, sections reached, active seconds); and completes the lesson when its rules are met,
 * which may be on a heartbeat alone once enough time has accrued. Idempotent for state: replaying
 * the same call changes nothing, and a completion is never undone or re-dated.
 *
 * One learner's progress writes are serialised: the transaction first takes their user row's lock
 * (a no-op update; SQLite runs one transaction at a time anyway), so two devices saving at once
 * cannot overwrite each other's merge, and parallel heartbeats cannot each credit the same
 * interval. `now` is the server's clock (a parameter so tests drive time).
 */
export async function recordLessonProgress(
  userId: string,
  lesson: LessonSummary,
  input: ProgressRequest,
  now: Date = new Date(),
): Promise<SavedProgress> {
  const requiredSeconds = await requiredSecondsFor(lesson)
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "user" SET "quizStartSeq" = "quizStartSeq" WHERE "id" = ${userId}`
    const where = { userId_lessonSlug: { userId, lessonSlug: lesson.slug } }
    const row = await tx.lessonProgress.findUnique({ where })
    const stored = parseStoredState(row?.state ?? '{}')
    const state = input.state ? mergeLessonState(stored, input.state) : stored
    const credit = input.heartbeat ? heartbeatCredit(row?.lastHeartbeatAt ?? null, now, input.heartbeat) : 0
    const activeSeconds = (row?.activeSeconds ?? 0) + credit
    const completedAt =
      row?.completedAt ?? (isLessonComplete(state, lesson.knowledgeQuestionIds, { activeSeconds, requiredSeconds }) ? now : null)
    const data = {
      state: JSON.stringify(state),
      reachedEndAt: row?.reachedEndAt ?? (state.reachedEnd ? now : null),
      completedAt,
      contentVersion: input.state || !row ? getContentVersion() : row.contentVersion,
      openedAt: row?.openedAt ?? now,
      sectionsReached: JSON.stringify(addSectionReached(parseSectionsReached(row?.sectionsReached), input.state?.position)),
      activeSeconds,
      lastHeartbeatAt: input.heartbeat ? now : (row?.lastHeartbeatAt ?? null),
    }
    await tx.lessonProgress.upsert({
      where,
      create: { userId, lessonSlug: lesson.slug, ...data },
      update: data,
    })
    return { state, completed: !!completedAt, completedAt, activeSeconds, requiredSeconds }
    // As the quiz submission's: Prisma's default 2 s to get a connection answered some saves with
    // a 500 when 50 learners shared PostgreSQL's pool of 10 (soak:crash, decision 042).
  }, { maxWait: 15_000, timeout: 15_000 })
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
