import 'server-only'
import { randomBytes } from 'node:crypto'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { itemsOutOfDraws, withdrawnItemIds } from '@/lib/assessment/item-status.server'
import { writeAudit } from '@/lib/audit/audit.server'
import { Prisma, type Db } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { AppError } from '@/lib/errors/app-error'
import { headerSafe } from '@/lib/mail/headers'
import { idempotencyKey } from '@/lib/mail/idempotency'
import { fillableInSql, newNameToken, queueMails, queueTemplatedMails, type QueuedMail } from '@/lib/mail/outbox.server'
import { certainlyValidEmailSql, headerSafeNameSql } from '@/lib/mail/sql-predicates.server'
import { followUpMail } from '@/lib/mail/templates/follow-up'
import { attemptSchema, findResponseProblems, score, toPublicItems, toResultView, type Attempt, type PublicItem, type Responses, type ResultView } from '@/lib/quiz'
import { drawFollowUp, followUpPassDays, jakartaDayRange } from './follow-up'

export const FOLLOW_UP_KIND = 'follow-up'

/**
 * The follow-up email's outbox key: person + the Jakarta day of the pass (`follow-up|<user>|lulus|<day>`).
 * It does not carry the day of the tick, so a second instance, a retried tick or the catch-up of a
 * later day never queues it twice.
 */
export function followUpKey(userId: string, passedAt: Date): string {
  return idempotencyKey({ kind: FOLLOW_UP_KIND, userId, subject: 'lulus', at: passedAt })
}

export type FollowUpQueueContext = { db: Db; provider: 'sqlite' | 'postgresql'; baseUrl: string; batchSize?: number }
export type FollowUpQueueResult = { offered: number; queued: number; unreachable: number }

/**
 * Offers the follow-up (decision 048) for every pass 30 Jakarta days ago (and the catch-up days
 * before that): each certificate completed that day that is not revoked, whose holder's account
 * is active, gets its `follow_up` row and its holder one email. Set-based like the reminders
 * (decision 038): per keyset range of 1,000 certificates of the day, one `INSERT … SELECT` of the
 * follow-up rows and one of the emails with the name filled in SQL; only people whose name or
 * address need cleaning or refusing are read into JavaScript (an address the outbox refuses:
 * counted unreachable; their follow-up is still offered in the app, on their dashboard).
 * Idempotent: `ON CONFLICT DO NOTHING` on the certificate (one follow-up per pass) and on the
 * email's key.
 */
export async function queueFollowUps(ctx: FollowUpQueueContext, now: Date): Promise<FollowUpQueueResult> {
  const result: FollowUpQueueResult = { offered: 0, queued: 0, unreachable: 0 }
  const batchSize = ctx.batchSize ?? 1_000
  const nameToken = newNameToken()
  const rendered = { ...followUpMail({ name: nameToken, baseUrl: ctx.baseUrl }), nameToken }
  const template = fillableInSql(rendered) ? rendered : null
  const storedAsIs = Prisma.sql`${headerSafeNameSql(ctx.provider, Prisma.sql`u."name"`)} AND ${certainlyValidEmailSql(ctx.provider, Prisma.sql`u."email"`)}`
  for (const day of followUpPassDays(now)) {
    const { from, to } = jakartaDayRange(day)
    const [keyPrefix, keySuffix] = followUpKey('\u0000', from).split('\u0000') as [string, string]
    // The day's passes that are offered one: certificate not revoked, holder active.
    const eligible = (after: string, upTo: string | null) => Prisma.sql`
        FROM "certificate" c JOIN "user" u ON u."id" = c."userId"
        WHERE c."completedAt" >= ${from} AND c."completedAt" < ${to} AND c."id" > ${after}
          ${upTo === null ? Prisma.empty : Prisma.sql`AND c."id" <= ${upTo}`}
          AND c."revokedAt" IS NULL AND u."disabledAt" IS NULL`
    // Of those, whose email is not queued yet (a follow-up answered already in the app needs none).
    const toMail = (after: string, upTo: string | null) => Prisma.sql`${eligible(after, upTo)}
          AND NOT EXISTS (SELECT 1 FROM "follow_up" f WHERE f."certificateId" = c."id" AND f."answeredAt" IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM "outbox_message" o WHERE o."idempotencyKey" = CAST(${keyPrefix} AS TEXT) || u."id" || CAST(${keySuffix} AS TEXT))`
    let after = ''
    for (;;) {
      const [bound] = await ctx.db.$queryRaw<{ id: string }[]>`
        SELECT c."id" FROM "certificate" c WHERE c."completedAt" >= ${from} AND c."completedAt" < ${to} AND c."id" > ${after}
        ORDER BY c."id" LIMIT 1 OFFSET ${batchSize - 1}`
      const upTo = bound?.id ?? null
      const offeredAt = ctx.provider === 'postgresql' ? Prisma.sql`CAST(${now} AS TIMESTAMP(3))` : Prisma.sql`${now}`
      result.offered += await ctx.db.$executeRaw`INSERT INTO "follow_up" ("certificateId", "userId", "offeredAt")
        SELECT c."id", c."userId", ${offeredAt} ${eligible(after, upTo)}
        ON CONFLICT ("certificateId") DO NOTHING`
      if (template) {
        const inserted = await queueTemplatedMails(
          ctx.db,
          ctx.provider,
          { kind: FOLLOW_UP_KIND, keyPrefix, keySuffix, template, from: Prisma.sql`${toMail(after, upTo)} AND ${storedAsIs}` },
          now,
        )
        result.queued += inserted
      }
      // The rest one by one: a name to clean, an address to refuse (counted unreachable). DISTINCT:
      // two passes of one person on one day share the key (one email).
      const people = await ctx.db.$queryRaw<{ userId: string; name: string; email: string }[]>`
        SELECT DISTINCT u."id" AS "userId", u."name" AS "name", u."email" AS "email"
        ${toMail(after, upTo)} ${template ? Prisma.sql`AND NOT (${storedAsIs})` : Prisma.empty}`
      const mails: QueuedMail[] = people.map((person) => {
        const name = headerSafe(person.name)
        return { idempotencyKey: followUpKey(person.userId, from), kind: FOLLOW_UP_KIND, userId: person.userId, to: person.email, toName: name, ...followUpMail({ name, baseUrl: ctx.baseUrl }) }
      })
      if (mails.length > 0) {
        const { inserted, refused } = await queueMails(ctx.db, ctx.provider, mails, now)
        result.queued += inserted
        result.unreachable += refused.length
      }
      if (upTo === null) break
      after = upTo
    }
  }
  return result
}

type Learner = { id: string; agencyId: string | null }

/** The newest follow-up offered to the learner and not answered, else the newest answered; null: none. */
export async function newestFollowUpOf(userId: string): Promise<{ id: string; answered: boolean } | null> {
  const rows = await db.followUp.findMany({
    where: { userId, certificate: { revokedAt: null } },
    orderBy: [{ offeredAt: 'desc' }, { certificateId: 'asc' }],
    select: { certificateId: true, answeredAt: true },
  })
  const open = rows.find((row) => !row.answeredAt) ?? rows[0]
  return open ? { id: open.certificateId, answered: !!open.answeredAt } : null
}

export type FollowUpView =
  | { id: string; answered: false; offeredAt: Date; items: PublicItem[] }
  | { id: string; answered: true; offeredAt: Date; answeredAt: Date; result: ResultView; correctCount: number }

function storedAttempt(json: string): Attempt {
  return attemptSchema.parse(JSON.parse(json)) as Attempt
}

/** The learner's own follow-up, or 404 (someone else's, none, or its certificate revoked). */
async function ownFollowUp(userId: string, id: string) {
  const row = await db.followUp.findUnique({ where: { certificateId: id }, include: { certificate: { select: { revokedAt: true } } } })
  if (!row || row.userId !== userId || row.certificate.revokedAt) throw new AppError(404, 'Soal tindak lanjut ini tidak ditemukan.')
  return row
}

/**
 * The follow-up as its learner sees it. Opened for the first time: its five items are drawn
 * (items in service, the learner's unseen ones first) and stored with a conditional update, so
 * every later view (a reload, a second tab, another instance) shows the same five. Answered: the
 * recorded answers with which were right and the explanations.
 */
export async function getFollowUpForLearner(userId: string, id: string, now = new Date()): Promise<FollowUpView> {
  let row = await ownFollowUp(userId, id)
  const { bank } = getQuestionBank()
  if (!row.items) {
    const [excluded, previous] = await Promise.all([itemsOutOfDraws(), db.quizAttempt.findMany({ where: { userId }, select: { items: true } })])
    const seen = new Set<string>()
    for (const attempt of previous) {
      const parsed = attemptSchema.safeParse(JSON.parse(attempt.items))
      if (parsed.success) for (const item of parsed.data.items) seen.add(item.itemId)
    }
    const seed = randomBytes(12).toString('hex')
    const drawn = drawFollowUp(bank, seed, { seenItemIds: seen, excludedItemIds: excluded })
    // Only the first opening stores its draw; a simultaneous one finds it stored and shows that.
    await db.followUp.updateMany({ where: { certificateId: id, items: null }, data: { items: JSON.stringify(drawn), seed, openedAt: now } })
    row = await ownFollowUp(userId, id)
  }
  const attempt = storedAttempt(row.items!)
  if (!row.answeredAt) return { id, answered: false, offeredAt: row.offeredAt, items: toPublicItems(bank, attempt) }
  const answers = await db.followUpAnswer.findMany({ where: { followUpId: id } })
  const responses: Responses = Object.fromEntries(answers.map((answer) => [answer.itemId, JSON.parse(answer.response)]))
  const scored = score(bank, attempt, responses)
  return {
    id,
    answered: true,
    offeredAt: row.offeredAt,
    answeredAt: row.answeredAt,
    result: toResultView(bank, { ...scored, total: row.score ?? scored.total }, { reveal: true, withdrawn: await withdrawnItemIds() }),
    correctCount: row.correctCount ?? scored.items.filter((item) => item.outcome === 'full').length,
  }
}

/**
 * Records a follow-up's answers exactly once (decision 048): refused for someone else's (404),
 * one not opened yet (409), a second submission (409), answers for items it does not hold (400).
 * Scored as the quizzes are, for the learner's feedback and HR's aggregate; nothing about the
 * pass, the certificate or the enrolment changes.
 */
export async function submitFollowUp(learner: Learner, id: string, responses: Responses, now = new Date()): Promise<{ score: number; correctCount: number }> {
  const row = await ownFollowUp(learner.id, id)
  if (!row.items) throw new AppError(409, 'Buka soal tindak lanjut ini dulu sebelum mengirim jawaban.')
  if (row.answeredAt) throw new AppError(409, 'Jawaban tindak lanjut ini sudah dikirim.', { followUpId: id })
  const attempt = storedAttempt(row.items)
  const problems = findResponseProblems(attempt, responses)
  if (problems.unknownItemIds.length || problems.mismatchedItemIds.length) {
    throw new AppError(400, 'Ada jawaban untuk soal yang tidak ada dalam tindak lanjut ini.', {
      unknownItemIds: problems.unknownItemIds,
      mismatchedItemIds: problems.mismatchedItemIds,
    })
  }
  const scored = score(getQuestionBank().bank, attempt, responses)
  const correctCount = scored.items.filter((item) => item.outcome === 'full').length
  try {
    await db.$transaction(async (tx) => {
      // The conditional update decides the race between two submissions; the answers' primary key backs it.
      const { count } = await tx.followUp.updateMany({ where: { certificateId: id, answeredAt: null }, data: { answeredAt: now, score: scored.total, correctCount } })
      if (count !== 1) throw new AppError(409, 'Jawaban tindak lanjut ini sudah dikirim.', { followUpId: id })
      await tx.followUpAnswer.createMany({
        data: scored.items.map((item) => ({ followUpId: id, itemId: item.itemId, response: JSON.stringify(responses[item.itemId] ?? {}), credit: item.earned })),
      })
      await writeAudit({ action: 'follow_up.answered', actorId: learner.id, agencyId: learner.agencyId, targetType: 'follow_up', targetId: id, details: { score: scored.total, correctCount } }, tx)
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'Jawaban tindak lanjut ini sudah dikirim.', { followUpId: id })
    throw error
  }
  return { score: scored.total, correctCount }
}
