import { describe, expect, it } from 'vitest'
import { findScorm12Api, scormTimespan } from './lms'

type FakeWindow = { API?: unknown; parent: FakeWindow; opener: FakeWindow | null }
function windowChain(depth: number, api: unknown): FakeWindow {
  const top: FakeWindow = { API: api, parent: null as unknown as FakeWindow, opener: null }
  top.parent = top
  let win = top
  for (let i = 0; i < depth; i++) win = { parent: win, opener: null }
  return win
}

describe('SCORM 1.2 connection', () => {
  it('finds the API on a parent (up to 10 levels) or on the opener, and not beyond', () => {
    const api = { LMSInitialize: () => 'true' }
    expect(findScorm12Api(windowChain(2, api) as unknown as Window)).toBe(api)
    expect(findScorm12Api(windowChain(12, api) as unknown as Window)).toBeNull()
    const popup: FakeWindow = { parent: null as unknown as FakeWindow, opener: windowChain(1, api) }
    popup.parent = popup
    expect(findScorm12Api(popup as unknown as Window)).toBe(api)
  })

  it('writes CMITimespan', () => {
    expect(scormTimespan(0)).toBe('0000:00:00')
    expect(scormTimespan(3_723_999)).toBe('0001:02:03')
  })
})
