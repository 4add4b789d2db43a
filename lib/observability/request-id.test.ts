import { describe, expect, it } from 'vitest'
import { requestIdFrom } from './request-id'

describe('requestIdFrom', () => {
  it("keeps nginx's $request_id and a UUID", () => {
    expect(requestIdFrom('0f1e2d3c4b5a69788796a5b4c3d2e1f0')).toBe('0f1e2d3c4b5a69788796a5b4c3d2e1f0')
    expect(requestIdFrom('123e4567-e89b-12d3-a456-426614174000')).toBe('123e4567-e89b-12d3-a456-426614174000')
    expect(requestIdFrom(['abcdef0123456789', 'second'])).toBe('abcdef0123456789')
  })

  it('replaces a missing or malformed id with a new 32-hex one', () => {
    for (const bad of [undefined, null, '', 'short', 'a'.repeat(65), 'abc def 0123456789', 'abc"}\n{"level":"x', '<script>alert(1)</script>']) {
      const id = requestIdFrom(bad)
      expect(id).toMatch(/^[0-9a-f]{32}$/)
      expect(id).not.toBe(bad)
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined))
  })
})
