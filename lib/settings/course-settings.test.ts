import { describe, expect, it } from 'vitest'
import { DEFAULT_COURSE_SETTINGS, resolveSettings } from './course-settings'

describe('resolveSettings', () => {
  it('uses stored values over defaults and ignores bad or unknown ones', () => {
    const settings = resolveSettings([
      { key: 'passMark', value: '75' },
      { key: 'attemptLimit', value: '"tiga"' },
      { key: 'jp', value: '{broken' },
      { key: 'unknown', value: '1' },
    ])
    expect(settings.passMark).toBe(75)
    expect(settings.attemptLimit).toBe(DEFAULT_COURSE_SETTINGS.attemptLimit)
    expect(settings.jp).toBe(DEFAULT_COURSE_SETTINGS.jp)
    expect(settings).not.toHaveProperty('unknown')
  })
})
