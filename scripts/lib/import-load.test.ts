import { describe, expect, it } from 'vitest'
import { parseServerTiming, percentile } from './import-load'

describe('import-load helpers', () => {
  it('reads the phases of a Server-Timing header, ignoring entries without a duration', () => {
    expect(parseServerTiming('read;dur=1520.4, stage;dur=3100, publish;dur=180.6, cleanup;dur=40, cache;desc="x"')).toEqual({
      read: 1520,
      stage: 3100,
      publish: 181,
      cleanup: 40,
    })
    expect(parseServerTiming(null)).toEqual({})
  })

  it('takes the nearest-rank percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(values, 50)).toBe(51)
    expect(percentile(values, 99)).toBe(100)
    expect(percentile([], 99)).toBe(0)
  })
})
