import { describe, expect, it } from 'vitest'
import {
  emptyStoredState,
  isLessonComplete,
  lessonStateSchema,
  mergeLessonState,
  parseStoredState,
  progressRequestSchema,
  resumeTarget,
} from './lesson-progress'

describe('lesson progress rules', () => {
  it('merges two devices without losing anything', () => {
    const phone = { ...emptyStoredState(), checklists: { cek: ['sumber'] }, answers: { uji: { q1: 'a' } }, position: 'bagian-a' }
    const desk = { ...emptyStoredState(), checklists: { lain: ['x'] }, answers: { uji: { q2: 'b' } }, reachedEnd: true }
    const merged = mergeLessonState(phone, desk)
    expect(merged).toEqual({
      checklists: { cek: ['sumber'], lain: ['x'] },
      answers: { uji: { q1: 'a', q2: 'b' } },
      verdicts: {},
      position: 'bagian-a',
      reachedEnd: true,
    })
    expect(mergeLessonState(merged, { ...emptyStoredState(), reachedEnd: false }).reachedEnd).toBe(true)
  })

  it('completes a lesson only when the end is reached, every question answered and the reading time recorded', () => {
    const answered = { ...emptyStoredState(), answers: { uji: { q1: 'a', q2: 'c' } } }
    const enough = { activeSeconds: 162, requiredSeconds: 162 }
    expect(isLessonComplete(answered, ['q1', 'q2'], enough)).toBe(false)
    expect(isLessonComplete({ ...answered, reachedEnd: true }, ['q1', 'q2'], enough)).toBe(true)
    expect(isLessonComplete({ ...answered, reachedEnd: true }, ['q1', 'q2', 'q3'], enough)).toBe(false)
    // The browser's word is not enough: too little reading time recorded by the server.
    expect(isLessonComplete({ ...answered, reachedEnd: true }, ['q1', 'q2'], { activeSeconds: 161, requiredSeconds: 162 })).toBe(false)
    // A minimum of 0 (the admin turned the check off) needs no time.
    expect(isLessonComplete({ ...answered, reachedEnd: true }, ['q1', 'q2'], { activeSeconds: 0, requiredSeconds: 0 })).toBe(true)
  })

  it('takes a state, a heartbeat or both, and nothing else', () => {
    expect(progressRequestSchema.safeParse({ heartbeat: 'beat' }).success).toBe(true)
    expect(progressRequestSchema.safeParse({ state: {}, heartbeat: 'start' }).success).toBe(true)
    expect(progressRequestSchema.safeParse({ state: {} }).success).toBe(true)
    expect(progressRequestSchema.safeParse({}).success).toBe(false)
    expect(progressRequestSchema.safeParse({ heartbeat: 'beat', seconds: 600 }).success).toBe(false)
    expect(progressRequestSchema.safeParse({ heartbeat: 'tick' }).success).toBe(false)
  })

  it('refuses malformed or oversized state', () => {
    expect(lessonStateSchema.safeParse({ answers: { uji: { q1: 5 } } }).success).toBe(false)
    expect(lessonStateSchema.safeParse({ position: '<script>' }).success).toBe(false)
    expect(lessonStateSchema.safeParse({ userId: 'someone-else' }).success).toBe(false)
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`c${i}`, ['a']]))
    expect(lessonStateSchema.safeParse({ checklists: many }).success).toBe(false)
  })

  it('reads a corrupt stored value as empty', () => {
    expect(parseStoredState('{not json')).toEqual(emptyStoredState())
  })

  it('resumes at the most recent unfinished lesson, else the first not started', () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 21, 8, minutes))
    expect(
      resumeTarget([
        { slug: 'a', status: 'selesai', updatedAt: at(1), position: null },
        { slug: 'b', status: 'sedang', updatedAt: at(2), position: 'bagian-x' },
        { slug: 'c', status: 'sedang', updatedAt: at(5), position: 'bagian-y' },
        { slug: 'd', status: 'belum', updatedAt: null, position: null },
      ]),
    ).toEqual({ slug: 'c', position: 'bagian-y' })
    expect(
      resumeTarget([
        { slug: 'a', status: 'selesai', updatedAt: at(1), position: null },
        { slug: 'd', status: 'belum', updatedAt: null, position: null },
      ]),
    ).toEqual({ slug: 'd', position: null })
    expect(resumeTarget([{ slug: 'a', status: 'selesai', updatedAt: at(1), position: null }])).toBeNull()
  })
})

describe('heldForAnotherUser', () => {
  it('refuses state the browser holds for another user, accepts the same user or no owner', async () => {
    const { heldForAnotherUser, progressRequestSchema } = await import('./lesson-progress')
    expect(heldForAnotherUser({ owner: 'user-a' }, 'user-b')).toBe(true)
    expect(heldForAnotherUser({ owner: 'user-b' }, 'user-b')).toBe(false)
    expect(heldForAnotherUser({}, 'user-b')).toBe(false)
    expect(progressRequestSchema.safeParse({ state: {}, owner: 'user-a' }).success).toBe(true)
    expect(progressRequestSchema.safeParse({ state: {}, owner: 'bukan id!' }).success).toBe(false)
    // Still strict: naming a user any other way is refused.
    expect(progressRequestSchema.safeParse({ state: {}, userId: 'user-a' }).success).toBe(false)
  })
})
