import { describe, expect, it } from 'vitest'
import { unreachableReason } from './unreachable'

describe('unreachableReason', () => {
  it('names the reason email cannot reach a person', () => {
    expect(unreachableReason({ email: '', failedToAddress: null })).toBe('tanpa-email')
    expect(unreachableReason({ email: '   ', failedToAddress: null })).toBe('tanpa-email')
    expect(unreachableReason({ email: null, failedToAddress: null })).toBe('tanpa-email')
    expect(unreachableReason({ email: 'budi@contoh', failedToAddress: null })).toBe('alamat-tidak-valid')
    expect(unreachableReason({ email: 'budi@contoh.go.id\r\nBcc: x@y.id', failedToAddress: null })).toBe('alamat-tidak-valid')
    expect(unreachableReason({ email: 'budi@contoh.go.id', failedToAddress: 'budi@contoh.go.id' })).toBe('gagal-permanen')
  })

  it('is null for a good address with no permanent failure (upper case and spaces are what the outbox cleans)', () => {
    expect(unreachableReason({ email: 'budi@contoh.go.id', failedToAddress: null })).toBeNull()
    expect(unreachableReason({ email: ' Budi@Contoh.GO.id ', failedToAddress: null })).toBeNull()
  })
})
