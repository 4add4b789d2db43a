import { z } from 'zod'

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id (letters, digits, - or _)')

/** What the lesson page sends: the learner's state on that page. Bounded in size. */
export const lessonStateSchema = z
  .object({
    checklists: z.record(id, z.array(id).max(30)).default({}),
    answers: z.record(id, z.record(id, id)).default({}),
    verdicts: z.record(id, z.enum(['ya', 'tidak'])).default({}),
    position: z.string().regex(/^bagian-[a-z0-9-]{1,80}$/, 'must be a section id (bagian-…)').nullable().default(null),
    reachedEnd: z.boolean().default(false),
  })
  .strict()
  .refine((state) => Object.keys(state.checklists).length <= 20 && Object.keys(state.answers).length <= 10 && Object.keys(state.verdicts).length <= 20, {
    message: 'too many entries',
  })

export type LessonStateInput = z.infer<typeof lessonStateSchema>

/**
 * A progress POST: the page's state (when it changed), a heartbeat (while the page is visible),
 * or both. The user is always the session's; `owner` only says whose state the browser holds
 * (a save retried on a later page load, issue 11 §1), and a state held for another user is
 * refused, never written (see `heldForAnotherUser`).
 */
export const progressRequestSchema = z
  .object({
    state: lessonStateSchema.optional(),
    heartbeat: z.enum(['start', 'beat'], { error: 'Detak baca harus "start" atau "beat".' }).optional(),
    owner: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Pemilik kemajuan tidak valid.').optional(),
  })
  .strict()
  .refine((body) => body.state !== undefined || body.heartbeat !== undefined, { message: 'Kirim keadaan pelajaran atau detak baca.' })

export type ProgressRequest = z.infer<typeof progressRequestSchema>

/**
 * True when the browser says the state it sends belongs to someone else than the signed-in
 * user: on a shared office computer, one person's unsaved lesson must not be saved into the next
 * person's account. A request without `owner` (state made before anyone was known) is the
 * session user's.
 */
export function heldForAnotherUser(request: Pick<ProgressRequest, 'owner'>, sessionUserId: string): boolean {
  return request.owner !== undefined && request.owner !== sessionUserId
}

export const emptyStoredState = (): LessonStateInput => ({
  checklists: {},
  answers: {},
  verdicts: {},
  position: null,
  reachedEnd: false,
})

/**
 * Combines what is stored with what a device sends. Nothing the learner did is lost when two
 * devices sync in turn: entries are united (the newest answer to a question wins), reaching the
 * end stays reached, and the position is the newest.
 */
export function mergeLessonState(stored: LessonStateInput, incoming: LessonStateInput): LessonStateInput {
  const answers: Record<string, Record<string, string>> = { ...stored.answers }
  for (const [check, byQuestion] of Object.entries(incoming.answers)) answers[check] = { ...answers[check], ...byQuestion }
  return {
    checklists: { ...stored.checklists, ...incoming.checklists },
    answers,
    verdicts: { ...stored.verdicts, ...incoming.verdicts },
    position: incoming.position ?? stored.position,
    reachedEnd: stored.reachedEnd || incoming.reachedEnd,
  }
}

/** Active reading time recorded by the server, and the minimum the course settings require. */
export type ReadingTime = { activeSeconds: number; requiredSeconds: number }

/**
 * A lesson is complete when the learner reached its end, answered every question of its
 * knowledge check (right or wrong: the check is ungraded), and the server recorded at least the
 * required active reading time (issue 10 §3). What the browser says alone completes nothing.
 */
export function isLessonComplete(state: LessonStateInput, knowledgeQuestionIds: readonly string[], reading: ReadingTime): boolean {
  if (!state.reachedEnd) return false
  if (reading.activeSeconds < reading.requiredSeconds) return false
  const answered = new Set(Object.values(state.answers).flatMap((byQuestion) => Object.keys(byQuestion)))
  return knowledgeQuestionIds.every((question) => answered.has(question))
}

/** Reads a stored state (JSON text) defensively: a bad value counts as empty, never as an error. */
export function parseStoredState(json: string): LessonStateInput {
  try {
    const parsed = lessonStateSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : emptyStoredState()
  } catch {
    return emptyStoredState()
  }
}

export type LessonStatus = 'selesai' | 'sedang' | 'belum'

/** Where "Lanjutkan belajar" leads: the most recently touched unfinished lesson, else the first not started. */
export function resumeTarget(
  lessons: readonly { slug: string; status: LessonStatus; updatedAt: Date | null; position: string | null }[],
): { slug: string; position: string | null } | null {
  const inProgress = lessons
    .filter((lesson) => lesson.status === 'sedang')
    .sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0))[0]
  if (inProgress) return { slug: inProgress.slug, position: inProgress.position }
  const next = lessons.find((lesson) => lesson.status === 'belum')
  return next ? { slug: next.slug, position: null } : null
}
