import 'server-only'
import { Prisma, type Db } from '@/lib/db/create-client'
import { headerSafe, mailAddressSchema } from './headers'
import { countEnrolmentsFromSummary, inUnits } from '@/lib/hr/enrolment-rows.server'
import { digestSummary } from './hr-digest'
import { idempotencyKey, jakartaDate, jakartaIsoWeek, jakartaWeekdayAndHour, weeklyIdempotencyKey } from './idempotency'
import { fillableInSql, newNameToken, queueMail, queueMails, queueTemplatedMails, type QueuedMail } from './outbox.server'
import { certainlyValidEmailSql, headerSafeNameSql } from './sql-predicates.server'
import { hrOfficers } from './recipients.server'
import { applyRetention, type RetentionResult } from '@/lib/privacy/retention.server'
import { countUnreachable } from './unreachable.server'
import { queueFollowUps } from '@/lib/followup/follow-up.server'
import { MAX_OVERDUE_WEEKS, reminderStageOn, type ReminderStage } from './reminder-schedule'
import { refresherDueMail } from './templates/certificate-issued'
import { dueReminderMail } from './templates/due-reminder'
import { hrDigestMail } from './templates/hr-digest'

export type SchedulerContext = {
  db: Db
  provider: 'sqlite' | 'postgresql'
  /** PUBLIC_BASE_URL: every link in a message points there. */
  baseUrl: string
  /** People read per keyset batch (bounded memory for a cohort of any size). */
  batchSize?: number
}

export type ReminderResult = { cohorts: number; considered: number; queued: number; unreachable: number }

const DAY_MS = 86_400_000
export const REMINDER_KIND = 'due-reminder'
/**
 * The reminder's outbox key leaves the cohort out on purpose: person + day. A person in two
 * cohorts due around the same time gets one reminder that day, and every later run that day
 * (this instance's next tick, another instance's) queues nothing.
 */
export function reminderKey(userId: string, now: Date): string {
  return idempotencyKey({ kind: REMINDER_KIND, userId, subject: 'pengingat', at: now })
}

type Recipient = { enrolmentId: string; userId: string; name: string; email: string }

/**
 * Queues today's due-date reminders (decision 036): for each cohort that is not paused and whose
 * due date makes today (Asia/Jakarta) a reminder day, every enrolled person who has not passed,
 * whose account is active and has a password (an imported person who never activated gets the
 * invitation instead). Cohorts are read most urgent first (earliest due date), so when a person
 * is in two, the nearer deadline is the one they hear about.
 *
 * Bounded memory and few round trips: people are read in keyset batches over (cohortId, id) and
 * each batch is one multi-row INSERT … ON CONFLICT DO NOTHING. No transaction spans a cohort (on
 * SQLite that would stall every request of the process); each batch's statement is atomic, and a
 * tick that dies half-way is completed by the next one, which skips what is already queued.
 */
export async function queueDueReminders(ctx: SchedulerContext, now: Date): Promise<ReminderResult> {
  const today = jakartaDate(now)
  // Due dates that can give a reminder today: up to 8 days ahead, up to MAX_OVERDUE_WEEKS weeks behind.
  const cohorts = await ctx.db.cohort.findMany({
    where: {
      remindersPausedAt: null,
      dueDate: { gte: new Date(now.getTime() - (7 * MAX_OVERDUE_WEEKS + 2) * DAY_MS), lte: new Date(now.getTime() + 9 * DAY_MS) },
    },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, dueDate: true },
  })
  const result: ReminderResult = { cohorts: 0, considered: 0, queued: 0, unreachable: 0 }
  for (const cohort of cohorts) {
    const stage = cohort.dueDate ? reminderStageOn(cohort.dueDate, today) : null
    if (!cohort.dueDate || !stage) continue
    result.cohorts++
    const queued = await queueCohortReminders(ctx, cohort, stage, now)
    result.considered += queued.considered
    result.queued += queued.queued
    result.unreachable += queued.unreachable
  }
  return result
}

/** Whose reminders `queueCohortReminders` queues: the whole cohort, or one agency's units (decision 037). */
export type ReminderScope = { agencyId: string; unitIds: readonly string[] | null }

/**
 * Queues one cohort's reminder at `stage` to every enrolled person who has not passed, whose
 * account is active and has a password, and who has no reminder today (the person + day key):
 * the scheduler's rule, also behind HR's and unit operators' "Kirim pengingat" (with a scope).
 * Keyset batches of the cohort's enrolments; in each, one set-based insert for everyone whose
 * name and address go in unchanged (decision 038), then the rest one by one.
 */
export async function queueCohortReminders(
  ctx: SchedulerContext,
  cohort: { id: string; name: string; dueDate: Date | null },
  stage: ReminderStage,
  now: Date,
  scope: ReminderScope | null = null,
): Promise<Omit<ReminderResult, 'cohorts'>> {
  const batchSize = ctx.batchSize ?? 1_000
  const [keyPrefix, keySuffix] = reminderKeyParts(now)
  const result = { considered: 0, queued: 0, unreachable: 0 }
  // The cohort's message rendered once, with a token where each person's name goes.
  const nameToken = newNameToken()
  const rendered = { ...dueReminderMail({ name: nameToken, cohortName: cohort.name, dueDate: cohort.dueDate, stage, baseUrl: ctx.baseUrl }), nameToken }
  const template = fillableInSql(rendered) ? rendered : null
  const inScope = scope ? Prisma.sql`AND ${inReminderScope(scope)}` : Prisma.empty
  // Who is reminded, over the enrolments of one keyset range (after, upTo]: the same conditions
  // for the set-based insert and for the people it leaves to JavaScript.
  const recipients = (after: string, upTo: string | null) => Prisma.sql`
      FROM "enrolment" e JOIN "user" u ON u."id" = e."userId"
      WHERE e."cohortId" = ${cohort.id} AND e."id" > ${after} ${upTo === null ? Prisma.empty : Prisma.sql`AND e."id" <= ${upTo}`}
        AND ${REMINDABLE_SQL} ${inScope}
        AND NOT EXISTS (SELECT 1 FROM "outbox_message" o WHERE o."idempotencyKey" = CAST(${keyPrefix} AS TEXT) || u."id" || CAST(${keySuffix} AS TEXT))`
  const storedAsIs = Prisma.sql`${headerSafeNameSql(ctx.provider, Prisma.sql`u."name"`)} AND ${certainlyValidEmailSql(ctx.provider, Prisma.sql`u."email"`)}`
  let after = ''
  for (;;) {
    // The range's last enrolment (an index-only read); none: the rest of the cohort.
    const [bound] = await ctx.db.$queryRaw<{ id: string }[]>`
      SELECT e."id" FROM "enrolment" e WHERE e."cohortId" = ${cohort.id} AND e."id" > ${after} ORDER BY e."id" LIMIT 1 OFFSET ${batchSize - 1}`
    const upTo = bound?.id ?? null
    // Set-based (decision 038): everyone whose name and address go in unchanged (nearly
    // everyone) by one INSERT … SELECT that fills the cohort's template in SQL.
    if (template) {
      const inserted = await queueTemplatedMails(
        ctx.db,
        ctx.provider,
        { kind: REMINDER_KIND, keyPrefix, keySuffix, template, from: Prisma.sql`${recipients(after, upTo)} AND ${storedAsIs}` },
        now,
      )
      result.considered += inserted
      result.queued += inserted
    }
    // The rest one by one: a name to clean, an address to refuse (counted unreachable).
    const people = await ctx.db.$queryRaw<Recipient[]>`
      SELECT e."id" AS "enrolmentId", u."id" AS "userId", u."name" AS "name", u."email" AS "email"
      ${recipients(after, upTo)} ${template ? Prisma.sql`AND NOT (${storedAsIs})` : Prisma.empty}
      ORDER BY e."id"`
    result.considered += people.length
    const mails: QueuedMail[] = people.map((person) => {
      const name = headerSafe(person.name)
      return {
        idempotencyKey: reminderKey(person.userId, now),
        kind: REMINDER_KIND,
        userId: person.userId,
        to: person.email,
        toName: name,
        ...dueReminderMail({ name, cohortName: cohort.name, dueDate: cohort.dueDate, stage, baseUrl: ctx.baseUrl }),
      }
    })
    if (mails.length > 0) {
      const { inserted, refused } = await queueMails(ctx.db, ctx.provider, mails, now)
      result.queued += inserted
      result.unreachable += refused.length
    }
    if (upTo === null) break
    after = upTo
  }
  return result
}

/** Who can be reminded (over `e` enrolment and `u` user): not passed, account active and activated. */
export const REMINDABLE_SQL = Prisma.sql`e."passedAt" IS NULL AND u."disabledAt" IS NULL
  AND EXISTS (SELECT 1 FROM "account" a WHERE a."userId" = u."id" AND a."password" IS NOT NULL)`

/** People (`u`) of the scope's agency, and of its units when it names some. */
export function inReminderScope(scope: ReminderScope): Prisma.Sql {
  return scope.unitIds ? Prisma.sql`u."agencyId" = ${scope.agencyId} AND ${inUnits(Prisma.sql`u."unitId"`, scope.unitIds)}` : Prisma.sql`u."agencyId" = ${scope.agencyId}`
}

/** Today's key of a person is `${prefix}<user id>${suffix}` (reminderKey), for matching in SQL. */
function reminderKeyParts(now: Date): [string, string] {
  const [prefix, suffix] = reminderKey('\u0000', now).split('\u0000')
  return [prefix!, suffix!]
}

export const REFRESHER_KIND = 'refresher-due'
/** Days before a certificate's validity ends that its holder is told to take the refresher. */
export const REFRESHER_NOTICE_DAYS = 30

type Holder = { id: string; number: string; validUntil: Date; userId: string; name: string; email: string }

/**
 * Queues "Sertifikat segera berakhir" for every certificate whose validity ends 30 days from
 * today (Jakarta dates): not revoked, the holder's account active, and no later certificate of
 * the holder that is still valid then (someone who already did this year's refresher is not told
 * to do it). Keyed by certificate, so each is queued once. Keyset batches, multi-row inserts.
 */
export async function queueRefresherNotices(ctx: SchedulerContext, now: Date): Promise<{ queued: number; unreachable: number }> {
  const day = jakartaDate(new Date(now.getTime() + REFRESHER_NOTICE_DAYS * DAY_MS))
  // That Jakarta day, as an instant range: [00:00, 24:00) at UTC+7.
  const from = new Date(`${day}T00:00:00+07:00`)
  const to = new Date(from.getTime() + DAY_MS)
  const batchSize = ctx.batchSize ?? 1_000
  const result = { queued: 0, unreachable: 0 }
  let after = ''
  for (;;) {
    const holders = await ctx.db.$queryRaw<Holder[]>`
      SELECT c."id" AS "id", c."number" AS "number", c."validUntil" AS "validUntil", u."id" AS "userId", u."name" AS "name", u."email" AS "email"
      FROM "certificate" c JOIN "user" u ON u."id" = c."userId"
      WHERE c."validUntil" >= ${from} AND c."validUntil" < ${to} AND c."revokedAt" IS NULL AND c."id" > ${after} AND u."disabledAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "certificate" later WHERE later."userId" = c."userId" AND later."validUntil" >= ${to} AND later."revokedAt" IS NULL)
      ORDER BY c."id"
      LIMIT ${batchSize}`
    if (holders.length === 0) break
    after = holders[holders.length - 1]!.id
    const mails: QueuedMail[] = holders.map((holder) => {
      const name = headerSafe(holder.name)
      return {
        idempotencyKey: idempotencyKey({ kind: REFRESHER_KIND, userId: holder.userId, subject: holder.number, at: now }),
        kind: REFRESHER_KIND,
        userId: holder.userId,
        to: holder.email,
        toName: name,
        // Raw rows: SQLite returns the stored instant as text or a number; Date accepts both.
        ...refresherDueMail({ name, number: holder.number, validUntil: new Date(holder.validUntil), baseUrl: ctx.baseUrl }),
      }
    })
    const { inserted, refused } = await queueMails(ctx.db, ctx.provider, mails, now)
    result.queued += inserted
    result.unreachable += refused.length
    if (holders.length < batchSize) break
  }
  return result
}

export const DIGEST_KIND = 'hr-digest'
/** The digest goes out from Monday 07:00 in Jakarta (the first tick after it; later that week if no instance ran then). */
export const DIGEST_FROM_HOUR = 7

/** The digest's key: officer + agency + ISO week in Jakarta (once a week, whatever the ticks). */
export function digestKey(userId: string, agencyId: string, now: Date): string {
  return weeklyIdempotencyKey({ kind: DIGEST_KIND, userId, subject: agencyId, at: now })
}

/**
 * Queues the weekly HR digest (issue 14): to every active holder of an `hr` grant, per agency,
 * the agency's cohorts with someone still to finish and, inside each, the units, counted per
 * status by the HR read model (`countEnrolmentsFromSummary`: the dashboard's numbers; no query of
 * its own), with links to the dashboard. Once per ISO week in Jakarta from Monday 07:00: the key
 * carries the week, so every later tick that week (this instance's or another's) inserts nothing;
 * officers who already have this week's key are skipped before anything is counted.
 */
export async function queueHrDigests(ctx: SchedulerContext, now: Date): Promise<{ queued: number; unreachable: number }> {
  const result = { queued: 0, unreachable: 0 }
  const { weekday, hour } = jakartaWeekdayAndHour(now)
  if (weekday === 1 && hour < DIGEST_FROM_HOUR) return result
  const officers = await hrOfficers(ctx.db)
  if (officers.length === 0) return result
  const keys = officers.map((officer) => digestKey(officer.userId, officer.agencyId, now))
  const queuedAlready = new Set(
    (await ctx.db.outboxMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } })).map((row) => row.idempotencyKey),
  )
  const week = jakartaIsoWeek(now)
  let agencyId = ''
  let summary: ReturnType<typeof digestSummary> | null = null
  let agencyUnreachable = 0
  for (const [index, officer] of officers.entries()) {
    if (queuedAlready.has(keys[index]!)) continue
    if (officer.agencyId !== agencyId || !summary) {
      agencyId = officer.agencyId
      const [rows, cohorts, units, unreachable] = await Promise.all([
        countEnrolmentsFromSummary(agencyId, now),
        ctx.db.cohort.findMany({ where: { agencyId }, select: { id: true, name: true, dueDate: true } }),
        ctx.db.unit.findMany({ where: { agencyId }, select: { id: true, name: true } }),
        countUnreachable(agencyId),
      ])
      summary = digestSummary(rows, cohorts, new Map(units.map((unit) => [unit.id, unit.name])))
      agencyUnreachable = unreachable
    }
    const name = headerSafe(officer.name)
    const mail: QueuedMail = {
      idempotencyKey: keys[index]!,
      kind: DIGEST_KIND,
      userId: officer.userId,
      to: officer.email,
      toName: name,
      ...hrDigestMail({ name, agencyName: officer.agencyName, week, asOf: now, summary, unreachable: agencyUnreachable, baseUrl: ctx.baseUrl }),
    }
    // An address the outbox would refuse: the officer is unreachable, the others still get theirs.
    if (!mailAddressSchema.safeParse(officer.email).success) {
      result.unreachable++
      continue
    }
    if (await queueMail(ctx.db, mail, now)) result.queued++
  }
  return result
}

export type TickResult = {
  reminders: ReminderResult
  refresher: { queued: number; unreachable: number }
  digests: { queued: number; unreachable: number }
  /** Follow-ups offered 30 days after a pass, and their emails (decision 048). */
  followUps: { offered: number; queued: number; unreachable: number }
  /** Passes whose certificate this tick issued (each also queues its email). */
  certificates: { issued: number }
  retention: RetentionResult
}

/**
 * One scheduler tick: queues whatever messages are due now. Idempotent (the outbox keys) and safe
 * with several instances running it at the same moment: only one insert of a key succeeds.
 */
export async function runSchedulerTick(ctx: SchedulerContext, now = new Date()): Promise<TickResult> {
  const queued = {
    reminders: await queueDueReminders(ctx, now),
    refresher: await queueRefresherNotices(ctx, now),
    digests: await queueHrDigests(ctx, now),
    followUps: await queueFollowUps(ctx, now),
  }
  // A pass whose certificate was never issued (the server died between the submission's commit
  // and the issuing transaction: soak:crash, decision 042) gets it within one tick, without the
  // learner pressing "Terbitkan sertifikat". Imported here, not at the top: certificates.server
  // reaches this module through the worker it wakes.
  const { issueWaitingCertificates } = await import('@/lib/certificates/certificates.server')
  const certificates = { issued: await issueWaitingCertificates() }
  // The app's one periodic job also applies the retention periods (docs/privacy.md).
  return { ...queued, certificates, retention: await applyRetention(ctx.db, now) }
}

/** Messages a tick queued, of every kind. */
export function queuedByTick(result: TickResult): number {
  return result.reminders.queued + result.refresher.queued + result.digests.queued + result.followUps.queued + result.certificates.issued
}

export const SCHEDULER_EVERY_MS = 5 * 60_000

export type RunningScheduler = { stop(): Promise<void>; tick(): Promise<TickResult | null> }

/**
 * Runs a tick at start and then every `everyMs` (5 minutes) until stopped. A failing tick (the
 * database restarting) is logged and the next one runs as planned. Its timer does not keep the
 * process alive. `afterQueue` is told when a tick queued something (to wake the worker).
 */
export function startScheduler(
  ctx: SchedulerContext,
  options: { everyMs?: number; log?: (line: string) => void; afterQueue?: () => void; now?: () => Date } = {},
): RunningScheduler {
  const everyMs = options.everyMs ?? SCHEDULER_EVERY_MS
  const log = options.log ?? ((line) => console.log(line))
  const clock = options.now ?? (() => new Date())
  let running: Promise<TickResult | null> | null = null
  const tick = () => {
    // One tick at a time in a process; a tick still running when the timer fires is not doubled.
    running ??= runSchedulerTick(ctx, clock())
      .then((result) => {
        if (queuedByTick(result) > 0) {
          log(`mail scheduler: ${JSON.stringify(result)}`)
          options.afterQueue?.()
        }
        return result
      })
      .catch((error: unknown) => {
        log(`mail scheduler: tick failed: ${(error as Error).message}`)
        return null
      })
      .finally(() => {
        running = null
      })
    return running
  }
  void tick()
  const timer = setInterval(() => void tick(), everyMs)
  timer.unref?.()
  return {
    tick,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
