import { describe, expect, it } from 'vitest'
import { decodeRowKey, encodeRowKey } from './row-key'

describe('row keys in URLs', () => {
  it('round-trips a key with and without a name, any characters', () => {
    const key = { id: 'u-1', name: "dr. ni luh putu ayu, m.si.; muh. ma'ruf & josé" }
    expect(decodeRowKey(encodeRowKey(key))).toEqual(key)
    expect(decodeRowKey(encodeRowKey({ id: 'e-1' }))).toEqual({ id: 'e-1' })
  })

  it('refuses anything else', () => {
    expect(decodeRowKey(undefined)).toBeUndefined()
    expect(decodeRowKey('bukan-kunci')).toBeUndefined()
    expect(decodeRowKey(Buffer.from('{"id":5}').toString('base64url'))).toBeUndefined()
    expect(decodeRowKey(Buffer.from('{"name":"x"}').toString('base64url'))).toBeUndefined()
    expect(decodeRowKey('a'.repeat(2000))).toBeUndefined()
  })
})
