import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './safe-return-path'

describe('safeReturnPath', () => {
  it('keeps paths on this site', () => {
    expect(safeReturnPath('/belajar/aspek-etika?x=1')).toBe('/belajar/aspek-etika?x=1')
  })
  it.each(['https://evil.example', '//evil.example/x', '/\\evil.example', 'dasbor', '', 42, null])(
    'refuses %j',
    (value) => expect(safeReturnPath(value)).toBeNull(),
  )
})
