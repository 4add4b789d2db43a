import { describe, expect, it } from 'vitest'
import { enrolmentStatus } from './enrolment-status'

const due = new Date('2026-12-01T00:00:00Z')
const before = new Date('2026-11-21T00:00:00Z')
const after = new Date('2026-12-02T00:00:00Z')

describe('enrolmentStatus', () => {
  it('is lulus once passed, even after the due date', () => {
    expect(enrolmentStatus({ passed: true, lessonsDone: 7, attempts: 1, dueDate: due, now: after })).toBe('lulus')
  })
  it('is terlambat when not passed by the due date, started or not', () => {
    expect(enrolmentStatus({ passed: false, lessonsDone: 3, attempts: 0, dueDate: due, now: after })).toBe('terlambat')
    expect(enrolmentStatus({ passed: false, lessonsDone: 0, attempts: 0, dueDate: due, now: after })).toBe('terlambat')
  })
  it('is sedang once anything is done, belum-mulai before', () => {
    expect(enrolmentStatus({ passed: false, lessonsDone: 0, attempts: 1, dueDate: due, now: before })).toBe('sedang')
    expect(enrolmentStatus({ passed: false, lessonsDone: 0, attempts: 0, dueDate: null, now: after })).toBe('belum-mulai')
  })
})
