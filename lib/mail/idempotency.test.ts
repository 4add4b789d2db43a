import { describe, expect, it } from 'vitest'
import { idempotencyKey, jakartaDate, jakartaWindow } from './idempotency'

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
