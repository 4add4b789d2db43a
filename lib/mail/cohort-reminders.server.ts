import 'server-only'
import { Prisma } from '@/lib/db/create-client'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db, databaseProvider } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { AppError } from '@/lib/errors/app-error'
import { inUnits } from '@/lib/hr/enrolment-rows.server'
import { headerSafe } from './headers'
import { jakartaDate } from './idempotency'
import { queueMails, type QueuedMail } from './outbox.server'
import { manualStageOn } from './reminder-schedule'
import { wakeMailWorker } from './run-worker.server'
import { REMINDER_KIND, reminderKey } from './scheduler.server'
import { dueReminderMail } from './templates/due-reminder'

/** People read per keyset batch: bounded memory for a cohort of any size. */
const BATCH = 1_000

export type CohortReminderResult = { queued: number; already: number; unreachable: number }

type Recipient = { enrolmentId: string; userId: string; name: string; email: string }

/**
 * "Kirim pengingat" (issue 17, decision 037): HR, or a unit operator for their units, reminds
 * every person of the cohort in their scope who has not passed, whose account is active and has
 * a password (someone who never activated gets the invitation instead) — the scheduler's rule,
 * on any day.
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
  const stage = manualStageOn(cohort.dueDate, jakartaDate(now))
  const inScope = sender.unitIds ? inUnits(Prisma.sql`u."unitId"`, sender.unitIds) : Prisma.sql`1 = 1`
  const result: CohortReminderResult = { queued: 0, already: 0, unreachable: 0 }
  let after = ''
  for (;;) {
    const people = await db.$queryRaw<Recipient[]>`
      SELECT e."id" AS "enrolmentId", u."id" AS "userId", u."name" AS "name", u."email" AS "email"
      FROM "enrolment" e JOIN "user" u ON u."id" = e."userId"
      WHERE e."cohortId" = ${cohort.id} AND e."id" > ${after} AND e."passedAt" IS NULL AND u."disabledAt" IS NULL
        AND u."agencyId" = ${sender.agencyId} AND ${inScope}
        AND EXISTS (SELECT 1 FROM "account" a WHERE a."userId" = u."id" AND a."password" IS NOT NULL)
      ORDER BY e."id"
      LIMIT ${BATCH}`
    if (people.length === 0) break
    after = people[people.length - 1]!.enrolmentId
    const mails: QueuedMail[] = people.map((person) => {
      const name = headerSafe(person.name)
      return {
        idempotencyKey: reminderKey(person.userId, now),
        kind: REMINDER_KIND,
        userId: person.userId,
        to: person.email,
        toName: name,
        ...dueReminderMail({ name, cohortName: cohort.name, dueDate: cohort.dueDate, stage, baseUrl: env.PUBLIC_BASE_URL }),
      }
    })
    const { inserted, refused } = await queueMails(db, databaseProvider, mails, now)
    result.queued += inserted
    result.unreachable += refused.length
    result.already += people.length - refused.length - inserted
    if (people.length < BATCH) break
  }
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
