import 'server-only'
import { env } from '@/lib/env.server'
import { createDbClient, type Db } from './create-client'

// One Prisma client per process, on globalThis: Next loads this module more than once in one
// production server (instrumentation, which starts the mail scheduler, and the routes are bundled
// apart), and in development again on every hot reload. A second client is a second connection:
// on SQLite it escapes the in-process transaction ordering (sqlite-transaction-isolation.ts), so
// the scheduler's transaction and a request's statement wait on each other's file lock while the
// synchronous driver blocks the event loop, until the 10 s busy timeout ends it (found by
// `npm run soak:crash`, decision 042); on PostgreSQL it is a second pool.
const globalForDb = globalThis as unknown as { bbsDb?: ReturnType<typeof createDbClient> }

const created = (globalForDb.bbsDb ??= createDbClient(env.DATABASE_URL))

export const db: Db = created.db
export const databaseProvider = created.target.provider
