import 'server-only'
import type { Db } from '@/lib/db/create-client'
import { DEFAULT_COURSE_SETTINGS, resolveSettings } from '@/lib/settings/course-settings'
import { retireOldAnswers } from './answer-retention.server'
import { anonymiseExpiredCertificates } from './compliance-retention.server'

export type RetentionResult = { sessions: number; verifications: number; rateLimits: number; auditIps: number; emails: number; answers: number; followUps: number; certificates: number }

const DAY_MS = 86_400_000
/** Rows per statement where a first run may meet years of history (SQLite has one writer). */
const BATCH = 5_000
/** Sign-in counters outlive their longest window (24 hours, lib/rate-limit/policies.ts) by a day. */
const RATE_LIMIT_KEEP_MS = 2 * DAY_MS

/**
 * The retention job (UU 27/2022, docs/privacy.md), run by every scheduler tick: personal data
 * is kept no longer than its purpose needs.
 * - expired sessions and expired one-time codes and links: deleted;
 * - sign-in counters past their windows: deleted;
 * - IP addresses in audit entries older than `auditIpRetentionDays`: cleared (the entry stays);
 * - emails sent, failed or expired more than `outboxRetentionDays` ago: deleted (waiting ones stay);
 * - raw answers of attempts finished more than `quizAnswerRetentionYears` ago: added to the item
 *   statistics' aggregate, then deleted (lib/privacy/answer-retention.server.ts, decision 047);
 * - follow-ups (decision 048) offered more than `quizAnswerRetentionYears` ago: deleted with their answers;
 * - certificates whose validity ended more than `complianceRetentionYears` ago: anonymised
 *   (lib/privacy/compliance-retention.server.ts, decision 047).
 * Every statement reads through an index of what it removes, so a tick with nothing to do costs
 * a few index probes. Idempotent, safe on several instances at once. Certificate issuing and
 * completion records are otherwise left alone. Not audit-logged per
 * run (it runs every 5 minutes); the periods are settings, and changing them is audit-logged.
 */
export async function applyRetention(db: Db, now = new Date()): Promise<RetentionResult> {
  const settings = resolveSettings(
    await db.setting.findMany({ where: { key: { in: ['auditIpRetentionDays', 'outboxRetentionDays', 'quizAnswerRetentionYears', 'complianceRetentionYears'] } }, select: { key: true, value: true } }),
    DEFAULT_COURSE_SETTINGS,
  )
  const ipCutoff = new Date(now.getTime() - settings.auditIpRetentionDays * DAY_MS)
  const emailCutoff = new Date(now.getTime() - settings.outboxRetentionDays * DAY_MS)
  const counterCutoff = BigInt(now.getTime() - RATE_LIMIT_KEEP_MS)
  const result: RetentionResult = {
    sessions: (await db.session.deleteMany({ where: { expiresAt: { lt: now } } })).count,
    verifications: (await db.verification.deleteMany({ where: { expiresAt: { lt: now } } })).count,
    rateLimits:
      (await db.rateLimit.deleteMany({ where: { lastRequest: { lt: counterCutoff } } })).count +
      (await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: counterCutoff }, blockedUntil: { lt: BigInt(now.getTime()) } } })).count,
    auditIps: 0,
    emails: 0,
    answers: 0,
    followUps: 0,
    certificates: 0,
  }
  for (;;) {
    // Through the partial index audit_log_ip_at_idx (entries that still hold an IP).
    const cleared = await db.$executeRaw`UPDATE "audit_log" SET "ip" = NULL
      WHERE "id" IN (SELECT "id" FROM "audit_log" WHERE "ip" IS NOT NULL AND "at" < ${ipCutoff} LIMIT ${BATCH})`
    result.auditIps += cleared
    if (cleared < BATCH) break
  }
  for (;;) {
    const old = await db.outboxMessage.findMany({
      where: { createdAt: { lt: emailCutoff }, status: { not: 'pending' } },
      select: { id: true },
      take: BATCH,
    })
    if (old.length > 0) result.emails += (await db.outboxMessage.deleteMany({ where: { id: { in: old.map((row) => row.id) } } })).count
    if (old.length < BATCH) break
  }
  result.answers = (await retireOldAnswers(db, yearsBefore(now, settings.quizAnswerRetentionYears), now)).answers
  // Follow-up questions (decision 048) are practice, not evidence: kept as long as raw answers.
  const followUpCutoff = yearsBefore(now, settings.quizAnswerRetentionYears)
  for (;;) {
    const old = await db.followUp.findMany({ where: { offeredAt: { lt: followUpCutoff } }, select: { certificateId: true }, take: BATCH })
    if (old.length > 0) result.followUps += (await db.followUp.deleteMany({ where: { certificateId: { in: old.map((row) => row.certificateId) } } })).count
    if (old.length < BATCH) break
  }
  result.certificates = await anonymiseExpiredCertificates(db, yearsBefore(now, settings.complianceRetentionYears), now)
  return result
}

/** The same calendar date `years` earlier (29 February falls back to 28 February). */
export function yearsBefore(date: Date, years: number): Date {
  const earlier = new Date(date)
  earlier.setUTCFullYear(date.getUTCFullYear() - years)
  if (earlier.getUTCDate() !== date.getUTCDate()) earlier.setUTCDate(0)
  return earlier
}
