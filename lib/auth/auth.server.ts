import 'server-only'
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { nextCookies } from 'better-auth/next-js'
import { databaseProvider, db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/accounts/registration-constants'

/**
 * better-auth does passwords (scrypt), sessions (in the database, so any app instance can
 * read them) and its own per-address rate limits (also in the database). Our forms call it
 * from server actions (lib/accounts/*), which validate first; no auth HTTP route is mounted,
 * so nothing reaches it without that validation.
 */
export const auth = betterAuth({
  appName: 'Bijak Bermedia Sosial',
  baseURL: env.PUBLIC_BASE_URL,
  secret: env.BETTER_AUTH_SECRET,
  database: prismaAdapter(db, { provider: databaseProvider, transaction: true }),
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    autoSignIn: true,
  },
  user: {
    additionalFields: {
      nip: { type: 'string', required: false, input: true },
      employmentType: { type: 'string', required: false, input: true },
      agencyId: { type: 'string', required: false, input: true },
      unitId: { type: 'string', required: false, input: true },
      // Never settable by the person registering: only an admin appoints hr or admin.
      role: { type: 'string', required: false, input: false, defaultValue: 'learner' },
    },
  },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
    // The session is also kept in a signed cookie for 5 minutes, so most requests do not read
    // it from the database. A sign-out elsewhere takes effect within those 5 minutes.
    cookieCache: { enabled: true, maxAge: 5 * 60 },
  },
  rateLimit: {
    enabled: true,
    storage: 'database',
    modelName: 'rateLimit',
    window: 60,
    max: 100,
  },
  telemetry: { enabled: false },
  // Wrong passwords are expected in tests; in production they are worth a warning line.
  logger: { level: process.env.NODE_ENV === 'test' ? 'error' : 'warn' },
  plugins: [nextCookies()],
})
