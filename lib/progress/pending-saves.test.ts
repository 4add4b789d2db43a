import { describe, expect, it } from 'vitest'
import { markSaved, pendingSaves, progressBody } from './pending-saves'

const lesson = (revision: number, syncedRevision: number, extra: Record<string, unknown> = {}) => ({
  checklists: {},
  answers: { 'cek-pemahaman': { q1: 'a' } },
  verdicts: {},
  position: 'bagian-awal',
  reachedEnd: true,
  revision,
  syncedRevision,
  completed: false,
  ...extra,
})

const persisted = (lessons: Record<string, unknown>, owner: string | null = 'user-1') => ({ state: { owner, lessons }, version: 1 })

describe('pendingSaves', () => {
  it('lists only the lessons whose state is ahead of what the server confirmed, with the owner', () => {
    const saves = pendingSaves(persisted({ 'aspek-etika': lesson(5, 3), 'mengapa-penting': lesson(4, 4) }))
    expect(saves).toEqual([
      {
        slug: 'aspek-etika',
        revision: 5,
        body: {
          owner: 'user-1',
          state: { checklists: {}, answers: { 'cek-pemahaman': { q1: 'a' } }, verdicts: {}, position: 'bagian-awal', reachedEnd: true },
        },
      },
    ])
  })

  it('sends no owner when the state was made before anyone was known, and never local-only fields', () => {
    const [save] = pendingSaves(persisted({ 'aspek-etika': lesson(1, 0) }, null))
    expect(save?.body).not.toHaveProperty('owner')
    expect(Object.keys(save?.body.state ?? {}).sort()).toEqual(['answers', 'checklists', 'position', 'reachedEnd', 'verdicts'])
  })

  it('treats anything malformed as nothing pending', () => {
    expect(pendingSaves(null)).toEqual([])
    expect(pendingSaves('text')).toEqual([])
    expect(pendingSaves({ state: { lessons: [] } })).toEqual([])
    expect(pendingSaves(persisted({ a: { revision: '2', syncedRevision: 0 }, b: null }))).toEqual([])
  })
})

describe('markSaved', () => {
  it('records the confirmed revision and a completion, leaving other lessons alone', () => {
    const before = persisted({ 'aspek-etika': lesson(5, 3), 'mengapa-penting': lesson(2, 1) })
    const after = markSaved(before, 'aspek-etika', 5, true)
    expect(pendingSaves(after).map((save) => save.slug)).toEqual(['mengapa-penting'])
    expect((after as ReturnType<typeof persisted>).state.lessons['aspek-etika']).toMatchObject({ syncedRevision: 5, completed: true })
    expect((after as ReturnType<typeof persisted>).state.owner).toBe('user-1')
  })

  it('keeps a newer revision pending and never undoes a completion', () => {
    const before = persisted({ 'aspek-etika': lesson(7, 3, { completed: true }) })
    const after = markSaved(before, 'aspek-etika', 5, false)
    expect(pendingSaves(after).map((save) => save.revision)).toEqual([7])
    expect((after as ReturnType<typeof persisted>).state.lessons['aspek-etika']).toMatchObject({ syncedRevision: 5, completed: true })
  })
})

describe('progressBody', () => {
  it('carries the owner only when known', () => {
    const state = { checklists: {}, answers: {}, verdicts: {}, position: null, reachedEnd: false }
    expect(progressBody(state, 'u')).toEqual({ state, owner: 'u' })
    expect(progressBody(state, null)).toEqual({ state })
  })
})
