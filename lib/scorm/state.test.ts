import { describe, expect, it } from 'vitest'
import { decodeCourseState, emptyCourseState, encodeCourseState, lmsStatus, recordPostTest, SUSPEND_DATA_LIMIT, updateLessonDone } from './state'

const LESSONS = ['satu', 'dua']

describe('course state in suspend data', () => {
  it('round-trips, and unreadable or foreign data starts afresh', () => {
    const state = { ...emptyCourseState('pelajaran/satu.html'), done: ['satu'], answers: { satu: { cek: { q1: 'a' } } } }
    expect(decodeCourseState(encodeCourseState(state), 'x')).toEqual(state)
    expect(decodeCourseState('{kacau', 'pelajaran/satu.html')).toEqual(emptyCourseState('pelajaran/satu.html'))
    expect(decodeCourseState('{"v":2}', 's').done).toEqual([])
    expect(decodeCourseState(JSON.stringify({ ...state, at: 'javascript:alert(1)' }), 'aman.html').at).toBe('aman.html')
  })

  it('stays within the SCORM 1.2 limit, keeping what decides completion', () => {
    const big = { ...emptyCourseState('a.html'), done: ['satu'], result: { score: 90, passed: true }, ticks: { satu: { daftar: Array.from({ length: 800 }, (_, i) => `item-${i}`) } }, answers: { satu: { cek: { q1: 'a' } } } }
    const text = encodeCourseState(big)
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT)
    const back = decodeCourseState(text, 'a.html')
    expect(back.ticks).toEqual({})
    expect(back.done).toEqual(['satu'])
    expect(back.result).toEqual({ score: 90, passed: true })
    expect(back.answers).toEqual(big.answers)
  })

  it('a lesson is done when every knowledge-check question has an answer', () => {
    let state = emptyCourseState('a.html')
    state = { ...state, answers: { satu: { cek: { q1: 'a' } } } }
    expect(updateLessonDone(state, 'satu', 'cek', ['q1', 'q2']).done).toEqual([])
    state = { ...state, answers: { satu: { cek: { q1: 'a', q2: 'b' } } } }
    expect(updateLessonDone(state, 'satu', 'cek', ['q1', 'q2']).done).toEqual(['satu'])
  })

  it('reports incomplete → completed → failed/passed, and a pass is never replaced by a fail', () => {
    let state = emptyCourseState('a.html')
    expect(lmsStatus(state, LESSONS)).toBe('incomplete')
    state = { ...state, done: ['satu', 'dua'] }
    expect(lmsStatus(state, LESSONS)).toBe('completed')
    state = recordPostTest(state, { score: 60, passed: false })
    expect(lmsStatus(state, LESSONS)).toBe('failed')
    state = recordPostTest(state, { score: 86.7, passed: true })
    expect(lmsStatus(state, LESSONS)).toBe('passed')
    state = recordPostTest(state, { score: 40, passed: false })
    expect(state.result).toEqual({ score: 86.7, passed: true })
    expect(state.attempts).toBe(3)
  })
})
