import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { listOutbox } from '@/lib/mail/outbox-query.server'
import { OUTBOX_COUNT_LIMIT, OUTBOX_STATUSES, parseOutboxQuery, type OutboxQuery, type OutboxStatusValue } from '@/lib/mail/outbox-view'

// The admin's outbox is read from a key (decision 068, as the audit log, decision 065): walking
// it page by page, either way, gives every message of the filter exactly once, newest first (time,
// then id), also when several messages share a millisecond; each status is counted up to a limit.

const MESSAGES = 123
const prefix = `obx${randomUUID().slice(0, 6)}`
// Years ahead of any other test's messages, so this file's are the newest of the database; three
// in each minute's same millisecond, so page boundaries fall inside a millisecond.
const START = Date.parse('2099-01-01T00:00:00Z')
const statusOf = (i: number): OutboxStatusValue => (i % 5 === 0 ? 'failed' : i % 7 === 0 ? 'pending' : 'sent')
let expected: { id: string; status: OutboxStatusValue }[]

const message = (id: string, createdAt: Date, status: OutboxStatusValue) => ({
  id,
  idempotencyKey: id,
  kind: 'test',
  toAddress: `${id}@contoh.go.id`,
  toName: 'Penerima Uji',
  subject: `Pesan ${id}`,
  text: 'teks',
  html: '<p>teks</p>',
  status,
  createdAt,
})

beforeAll(async () => {
  const rows = Array.from({ length: MESSAGES }, (_, i) =>
    message(`${prefix}${String(i).padStart(4, '0')}${randomUUID().slice(0, 4)}`, new Date(START + Math.floor(i / 3) * 60_000), statusOf(i)),
  )
  await db.outboxMessage.createMany({ data: rows })
  expected = rows
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map(({ id, status }) => ({ id, status }))
})

afterAll(async () => {
  await db.outboxMessage.deleteMany({ where: { id: { startsWith: prefix } } })
})

/** Pages older-wards from the newest until this file's messages are behind; their ids in order. */
async function walkOlder(query: Omit<OutboxQuery, 'cursor'>) {
  const pages = [await listOutbox({ ...query, cursor: null })]
  expect(pages[0]!.newer).toBeNull()
  while (pages.at(-1)!.older && pages.at(-1)!.messages.every((m) => m.id.startsWith(prefix))) {
    pages.push(await listOutbox({ ...query, cursor: pages.at(-1)!.older }))
  }
  return pages
}
const mine = (pages: Awaited<ReturnType<typeof listOutbox>>[]) => pages.flatMap((page) => page.messages.map((m) => m.id)).filter((id) => id.startsWith(prefix))

describe('the outbox read from a key', () => {
  it('walks every message once, older page by older page, and back newer page by newer page', async () => {
    const pages = await walkOlder({})
    expect(pages.slice(0, 2).map((page) => page.messages.length)).toEqual([50, 50])
    expect(mine(pages)).toEqual(expected.map((m) => m.id))

    // Back from the third page: the same pages, newest first in each, and nothing newer at the top.
    const back = [pages[2]!]
    while (back.at(-1)!.newer) back.push(await listOutbox({ cursor: back.at(-1)!.newer }))
    expect(back.length).toBe(3)
    expect(mine(back.reverse())).toEqual(mine(pages.slice(0, 3)))
  })

  it('filters by status on every page', async () => {
    for (const status of ['failed', 'pending'] as const) {
      expect(mine(await walkOlder({ status }))).toEqual(expected.filter((m) => m.status === status).map((m) => m.id))
    }
  })

  it('reads its cursor from the address; a stale or malformed one falls back or gives an empty page', async () => {
    const first = await listOutbox({ cursor: null })
    const second = await listOutbox(parseOutboxQuery({ sebelum: `${first.older!.key.at.getTime()}.${first.older!.key.id}` }))
    expect(second.messages[0]!.id).toBe(expected[50]!.id)
    expect(await listOutbox(parseOutboxQuery({ sebelum: 'bukan-kunci', halaman: '40' }))).toMatchObject({ newer: null })
    // Newer than the newest message: nothing there, and the way back to older messages.
    const beyond = await listOutbox(parseOutboxQuery({ sesudah: `${START + 365 * 24 * 3_600_000}.zzzz` }))
    expect(beyond).toMatchObject({ messages: [], newer: null, older: null })
  })

  it('counts each status exactly up to the limit, and says when there are more', async () => {
    const exact = async (status: OutboxStatusValue) => db.outboxMessage.count({ where: { status } })
    let { counts } = await listOutbox({ cursor: null })
    for (const status of OUTBOX_STATUSES) expect(counts[status]).toEqual({ n: await exact(status), capped: false })

    // One more expired message than the limit (of this file, years before its others).
    const expiredAt = new Date(START - 24 * 3_600_000)
    const before = await exact('expired')
    await db.outboxMessage.createMany({
      data: Array.from({ length: OUTBOX_COUNT_LIMIT + 1 - before }, (_, i) => message(`${prefix}x${String(i).padStart(5, '0')}`, expiredAt, 'expired')),
    })
    ;({ counts } = await listOutbox({ status: 'expired', cursor: null }))
    expect(counts.expired).toEqual({ n: OUTBOX_COUNT_LIMIT, capped: true })
    expect(counts.failed).toEqual({ n: await exact('failed'), capped: false })
  })
})
