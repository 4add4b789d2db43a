import { describe, expect, it } from 'vitest'
import { outboxPageHref, parseOutboxQuery } from './outbox-view'

describe('parseOutboxQuery', () => {
  it('reads a status and a page, and ignores anything else', () => {
    expect(parseOutboxQuery({ status: 'failed', halaman: '3' })).toEqual({ status: 'failed', page: 3 })
    expect(parseOutboxQuery({ status: 'bogus', halaman: '-2' })).toEqual({ page: 1 })
    expect(parseOutboxQuery({ status: ['sent', 'failed'] })).toEqual({ status: 'sent', page: 1 })
  })

  it('round-trips through the page address', () => {
    expect(outboxPageHref({ status: 'pending', page: 2 })).toBe('/admin/kotak-keluar?status=pending&halaman=2')
    expect(outboxPageHref({ page: 1 })).toBe('/admin/kotak-keluar')
  })
})
