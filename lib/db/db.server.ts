import 'server-only'
import { env } from '@/lib/env.server'
import { createDbClient, type Db } from './create-client'

// One Prisma client per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { bbsDb?: ReturnType<typeof createDbClient> }

const created = globalForDb.bbsDb ?? createDbClient(env.DATABASE_URL)
if (process.env.NODE_ENV !== 'production') globalForDb.bbsDb = created

export const db: Db = created.db
export const databaseProvider = created.target.provider
