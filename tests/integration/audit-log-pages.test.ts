import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseAuditQuery, type AuditQuery } from '@/lib/admin/audit-query'
import { listAuditActions, listAuditLog } from '@/lib/admin/audit.server'
import { db } from '@/lib/db/db.server'

// The admin's audit log is read from a key (decision 065): walking it page by page, either way,
// must give every entry of the filter exactly once, in the log's order (time, then id), also
// when several entries share a millisecond.

let agencyId: string
let otherAgencyId: string
/** This file's entries of `agencyId`, newest first: [at, id]. */
let expected: { at: Date; id: string; action: string }[]

const ENTRIES = 123
// From 2026-11-30 10:00 WIB, three entries in each hour's same millisecond: the last entry of the
// first and second pages of 50 shares its millisecond with the first of the next page.
const START = Date.parse('2026-11-30T03:00:00Z')

beforeAll(async () => {
  const code = `AUD${randomUUID().slice(0, 6).toUpperCase()}`
  agencyId = (await db.agency.create({ data: { code, name: `Instansi log ${code}` } })).id
  otherAgencyId = (await db.agency.create({ data: { code: `${code}X`, name: `Instansi lain ${code}` } })).id
  const rows = Array.from({ length: ENTRIES }, (_, i) => {
    const hour = Math.floor(i / 3)
    return {
      id: `aud${code.toLowerCase()}${String(i).padStart(4, '0')}${randomUUID().slice(0, 4)}`,
      at: new Date(START + hour * 60 * 60_000),
      action: i % 3 === 0 ? 'zz-test.alpha' : 'zz-test.beta',
      agencyId,
    }
  })
  await db.auditLog.createMany({ data: rows })
  await db.auditLog.create({ data: { action: 'zz-test.alpha', agencyId: otherAgencyId } })
  expected = rows
    .map(({ at, id, action }) => ({ at, id, action }))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
})

const query = (overrides: Partial<AuditQuery> = {}): AuditQuery => ({ actionPrefix: '', agencyId, untilDay: '', cursor: null, ...overrides })

describe('the audit log read from a key', () => {
  it('walks every entry once, older page by older page, and back newer page by newer page', async () => {
    // Entries sharing a millisecond exist, and the database orders their ids as JavaScript does.
    expect(new Set(expected.map((entry) => entry.at.getTime())).size).toBeLessThan(ENTRIES)

    const pages = [await listAuditLog(query())]
    expect(pages[0]!.newer).toBeNull()
    while (pages.at(-1)!.older) pages.push(await listAuditLog(query({ cursor: pages.at(-1)!.older })))
    expect(pages.map((page) => page.entries.length)).toEqual([50, 50, 23])
    expect(pages.flatMap((page) => page.entries.map((entry) => entry.id))).toEqual(expected.map((entry) => entry.id))

    // Back from the last page: the same pages, newest entries first in each.
    const back = [pages.at(-1)!]
    while (back.at(-1)!.newer) back.push(await listAuditLog(query({ cursor: back.at(-1)!.newer })))
    expect(back.length).toBe(3)
    expect(back.at(-1)!.newer).toBeNull()
    expect(back.reverse().flatMap((page) => page.entries.map((entry) => entry.id))).toEqual(expected.map((entry) => entry.id))
  })

  it('filters by agency and by action prefix on every page', async () => {
    const alpha = expected.filter((entry) => entry.action === 'zz-test.alpha').map((entry) => entry.id)
    const seen: string[] = []
    let page = await listAuditLog(query({ actionPrefix: 'zz-test.al' }))
    seen.push(...page.entries.map((entry) => entry.id))
    while (page.older) {
      page = await listAuditLog(query({ actionPrefix: 'zz-test.al', cursor: page.older }))
      seen.push(...page.entries.map((entry) => entry.id))
    }
    expect(seen).toEqual(alpha)
    const other = await listAuditLog(query({ agencyId: otherAgencyId }))
    expect(other.entries.map((entry) => entry.agency?.name)).toEqual([expect.stringContaining('Instansi lain')])
    expect(other.older).toBeNull()
  })

  it('starts at the last entry of a WIB day, with the newer entries a link away', async () => {
    // 2026-11-30 WIB ends at 2026-11-30T17:00:00Z.
    const dayEnd = Date.parse('2026-11-30T17:00:00Z')
    const page = await listAuditLog(query({ untilDay: '2026-11-30' }))
    const onOrBefore = expected.filter((entry) => entry.at.getTime() < dayEnd)
    expect(onOrBefore.length).toBeGreaterThan(0)
    expect(onOrBefore.length).toBeLessThan(ENTRIES)
    expect(page.entries.map((entry) => entry.id)).toEqual(onOrBefore.slice(0, 50).map((entry) => entry.id))
    expect(page.newer).not.toBeNull()
    const newer = await listAuditLog(query({ cursor: page.newer }))
    expect(newer.entries.at(-1)!.id).toBe(expected[expected.length - onOrBefore.length - 1]!.id)
    // Before the first entry: an empty page, nothing older, and the way back.
    const empty = await listAuditLog(query({ untilDay: '2026-11-01' }))
    expect(empty).toMatchObject({ entries: [], older: null, newer: null })
  })

  it('reads cursors and days from the URL, and falls back to the newest page on anything else', () => {
    const at = new Date('2026-11-30T03:00:00.123Z')
    expect(parseAuditQuery({ sebelum: `${at.getTime()}.abc_1-2`, sampai: '2026-11-30' })).toEqual({
      actionPrefix: '',
      agencyId: '',
      untilDay: '',
      cursor: { direction: 'older', key: { at, id: 'abc_1-2' } },
    })
    expect(parseAuditQuery({ sesudah: `${at.getTime()}.x` }).cursor).toEqual({ direction: 'newer', key: { at, id: 'x' } })
    for (const bad of ['', 'abc', '12.', '.abc', '1.a b', `1.${'a'.repeat(65)}`, "1.a'--"]) expect(parseAuditQuery({ sebelum: bad }).cursor).toBeNull()
    expect(parseAuditQuery({ sampai: '2026-02-30' }).untilDay).toBe('')
    expect(parseAuditQuery({ sampai: '2026-02-28' }).untilDay).toBe('2026-02-28')
  })

  it('lists each logged action once, in order', async () => {
    const actions = await listAuditActions()
    const distinct = (await db.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } })).map((row) => row.action)
    expect(actions).toEqual(distinct)
    expect(actions).toEqual(expect.arrayContaining(['zz-test.alpha', 'zz-test.beta']))
  })
})
