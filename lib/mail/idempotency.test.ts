import { describe, expect, it } from 'vitest'
import { idempotencyKey, jakartaDate, jakartaIsoWeek, jakartaWeekdayAndHour, jakartaWindow, weeklyIdempotencyKey } from './idempotency'

describe('idempotencyKey', () => {
  it('is kind, person, subject and the Jakarta date', () => {
    // 18:30 UTC is already the next day in Jakarta.
    expect(idempotencyKey({ kind: 'password-reset', userId: 'u1', subject: '01:30', at: new Date('2027-01-01T18:30:00Z') })).toBe('password-reset|u1|01:30|2027-01-02')
    expect(jakartaDate(new Date('2027-01-01T16:59:59Z'))).toBe('2027-01-01')
  })

  it('refuses parts that could run into each other', () => {
    expect(() => idempotencyKey({ kind: 'a|b', userId: 'u', subject: 's', at: new Date() })).toThrow()
    expect(() => idempotencyKey({ kind: 'a', userId: '', subject: 's', at: new Date() })).toThrow()
  })
})

describe('jakartaWindow', () => {
  it('floors to the window start in Jakarta time', () => {
    expect(jakartaWindow(new Date('2027-01-01T01:14:59Z'), 15)).toBe('08:00')
    expect(jakartaWindow(new Date('2027-01-01T01:15:00Z'), 15)).toBe('08:15')
  })
})

describe('jakartaIsoWeek', () => {
  it('numbers weeks Monday to Sunday by the Jakarta date, with the ISO year at the year boundary', () => {
    // Monday 15 March 2027, 00:30 in Jakarta, is still Sunday the 14th in UTC.
    expect(jakartaIsoWeek(new Date('2027-03-14T17:30:00Z'))).toBe('2027-W11')
    expect(jakartaIsoWeek(new Date('2027-03-14T16:59:59Z'))).toBe('2027-W10')
    expect(jakartaIsoWeek(new Date('2027-03-21T12:00:00Z'))).toBe('2027-W11') // Sunday 19:00 WIB
    // 1 January 2027 is a Friday: ISO week 53 of 2026. 31 December 2024 (Tuesday) is 2025-W01.
    expect(jakartaIsoWeek(new Date('2027-01-01T05:00:00Z'))).toBe('2026-W53')
    expect(jakartaIsoWeek(new Date('2024-12-31T05:00:00Z'))).toBe('2025-W01')
    expect(jakartaIsoWeek(new Date('2026-01-05T05:00:00Z'))).toBe('2026-W02')
  })

  it('gives one key for every day of the week', () => {
    const monday = weeklyIdempotencyKey({ kind: 'hr-digest', userId: 'u1', subject: 'a1', at: new Date('2027-03-15T01:00:00Z') })
    expect(monday).toBe('hr-digest|u1|a1|2027-W11')
    expect(weeklyIdempotencyKey({ kind: 'hr-digest', userId: 'u1', subject: 'a1', at: new Date('2027-03-21T16:00:00Z') })).toBe(monday)
    expect(weeklyIdempotencyKey({ kind: 'hr-digest', userId: 'u1', subject: 'a1', at: new Date('2027-03-21T17:00:00Z') })).not.toBe(monday)
    expect(() => weeklyIdempotencyKey({ kind: 'hr-digest', userId: 'u|1', subject: 'a1', at: new Date() })).toThrow()
  })

  it('reads the Jakarta weekday and hour', () => {
    expect(jakartaWeekdayAndHour(new Date('2027-03-14T17:30:00Z'))).toEqual({ weekday: 1, hour: 0 })
    expect(jakartaWeekdayAndHour(new Date('2027-03-14T16:30:00Z'))).toEqual({ weekday: 7, hour: 23 })
  })
})
