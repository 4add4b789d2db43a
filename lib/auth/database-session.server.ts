import 'server-only'
import { getSessionCookie } from 'better-auth/cookies'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { activityNeedsRefresh, ACTIVITY_REFRESH_MS, sessionEndReason, verifiedSessionToken } from './session-timeouts'

const USER_SELECT = {
  id: true,
  name: true,
  email: true,
  nip: true,
  employmentType: true,
  agencyId: true,
  unitId: true,
  disabledAt: true,
  agency: { select: { name: true } },
  unit: { select: { name: true } },
  grants: { select: { capability: true, agencyId: true, unitId: true } },
} as const

/**
 * The session this request's cookie names, checked in the DATABASE on every call (never the
 * signed cookie cache): a signed-out, expired, disabled or timed-out session is refused at once.
 * HR officers and admins also time out when idle and after a maximum age (course settings);
 * their lastActiveAt is refreshed at most once a minute. Pages, server actions and HR/admin routes
 * use this through lib/auth/session.server.ts; only the learner's quiz submission and lesson
 * progress use the 5-minute cookie cache (request-session.server.ts, decisions.md "Sessions").
 */
export async function getDatabaseSessionUser(headers: Headers, now = new Date()) {
  const token = verifiedSessionToken(getSessionCookie(headers), env.BETTER_AUTH_SECRET)
  if (!token) return null
  const session = await db.session.findUnique({
    where: { token },
    select: { id: true, createdAt: true, lastActiveAt: true, expiresAt: true, user: { select: USER_SELECT } },
  })
  if (!session || session.user.disabledAt) return null
  // Anyone holding a capability times out like staff, whatever page they are on.
  const staff = session.user.grants.length > 0
  const timeouts = staff ? await getCourseSettings() : { staffIdleMinutes: 0, staffAbsoluteHours: 0 }
  const ended = sessionEndReason({ ...session, staff }, timeouts, now)
  if (ended) {
    if (ended !== 'expired') await db.session.deleteMany({ where: { id: session.id } })
    return null
  }
  if (activityNeedsRefresh(session.lastActiveAt, now)) {
    // Conditional: parallel requests of one session write it once.
    await db.session.updateMany({
      where: { id: session.id, lastActiveAt: { lte: new Date(now.getTime() - ACTIVITY_REFRESH_MS) } },
      data: { lastActiveAt: now },
    })
  }
  return { sessionId: session.id, user: session.user }
}
