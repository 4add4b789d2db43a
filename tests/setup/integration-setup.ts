// Runs before each integration test file: point the app's database module at a fresh copy
// of the migrated base database, before any test imports it.
import path from 'node:path'
import { afterAll, expect } from 'vitest'
import { createTestDatabase } from './test-databases'

const label = path.basename(expect.getState().testPath ?? 'test', '.test.ts').replace(/[^a-z0-9]/gi, '_')
const database = await createTestDatabase(label)
process.env.DATABASE_URL = database.url
process.env.BETTER_AUTH_SECRET ??= 'integration-tests-secret-0123456789abcdef'
process.env.PUBLIC_BASE_URL ??= 'http://localhost:3000'

afterAll(async () => {
  const holder = globalThis as unknown as { bbsDb?: { db: { $disconnect(): Promise<void> } } }
  await holder.bbsDb?.db.$disconnect()
  delete holder.bbsDb
  await database.drop()
})
