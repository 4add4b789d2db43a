import { describe, expect, it } from 'vitest'
import { formatDuration } from './format'

describe('time on task for HR', () => {
  it('rounds to whole minutes and shows hours past sixty', () => {
    expect(formatDuration(0)).toBe('0 mnt')
    expect(formatDuration(29)).toBe('0 mnt')
    expect(formatDuration(2520)).toBe('42 mnt')
    expect(formatDuration(3900)).toBe('1 j 05 mnt')
    expect(formatDuration(null)).toBe('–')
  })
})
