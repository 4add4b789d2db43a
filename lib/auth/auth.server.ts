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
      // Set only by an admin (lib/admin/users.server.ts); a disabled account gets no session.
      disabledAt: { type: 'date', required: false, input: false },
    },
  },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
    // The session is also kept in a signed cookie for 5 minutes. Only the learner's quiz
    // submission route reads it (lib/auth/request-session.server.ts); every page, server action
    // and HR/admin route checks the database session (lib/auth/session.server.ts), so a
    // sign-out applies there at once (decisions.md, "Sessions").
    cookieCache: { enabled: true, maxAge: 5 * 60 },
  },
  databaseHooks: {
    session: {
      create: {
        // A disabled account gets no session, whichever path asks (sign-in, activation,
        // password change): better-auth then answers FAILED_TO_CREATE_SESSION.
        // Read through better-auth's adapter: inside a sign-up it runs in the open transaction
        // (a query on the global client would wait for that transaction on SQLite).
        before: async (session, context) => {
          const user = context
            ? await context.context.internalAdapter.findUserById(session.userId)
            : await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } })
          if (!user || (user as { disabledAt?: Date | null }).disabledAt) return false
        },
      },
    },
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
