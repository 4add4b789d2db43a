import 'server-only'
import { auditLogCreate, writeAudit } from '@/lib/audit/audit.server'
import { issueCertificateIfEligible } from '@/lib/certificates/certificates.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { AppError } from '@/lib/errors/app-error'
import { attemptSchema } from '@/lib/quiz'
import { itemChoices, keyedVerdict, type ItemChoice } from '@/lib/quiz/item-choices'
import { getItemStatistics } from '@/lib/quiz/item-statistics.server'
import type { ItemStatistics } from '@/lib/quiz/item-statistics'
import { rescoreWithout } from '@/lib/quiz/rescore'
import { retryPhrase } from '@/lib/rate-limit/limiter'
import { POLICIES } from '@/lib/rate-limit/policies'
import { consumeRateLimit } from '@/lib/rate-limit/rate-limit.server'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { getQuestionBank } from './bank.server'
import type { ItemDecisionInput, ItemReportInput } from './item-report-input'
import { readItemStates, withdrawnItemIds } from './item-status.server'

type Learner = { id: string; agencyId: string | null }

export type ItemReportStatus = 'open' | 'under_review' | 'withdrawn' | 'corrected' | 'dismissed'

/** What a learner (and the admin) reads for each report status. */
export const REPORT_STATUS_LABELS: Record<ItemReportStatus, string> = {
  open: 'Terkirim, menunggu ditinjau',
  under_review: 'Sedang ditinjau; soal ini tidak diberikan lagi selama ditinjau',
  withdrawn: 'Soal ditarik karena keliru; nilai Anda dihitung ulang tanpa soal ini',
  corrected: 'Soal diperbaiki',
  dismissed: 'Laporan ditolak',
}

const NOT_IN_YOUR_ATTEMPTS = 'Soal ini tidak ditemukan dalam percobaan Anda.'

/**
 * "Laporkan soal ini": a learner questions an item of one of their own submitted attempts.
 * Refused: too many reports (429, per learner, counted in the database so every instance counts
 * together), an item not in that attempt of theirs (404, the same as an attempt that does not
 * exist), a suggested option the item does not have (422), an item already withdrawn (409), a
 * second undecided report of the same item (409, the unique open key decides, even at once).
 */
export async function reportItem(learner: Learner, input: ItemReportInput) {
  const limit = await consumeRateLimit('item-report:learner', learner.id, POLICIES.itemReportLearner)
  if (!limit.allowed) {
    throw new AppError(429, `Anda sudah mengirim banyak laporan soal. Coba lagi dalam ${retryPhrase(limit.blockedUntil, Date.now())}.`)
  }
  const attempt = await db.quizAttempt.findUnique({ where: { id: input.attemptId }, select: { userId: true, items: true, submittedAt: true } })
  if (!attempt || attempt.userId !== learner.id || !attempt.submittedAt) throw new AppError(404, NOT_IN_YOUR_ATTEMPTS)
  const drawn = attemptSchema.safeParse(JSON.parse(attempt.items))
  if (!drawn.success || !drawn.data.items.some((item) => item.itemId === input.itemId)) throw new AppError(404, NOT_IN_YOUR_ATTEMPTS)
  const item = getQuestionBank().bank.itemById.get(input.itemId)
  if (!item) throw new AppError(404, NOT_IN_YOUR_ATTEMPTS)
  if (input.suggestedOptionId && !itemChoices(item).some((choice) => choice.id === input.suggestedOptionId)) {
    throw new AppError(422, 'Pilihan yang Anda sarankan tidak ada pada soal ini.')
  }
  const state = await db.itemStatus.findUnique({ where: { itemId: input.itemId }, select: { state: true } })
  if (state?.state === 'withdrawn') throw new AppError(409, 'Soal ini sudah ditarik dan tidak lagi dihitung dalam nilai.')
  try {
    return await db.$transaction(async (tx) => {
      const report = await tx.itemReport.create({
        data: {
          itemId: input.itemId,
          userId: learner.id,
          attemptId: input.attemptId,
          reason: input.reason,
          suggestedOptionId: input.suggestedOptionId ?? null,
          // An item already under review: the new report joins it.
          status: state?.state === 'under_review' ? 'under_review' : 'open',
          openKey: `${learner.id}:${input.itemId}`,
        },
        select: { id: true, status: true },
      })
      await auditLogCreate(
        { action: 'item.reported', actorId: learner.id, agencyId: learner.agencyId, targetType: 'item', targetId: input.itemId, details: { reportId: report.id } },
        tx,
      )
      return report
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'Anda sudah melaporkan soal ini. Laporan Anda sedang diproses.')
    throw error
  }
}

export type LearnerItemReport = {
  id: string
  itemId: string
  status: ItemReportStatus
  statusLabel: string
  reason: string
  reply: string | null
  createdAt: Date
  decidedAt: Date | null
}

/** The learner's own reports on these items (newest first per item), with their outcome. */
export async function listLearnerReports(userId: string, itemIds: readonly string[]): Promise<Map<string, LearnerItemReport>> {
  if (itemIds.length === 0) return new Map()
  const rows = await db.itemReport.findMany({
    where: { userId, itemId: { in: [...itemIds] } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, itemId: true, status: true, reason: true, reply: true, createdAt: true, decidedAt: true },
  })
  const byItem = new Map<string, LearnerItemReport>()
  for (const row of rows) {
    if (!byItem.has(row.itemId)) byItem.set(row.itemId, { ...row, statusLabel: REPORT_STATUS_LABELS[row.status] })
  }
  return byItem
}

// ---------------------------------------------------------------------------------------------
// The admin's side

export type QueuedReport = {
  id: string
  reason: string
  suggested: ItemChoice | null
  status: ItemReportStatus
  reply: string | null
  createdAt: Date
  reporterName: string
  reporterAgency: string | null
}

export type QuestionedItem = {
  itemId: string
  /** null: the item is no longer in the bank (content changed). */
  stem: string | null
  type: 'single' | 'multi' | 'judge' | null
  post: { platform: string; author: string; text: string } | null
  verdict: string | null
  choices: ItemChoice[]
  state: 'in_service' | 'under_review' | 'withdrawn'
  stateNote: string | null
  statistics: ItemStatistics | null
  undecided: number
  reports: QueuedReport[]
}

/**
 * Items learners questioned, those with undecided reports first (then the newest report), each
 * with its stem, options and key, its post-test statistics and every report of it.
 */
export async function getReportQueue(): Promise<QuestionedItem[]> {
  const [reports, states, statistics] = await Promise.all([
    db.itemReport.findMany({
      orderBy: { createdAt: 'desc' },
      take: 500,
      select: {
        id: true,
        itemId: true,
        reason: true,
        suggestedOptionId: true,
        status: true,
        reply: true,
        createdAt: true,
        user: { select: { name: true, agency: { select: { name: true } } } },
      },
    }),
    db.itemStatus.findMany(),
    getItemStatistics(db, 'posttest'),
  ])
  const { bank } = getQuestionBank()
  const stateOf = new Map(states.map((row) => [row.itemId, row]))
  const statsOf = new Map(statistics.map((s) => [s.itemId, s]))
  const items = new Map<string, QuestionedItem>()
  for (const report of reports) {
    let entry = items.get(report.itemId)
    if (!entry) {
      const item = bank.itemById.get(report.itemId)
      const state = stateOf.get(report.itemId)
      entry = {
        itemId: report.itemId,
        stem: item?.stem ?? null,
        type: item?.type ?? null,
        post: item?.type === 'judge' ? { platform: item.post.platform, author: item.post.author, text: item.post.text } : null,
        verdict: item ? keyedVerdict(item) : null,
        choices: item ? itemChoices(item) : [],
        state: state?.state ?? 'in_service',
        stateNote: state?.note ?? null,
        statistics: statsOf.get(report.itemId) ?? null,
        undecided: 0,
        reports: [],
      }
      items.set(report.itemId, entry)
    }
    if (report.status === 'open' || report.status === 'under_review') entry.undecided++
    entry.reports.push({
      id: report.id,
      reason: report.reason,
      suggested: entry.choices.find((choice) => choice.id === report.suggestedOptionId) ?? null,
      status: report.status,
      reply: report.reply,
      createdAt: report.createdAt,
      reporterName: report.user.name,
      reporterAgency: report.user.agency?.name ?? null,
    })
  }
  return [...items.values()].sort((a, b) => Number(b.undecided > 0) - Number(a.undecided > 0))
}

export type DecisionResult = { decision: ItemDecisionInput['decision']; reports: number; rescore?: RescoreSummary }

const UNDECIDED = { in: ['open', 'under_review'] as ('open' | 'under_review')[] }

/**
 * The admin's decision on a questioned item, applied to every undecided report of it, in one
 * transaction with its audit-log entry:
 * - `tinjau`: the item is under review, left out of new draws at once (item_status, read by every
 *   start on every instance); its reports say so;
 * - `tarik`: withdrawn as defective; then every attempt that held it is re-scored
 *   (rescoreAttemptsWithoutWithdrawn). Withdrawing again changes nothing but re-runs the
 *   (idempotent) re-scoring, which also finishes one that was interrupted;
 * - `koreksi`: the wording was corrected in the bank file; the item is back in service;
 * - `tolak`: the reports are dismissed with a reply; an item under review is back in service.
 * A withdrawn item stays withdrawn: any other decision on it is refused (409).
 */
export async function decideItem(admin: { id: string }, input: ItemDecisionInput): Promise<DecisionResult> {
  if (!getQuestionBank().bank.itemById.has(input.itemId)) throw new AppError(404, 'Soal ini tidak ada di bank soal.')
  const now = new Date()
  const note = input.note ?? null
  const decide = () => db.$transaction(async (tx) => {
    const current = await tx.itemStatus.findUnique({ where: { itemId: input.itemId } })
    if (current?.state === 'withdrawn' && input.decision !== 'tarik') {
      throw new AppError(409, 'Soal ini sudah ditarik; keputusan itu tidak dapat diubah.')
    }
    const undecided = { itemId: input.itemId, status: UNDECIDED }
    let changed = 0
    if (input.decision === 'tinjau') {
      await tx.itemStatus.upsert({
        where: { itemId: input.itemId },
        create: { itemId: input.itemId, state: 'under_review', note, decidedById: admin.id, decidedAt: now },
        update: { state: 'under_review', note, decidedById: admin.id, decidedAt: now },
      })
      changed = (await tx.itemReport.updateMany({ where: { itemId: input.itemId, status: 'open' }, data: { status: 'under_review' } })).count
    } else if (input.decision === 'tarik') {
      if (current?.state !== 'withdrawn') {
        await tx.itemStatus.upsert({
          where: { itemId: input.itemId },
          create: { itemId: input.itemId, state: 'withdrawn', note, decidedById: admin.id, decidedAt: now },
          update: { state: 'withdrawn', note, decidedById: admin.id, decidedAt: now },
        })
      }
      changed = (
        await tx.itemReport.updateMany({
          where: undecided,
          data: { status: 'withdrawn', openKey: null, reply: note, decidedById: admin.id, decidedAt: now },
        })
      ).count
    } else {
      // Corrected or dismissed: the item is (back) in service.
      await tx.itemStatus.deleteMany({ where: { itemId: input.itemId } })
      changed = (
        await tx.itemReport.updateMany({
          where: undecided,
          data: { status: input.decision === 'koreksi' ? 'corrected' : 'dismissed', openKey: null, reply: note, decidedById: admin.id, decidedAt: now },
        })
      ).count
    }
    if (input.decision !== 'tarik' || current?.state !== 'withdrawn' || changed > 0) {
      await auditLogCreate(
        {
          action: AUDIT_ACTIONS[input.decision],
          actorId: admin.id,
          targetType: 'item',
          targetId: input.itemId,
          details: { reports: changed, note, before: current?.state ?? 'in_service' },
        },
        tx,
      )
    }
    return changed
  })
  // Two admins deciding the same item at once on PostgreSQL: the loser's insert of item_status
  // collides; run again, it then sees the winner's decision.
  const reports = await decide().catch((error: unknown) => {
    if (isUniqueViolation(error)) return decide()
    throw error
  })
  if (input.decision !== 'tarik') return { decision: input.decision, reports }
  const rescore = await rescoreAttemptsWithoutWithdrawn(input.itemId, admin.id)
  return { decision: input.decision, reports, rescore }
}

const AUDIT_ACTIONS: Record<ItemDecisionInput['decision'], string> = {
  tinjau: 'item.under_review',
  tarik: 'item.withdrawn',
  koreksi: 'item.corrected',
  tolak: 'item.reports_dismissed',
}

/**
 * `keptScores`: finished attempts that held the item but whose raw answers the retention job had
 * already deleted (decision 047): they cannot be re-scored and keep their stored score and pass.
 */
export type RescoreSummary = { attempts: number; changed: number; newlyPassed: number; certificates: number; keptScores: number }

/** Attempts re-scored per transaction (short: on SQLite every other query of the process waits). */
export const RESCORE_BATCH = 100

/**
 * Re-scores every submitted attempt that held `itemId` without the withdrawn items (the rule of
 * lib/quiz/rescore.ts, decision 035), one transaction per batch of attempts, then issues the
 * certificate of each post-test that now passes (lib/certificates: exactly once per enrolment,
 * gap-free numbers). Idempotent: the new score is computed from the recorded credits, an attempt
 * is written (and audit-logged) only when its score or pass changes, with a conditional UPDATE
 * that a concurrent run's identical write turns into a no-op; certificates are issued for every
 * passed post-test of the batch still without one, so a run interrupted after its commit is
 * completed by the next. Attempts whose raw answers the retention job deleted (decision 047) are
 * not found here and keep their stored score; their number is `keptScores`, in the summary and
 * in the `item.rescored` audit entry. The enrolment facts (best score, first pass) follow through the
 * database triggers on quiz_attempt (decision 033).
 */
export async function rescoreAttemptsWithoutWithdrawn(itemId: string, actorId: string | null = null): Promise<RescoreSummary> {
  const [settings, withdrawn] = await Promise.all([getCourseSettings(), withdrawnItemIds()])
  if (!withdrawn.has(itemId)) return { attempts: 0, changed: 0, newlyPassed: 0, certificates: 0, keptScores: 0 }
  // One answer per item per attempt: the aggregate's count of the item is the number of attempts.
  const retired = await db.quizAnswerAggregate.aggregate({ where: { itemId }, _sum: { n: true } })
  const summary: RescoreSummary = { attempts: 0, changed: 0, newlyPassed: 0, certificates: 0, keptScores: retired._sum.n ?? 0 }
  let after = ''
  for (;;) {
    // Submitted attempts hold an answer row for every item they asked; keyset by attempt id along
    // the answers' primary key (attemptId, itemId).
    const batch = await db.quizAnswer.findMany({
      where: { itemId, attemptId: { gt: after } },
      orderBy: { attemptId: 'asc' },
      take: RESCORE_BATCH,
      select: { attemptId: true },
    })
    if (batch.length === 0) break
    const ids = batch.map((row) => row.attemptId)
    after = ids[ids.length - 1]!
    summary.attempts += ids.length
    const result = await db.$transaction(async (tx) => {
      const [attempts, answers] = await Promise.all([
        tx.quizAttempt.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, score: true, passed: true, userId: true } }),
        tx.quizAnswer.findMany({ where: { attemptId: { in: ids } }, select: { attemptId: true, itemId: true, credit: true } }),
      ])
      const creditsOf = new Map<string, { itemId: string; credit: number }[]>()
      for (const answer of answers) {
        const list = creditsOf.get(answer.attemptId)
        if (list) list.push(answer)
        else creditsOf.set(answer.attemptId, [answer])
      }
      let changed = 0
      let newlyPassed = 0
      for (const attempt of attempts) {
        if (attempt.score === null) continue
        const next = rescoreWithout(creditsOf.get(attempt.id) ?? [], withdrawn, { passMark: settings.passMark, recordedPassed: !!attempt.passed })
        if (next.score === attempt.score && next.passed === !!attempt.passed) continue
        const written = await tx.quizAttempt.updateMany({
          where: { id: attempt.id, OR: [{ score: { not: next.score } }, { passed: { not: next.passed } }] },
          data: { score: next.score, passed: next.passed },
        })
        if (written.count === 0) continue
        changed++
        if (next.passed && !attempt.passed) newlyPassed++
        await auditLogCreate(
          {
            action: `quiz.${attempt.kind}.rescored`,
            actorId,
            targetType: 'quiz_attempt',
            targetId: attempt.id,
            details: { withdrawnItem: itemId, score: { before: attempt.score, after: next.score }, passed: { before: !!attempt.passed, after: next.passed } },
          },
          tx,
        )
      }
      return { changed, newlyPassed }
    })
    summary.changed += result.changed
    summary.newlyPassed += result.newlyPassed
    const waiting = await db.quizAttempt.findMany({
      where: { id: { in: ids }, kind: 'posttest', passed: true, enrolment: { certificate: null } },
      select: { id: true },
      orderBy: { submittedAt: 'asc' },
    })
    for (const attempt of waiting) {
      if (await issueCertificateIfEligible(attempt.id)) summary.certificates++
    }
  }
  await writeAudit({ action: 'item.rescored', actorId, targetType: 'item', targetId: itemId, details: { ...summary } })
  return summary
}

/** For the result page: which of these items are withdrawn or under review now. */
export async function itemStatesFor(itemIds: readonly string[]) {
  const states = await readItemStates()
  return new Map(itemIds.flatMap((id) => (states.has(id) ? [[id, states.get(id)!] as const] : [])))
}
