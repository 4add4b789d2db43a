import 'server-only'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db, databaseProvider } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { AppError } from '@/lib/errors/app-error'
import { jakartaDate } from './idempotency'
import { manualStageOn } from './reminder-schedule'
import { wakeMailWorker } from './run-worker.server'
import { inReminderScope, queueCohortReminders, REMINDABLE_SQL } from './scheduler.server'

export type CohortReminderResult = { queued: number; already: number; unreachable: number }

/**
 * "Kirim pengingat" (issue 17, decision 037): HR, or a unit operator for their units, reminds
 * every person of the cohort in their scope who has not passed, whose account is active and has
 * a password (someone who never activated gets the invitation instead) — the scheduler's rule and
 * its queueing (`queueCohortReminders`), on any day.
 *
 * It uses the scheduler's key (person + Jakarta day), so a person hears at most one reminder a
 * day whoever sends it: a second click, another operator's click, or the day's automatic reminder
 * queue nothing more, and are counted as `already`. A cohort whose reminders HR has paused sends
 * none. No transaction spans the cohort (each batch's insert is one atomic statement); the audit
 * line says who sent how many.
 */
export async function sendCohortReminders(
  sender: { id: string; agencyId: string; unitIds: readonly string[] | null },
  cohortId: string,
  now = new Date(),
): Promise<CohortReminderResult> {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true, agencyId: true, name: true, dueDate: true, remindersPausedAt: true } })
  if (!cohort || cohort.agencyId !== sender.agencyId) throw new AppError(404, 'Kelompok tidak ditemukan.')
  if (cohort.remindersPausedAt) throw new AppError(409, `Pengingat kelompok "${cohort.name}" sedang dijeda oleh HR. Lanjutkan pengingatnya di halaman Kelompok lebih dulu.`)
  const scope = { agencyId: sender.agencyId, unitIds: sender.unitIds }
  const [{ remindable }] = await db.$queryRaw<[{ remindable: number | bigint }]>`
    SELECT COUNT(*) AS "remindable" FROM "enrolment" e JOIN "user" u ON u."id" = e."userId"
    WHERE e."cohortId" = ${cohort.id} AND ${REMINDABLE_SQL} AND ${inReminderScope(scope)}`
  const queued = await queueCohortReminders(
    { db, provider: databaseProvider, baseUrl: env.PUBLIC_BASE_URL },
    cohort,
    manualStageOn(cohort.dueDate, jakartaDate(now)),
    now,
    scope,
  )
  // Everyone in scope who could be reminded and was not considered had today's reminder already.
  const result: CohortReminderResult = { queued: queued.queued, already: Number(remindable) - queued.considered, unreachable: queued.unreachable }
  await auditLogCreate({
    action: 'cohort.reminders_sent',
    actorId: sender.id,
    agencyId: sender.agencyId,
    targetType: 'cohort',
    targetId: cohort.id,
    details: { ...result, units: sender.unitIds ? [...sender.unitIds] : 'semua' },
  })
  if (result.queued > 0) wakeMailWorker()
  return result
}
