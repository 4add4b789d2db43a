import { describe, expect, it } from 'vitest'
import { formatBoundedCount, outboxPageHref, parseOutboxQuery, sumBoundedCounts } from './outbox-view'

describe('parseOutboxQuery', () => {
  const at = new Date('2026-12-04T03:00:00.123Z')

  it('reads a status and a cursor, and ignores anything else', () => {
    expect(parseOutboxQuery({ status: 'failed', sebelum: `${at.getTime()}.pesan_1` })).toEqual({ status: 'failed', cursor: { direction: 'older', key: { at, id: 'pesan_1' } } })
    expect(parseOutboxQuery({ sesudah: `${at.getTime()}.x` })).toEqual({ cursor: { direction: 'newer', key: { at, id: 'x' } } })
    expect(parseOutboxQuery({ status: 'bogus', sebelum: 'abc', sesudah: '12.' })).toEqual({ cursor: null })
    expect(parseOutboxQuery({ status: ['sent', 'failed'] })).toEqual({ status: 'sent', cursor: null })
    // An address from before keyed pages: the newest page.
    expect(parseOutboxQuery({ halaman: '3' })).toEqual({ cursor: null })
  })

  it('round-trips through the page address', () => {
    const cursor = { direction: 'older' as const, key: { at, id: 'pesan_1' } }
    expect(outboxPageHref({ status: 'pending' }, cursor)).toBe(`/admin/kotak-keluar?status=pending&sebelum=${at.getTime()}.pesan_1`)
    expect(parseOutboxQuery(Object.fromEntries(new URL(outboxPageHref({ status: 'pending' }, cursor), 'http://x').searchParams))).toEqual({ status: 'pending', cursor })
    expect(outboxPageHref({})).toBe('/admin/kotak-keluar')
  })
})

describe('bounded counts', () => {
  it('say "lebih dari" past the limit, and so does a sum with a capped part', () => {
    expect(formatBoundedCount({ n: 1234, capped: false })).toBe('1.234')
    expect(formatBoundedCount({ n: 10_000, capped: true })).toBe('lebih dari 10.000')
    expect(sumBoundedCounts([{ n: 3, capped: false }, { n: 4, capped: false }])).toEqual({ n: 7, capped: false })
    expect(formatBoundedCount(sumBoundedCounts([{ n: 10_000, capped: true }, { n: 12, capped: false }]))).toBe('lebih dari 10.012')
  })
})
