import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db/db.server'

const holder = globalThis as unknown as { bbsDb?: unknown }
const original = holder.bbsDb

afterEach(() => {
  vi.unstubAllEnvs()
  holder.bbsDb = original
})

describe('the app database client', () => {
  it('is one per process in production, however often the module is loaded (instrumentation and routes)', async () => {
    // A production server process that has no client yet loads the module twice.
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('APP_ENV', 'demo')
    delete holder.bbsDb
    vi.resetModules()
    const first = await import('@/lib/db/db.server')
    vi.resetModules()
    const second = await import('@/lib/db/db.server')
    try {
      expect(second.db).toBe(first.db)
      // A working client.
      const rows = await second.db.$queryRaw<{ one: number | bigint }[]>`SELECT 1 AS one`
      expect(Number(rows[0]!.one)).toBe(1)
    } finally {
      for (const client of new Set([first.db, second.db])) if (client !== db) await client.$disconnect()
    }
  })
})
