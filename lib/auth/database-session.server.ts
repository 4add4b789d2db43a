import 'server-only'
import { getSessionCookie } from 'better-auth/cookies'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { asDate } from '@/lib/db/raw-values'
import { env } from '@/lib/env.server'
import { DEFAULT_COURSE_SETTINGS, resolveSettings } from '@/lib/settings/course-settings'
import type { EmploymentType } from '@/lib/vocabulary/employment-types'
import { CAPABILITIES, type Capability, type Grant } from './capabilities'
import { activityNeedsRefresh, ACTIVITY_REFRESH_MS, sessionEndReason, verifiedSessionToken } from './session-timeouts'

export type DatabaseSessionUser = {
  id: string
  name: string
  email: string
  /** What the person may do beyond learning (decision 037). */
  grants: Grant[]
  nip: string | null
  employmentType: EmploymentType | null
  agencyId: string | null
  unitId: string | null
  disabledAt: Date | null
  /** The latest privacy notice version the person accepted (versions are ISO dates), or null. */
  noticeAccepted: string | null
  agency: { name: string } | null
  unit: { name: string } | null
}

type SessionRow = {
  sessionId: string
  createdAt: Date | string
  lastActiveAt: Date | string
  expiresAt: Date | string
  userId: string
  name: string
  email: string
  nip: string | null
  employmentType: string | null
  agencyId: string | null
  unitId: string | null
  disabledAt: Date | string | null
  agencyName: string | null
  unitName: string | null
  noticeAccepted: string | null
  staffIdleMinutes: string | null
  staffAbsoluteHours: string | null
  /** One row per grant (none: one row with nulls). */
  capability: string | null
  grantAgencyId: string | null
  grantUnitId: string | null
}

const isCapability = (value: string): value is Capability => (CAPABILITIES as readonly string[]).includes(value)


/**
 * The session this request's cookie names, checked in the DATABASE on every call (never the
 * signed cookie cache): a signed-out, expired, disabled or timed-out session is refused at once.
 * HR officers and admins also time out when idle and after a maximum age (course settings);
 * their lastActiveAt is refreshed at most once a minute. Pages, server actions and HR/admin routes
 * use this through lib/auth/session.server.ts; only the learner's quiz submission and lesson
 * progress use the 5-minute cookie cache (request-session.server.ts, decisions.md "Sessions").
 *
 * One indexed statement (the session by its unique token, its user, agency and unit by primary
 * key, its capability grants by the person (decision 037; a row each), the two staff timeout
 * settings by key, and the latest privacy notice version accepted through the
 * (userId, version) unique index: decision 047): one round trip on PostgreSQL, and no query
 * building per request (it runs on every HR and admin request; see docs/benchmarks.md, "Where an
 * HR request's time goes").
 */
export async function getDatabaseSessionUser(headers: Headers, now = new Date()): Promise<{ sessionId: string; user: DatabaseSessionUser } | null> {
  const token = verifiedSessionToken(getSessionCookie(headers), env.BETTER_AUTH_SECRET)
  if (!token) return null
  const rows = await db.$queryRaw<SessionRow[]>(Prisma.sql`
    SELECT s."id" AS "sessionId", s."createdAt", s."lastActiveAt", s."expiresAt",
      u."id" AS "userId", u."name", u."email", u."nip",
      CAST(u."employmentType" AS TEXT) AS "employmentType", u."agencyId", u."unitId", u."disabledAt",
      a."name" AS "agencyName", un."name" AS "unitName",
      (SELECT MAX(pa."version") FROM "privacy_acceptance" pa WHERE pa."userId" = u."id") AS "noticeAccepted",
      (SELECT st."value" FROM "setting" st WHERE st."key" = 'staffIdleMinutes') AS "staffIdleMinutes",
      (SELECT st."value" FROM "setting" st WHERE st."key" = 'staffAbsoluteHours') AS "staffAbsoluteHours",
      CAST(g."capability" AS TEXT) AS "capability", g."agencyId" AS "grantAgencyId", g."unitId" AS "grantUnitId"
    FROM "session" s
      JOIN "user" u ON u."id" = s."userId"
      LEFT JOIN "agency" a ON a."id" = u."agencyId"
      LEFT JOIN "unit" un ON un."id" = u."unitId"
      LEFT JOIN "capability_grant" g ON g."userId" = u."id"
    WHERE s."token" = ${token}`)
  const row = rows[0]
  if (!row || row.disabledAt !== null) return null
  const grants: Grant[] = rows.flatMap((r) =>
    r.capability !== null && isCapability(r.capability) ? [{ capability: r.capability, agencyId: r.grantAgencyId, unitId: r.grantUnitId }] : [],
  )
  // Anyone holding a capability times out like staff, whatever page they are on.
  const staff = grants.length > 0
  const session = { createdAt: asDate(row.createdAt), lastActiveAt: asDate(row.lastActiveAt), expiresAt: asDate(row.expiresAt) }
  // The settings as getCourseSettings resolves them (validated, else the default).
  const settingRows = (['staffIdleMinutes', 'staffAbsoluteHours'] as const).flatMap((key) => (row[key] === null ? [] : [{ key, value: row[key] }]))
  const timeouts = staff ? resolveSettings(settingRows, DEFAULT_COURSE_SETTINGS) : { staffIdleMinutes: 0, staffAbsoluteHours: 0 }
  const ended = sessionEndReason({ ...session, staff }, timeouts, now)
  if (ended) {
    if (ended !== 'expired') await db.session.deleteMany({ where: { id: row.sessionId } })
    return null
  }
  if (activityNeedsRefresh(session.lastActiveAt, now)) {
    // Conditional: parallel requests of one session write it once.
    await db.session.updateMany({
      where: { id: row.sessionId, lastActiveAt: { lte: new Date(now.getTime() - ACTIVITY_REFRESH_MS) } },
      data: { lastActiveAt: now },
    })
  }
  return {
    sessionId: row.sessionId,
    user: {
      id: row.userId,
      name: row.name,
      email: row.email,
      grants,
      nip: row.nip,
      employmentType: (row.employmentType as EmploymentType | null) ?? null,
      agencyId: row.agencyId,
      unitId: row.unitId,
      disabledAt: null,
      noticeAccepted: row.noticeAccepted,
      agency: row.agencyName === null ? null : { name: row.agencyName },
      unit: row.unitName === null ? null : { name: row.unitName },
    },
  }
}
