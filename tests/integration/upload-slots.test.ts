import { describe, expect, it } from 'vitest'
import { db } from '@/lib/db/db.server'
import { isAppError } from '@/lib/errors/app-error'
import {
  MAX_CONCURRENT_UPLOADS,
  releaseUploadSlot,
  takeUploadSlot,
  TOO_MANY_UPLOADS_MESSAGE,
  UPLOAD_SLOT_STALE_MS,
  withUploadSlot,
} from '@/lib/hr/upload-slots.server'

let agencyNumber = 0
const agency = () => `agency-slots-${agencyNumber++}`

describe('concurrent roster uploads per agency', () => {
  it(`20 parallel takes get exactly ${MAX_CONCURRENT_UPLOADS} slots; releases free them`, async () => {
    const id = agency()
    const taken = await Promise.all(Array.from({ length: 20 }, () => takeUploadSlot(id)))
    expect(taken.filter(Boolean)).toHaveLength(MAX_CONCURRENT_UPLOADS)
    expect(await takeUploadSlot(id)).toBe(false)
    await releaseUploadSlot(id)
    expect(await takeUploadSlot(id)).toBe(true)
    expect(await takeUploadSlot(id)).toBe(false)
    await Promise.all([releaseUploadSlot(id), releaseUploadSlot(id), releaseUploadSlot(id)])
    expect((await db.rateLimitCounter.findUniqueOrThrow({ where: { key: `upload-slots:${id}` } })).count).toBe(0)
  })

  it('counts each agency on its own', async () => {
    const [a, b] = [agency(), agency()]
    for (let i = 0; i < MAX_CONCURRENT_UPLOADS; i++) expect(await takeUploadSlot(a)).toBe(true)
    expect(await takeUploadSlot(a)).toBe(false)
    expect(await takeUploadSlot(b)).toBe(true)
  })

  it('slots lost by a crashed instance expire, so the agency is not blocked for ever', async () => {
    const id = agency()
    const start = Date.now()
    for (let i = 0; i < MAX_CONCURRENT_UPLOADS; i++) expect(await takeUploadSlot(id, start)).toBe(true)
    // Never released. Just before expiry: still refused; after: one slot in use again.
    expect(await takeUploadSlot(id, start + UPLOAD_SLOT_STALE_MS - 1)).toBe(false)
    expect(await takeUploadSlot(id, start + UPLOAD_SLOT_STALE_MS + 1)).toBe(true)
    expect((await db.rateLimitCounter.findUniqueOrThrow({ where: { key: `upload-slots:${id}` } })).count).toBe(1)
  })

  it('withUploadSlot answers 429 when the agency is busy, and releases its slot even when the work fails', async () => {
    const id = agency()
    let release!: () => void
    const busy = new Promise<void>((resolve) => (release = resolve))
    const running = Array.from({ length: MAX_CONCURRENT_UPLOADS }, () => withUploadSlot(id, () => busy))
    await expect.poll(async () => (await db.rateLimitCounter.findUnique({ where: { key: `upload-slots:${id}` } }))?.count).toBe(MAX_CONCURRENT_UPLOADS)
    const refused = await withUploadSlot(id, async () => 'ran').catch((error: unknown) => error)
    expect(isAppError(refused) && [refused.status, refused.userMessage]).toEqual([429, TOO_MANY_UPLOADS_MESSAGE])
    release()
    await Promise.all(running)
    await expect(withUploadSlot(id, () => Promise.reject(new Error('file unreadable')))).rejects.toThrow('file unreadable')
    expect((await db.rateLimitCounter.findUniqueOrThrow({ where: { key: `upload-slots:${id}` } })).count).toBe(0)
    expect(await withUploadSlot(id, async () => 'ran')).toBe('ran')
  })
})
