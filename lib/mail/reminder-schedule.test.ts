import { describe, expect, it } from 'vitest'
import { jakartaDate } from './idempotency'
import { daysBetween, manualStageOn, MAX_OVERDUE_WEEKS, reminderDates, reminderStageOn } from './reminder-schedule'

// A cohort due on 20 March 2027, as HR's form stores it: the end of that day in Jakarta.
const due = new Date('2027-03-20T23:59:59+07:00')

describe('reminderStageOn', () => {
  it('reminds 7 days and 1 day before the due date, and on no day in between', () => {
    expect(reminderStageOn(due, '2027-03-13')).toEqual({ kind: 'h-7' })
    expect(reminderStageOn(due, '2027-03-19')).toEqual({ kind: 'h-1' })
    for (const day of ['2027-03-12', '2027-03-14', '2027-03-15', '2027-03-18', '2027-03-20']) expect(reminderStageOn(due, day)).toBeNull()
  })

  it('reminds weekly while overdue, up to MAX_OVERDUE_WEEKS weeks', () => {
    expect(reminderStageOn(due, '2027-03-27')).toEqual({ kind: 'lewat', weeks: 1 })
    expect(reminderStageOn(due, '2027-04-03')).toEqual({ kind: 'lewat', weeks: 2 })
    expect(reminderStageOn(due, '2027-03-28')).toBeNull()
    expect(reminderStageOn(due, '2027-03-21')).toBeNull()
    const last = new Date(Date.parse('2027-03-20T00:00:00Z') + 7 * MAX_OVERDUE_WEEKS * 86_400_000).toISOString().slice(0, 10)
    expect(reminderStageOn(due, last)).toEqual({ kind: 'lewat', weeks: MAX_OVERDUE_WEEKS })
    const after = new Date(Date.parse('2027-03-20T00:00:00Z') + 7 * (MAX_OVERDUE_WEEKS + 1) * 86_400_000).toISOString().slice(0, 10)
    expect(reminderStageOn(due, after)).toBeNull()
  })

  it('counts days in Asia/Jakarta, not UTC: 23:30 UTC on the 12th is already the 13th in Jakarta', () => {
    const lateEvening = new Date('2027-03-12T23:30:00Z')
    expect(jakartaDate(lateEvening)).toBe('2027-03-13')
    expect(reminderStageOn(due, jakartaDate(lateEvening))).toEqual({ kind: 'h-7' })
    // 16:59 UTC on the 12th is 23:59 on the 12th in Jakarta: no reminder yet.
    expect(reminderStageOn(due, jakartaDate(new Date('2027-03-12T16:59:00Z')))).toBeNull()
  })

  it('reads a due date stored at another time of day by its Jakarta date', () => {
    // 2027-03-19T20:00Z is 03:00 on the 20th in Jakarta.
    expect(reminderStageOn(new Date('2027-03-19T20:00:00Z'), '2027-03-19')).toEqual({ kind: 'h-1' })
  })

  it('crosses month and year ends', () => {
    expect(reminderStageOn(new Date('2027-01-03T23:59:59+07:00'), '2026-12-27')).toEqual({ kind: 'h-7' })
    expect(reminderStageOn(new Date('2028-03-01T23:59:59+07:00'), '2028-02-29')).toEqual({ kind: 'h-1' })
  })
})

describe('reminderDates', () => {
  it('lists every reminder day, each of which reminderStageOn agrees with', () => {
    const dates = reminderDates(due)
    expect(dates.slice(0, 4)).toEqual(['2027-03-13', '2027-03-19', '2027-03-27', '2027-04-03'])
    expect(dates).toHaveLength(2 + MAX_OVERDUE_WEEKS)
    for (const day of dates) expect(reminderStageOn(due, day)).not.toBeNull()
    expect(daysBetween('2027-03-13', '2027-03-20')).toBe(7)
  })
})

describe('manualStageOn', () => {
  it('counts Jakarta days to the due date, negative when overdue, null without one', () => {
    // 23:59 on 20 March in Jakarta is still 20 March there (16:59 UTC).
    const due = new Date('2027-03-20T23:59:59+07:00')
    expect(manualStageOn(due, '2027-03-08')).toEqual({ kind: 'manual', daysLeft: 12 })
    expect(manualStageOn(due, '2027-03-20')).toEqual({ kind: 'manual', daysLeft: 0 })
    expect(manualStageOn(due, '2027-03-23')).toEqual({ kind: 'manual', daysLeft: -3 })
    expect(manualStageOn(null, '2027-03-23')).toEqual({ kind: 'manual', daysLeft: null })
  })
})
