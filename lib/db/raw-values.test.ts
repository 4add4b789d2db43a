import { describe, expect, it } from 'vitest'
import { jsonDate } from './raw-values'

describe('jsonDate', () => {
  it('reads a date without a zone (PostgreSQL timestamp(3) in JSON) as UTC, whatever the server’s zone', () => {
    const zone = process.env.TZ
    process.env.TZ = 'Asia/Jakarta'
    try {
      expect(jsonDate('2026-12-03T18:17:28.811')?.toISOString()).toBe('2026-12-03T18:17:28.811Z')
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('keeps the zone a date carries (SQLite stores Z or +00:00)', () => {
    expect(jsonDate('2026-12-03T18:17:28.811Z').toISOString()).toBe('2026-12-03T18:17:28.811Z')
    expect(jsonDate('2026-12-03T18:17:28.811+00:00').toISOString()).toBe('2026-12-03T18:17:28.811Z')
    expect(jsonDate('2026-12-04T01:17:28.811+07:00').toISOString()).toBe('2026-12-03T18:17:28.811Z')
  })

  it('passes no date on as null', () => {
    expect(jsonDate(null)).toBeNull()
    expect(jsonDate(undefined)).toBeNull()
  })
})
