import 'server-only'
import { randomUUID } from 'node:crypto'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { AppError } from '@/lib/errors/app-error'
import { headerSafe, mailAddressSchema } from '@/lib/mail/headers'
import { idempotencyKey } from '@/lib/mail/idempotency'
import { queueMail } from '@/lib/mail/outbox.server'
import { wakeMailWorker } from '@/lib/mail/run-worker.server'
import { invitationMail } from '@/lib/mail/templates/invitation'
import { identifierOf } from './activation.server'
import { ACTIVATION_VALID_DAYS, hashActivationCode, newActivationCode } from './activation-code'

/** People per transaction: short transactions (on SQLite one stalls every request of the process). */
const BATCH = 200

export type InvitationResult = { sent: number; already: number; unreachable: number }

/**
 * "Kirim undangan" (decision 036): an email with a new activation code to every person of the
 * cohort whom HR imported and who has not activated yet (no password), when their address is one
 * the outbox accepts; the others are counted as unreachable (HR hands them a code from the CSV).
 *
 * The code and its email are written together: per person, the message is queued first (keyed by
 * person + cohort + Jakarta day), and only when that inserted a row is the person's code replaced.
 * A second click the same day, or a concurrent one, queues nothing and leaves the emailed code
 * working. The message is sensitive: once sent, the stored copy loses the code.
 */
export async function sendCohortInvitations(officer: { id: string; agencyId: string }, cohortId: string, now = new Date()): Promise<InvitationResult> {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true, agencyId: true, name: true, dueDate: true } })
  if (!cohort || cohort.agencyId !== officer.agencyId) throw new AppError(404, 'Kelompok tidak ditemukan.')
  const codeValidUntil = new Date(now.getTime() + ACTIVATION_VALID_DAYS * 86_400_000)
  const result: InvitationResult = { sent: 0, already: 0, unreachable: 0 }
  let after = ''
  for (;;) {
    const enrolments = await db.enrolment.findMany({
      where: { cohortId: cohort.id, id: { gt: after }, user: { agencyId: officer.agencyId, claimedAt: null, disabledAt: null, accounts: { none: {} } } },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: { id: true, user: { select: { id: true, name: true, email: true, nip: true } } },
    })
    if (enrolments.length === 0) break
    after = enrolments[enrolments.length - 1]!.id
    await db.$transaction(async (tx) => {
      for (const { user } of enrolments) {
        const address = mailAddressSchema.safeParse(user.email)
        if (!address.success || !user.nip) {
          result.unreachable++
          continue
        }
        const code = newActivationCode()
        const name = headerSafe(user.name)
        const queued = await queueMail(
          tx,
          {
            idempotencyKey: idempotencyKey({ kind: 'invitation', userId: user.id, subject: cohort.id, at: now }),
            kind: 'invitation',
            userId: user.id,
            to: address.data,
            toName: name,
            ...invitationMail({ name, nip: user.nip, code, cohortName: cohort.name, dueDate: cohort.dueDate, codeValidUntil, baseUrl: env.PUBLIC_BASE_URL }),
            sensitive: true,
            expiresAt: codeValidUntil,
          },
          now,
        )
        if (!queued) {
          result.already++
          continue
        }
        await tx.verification.deleteMany({ where: { identifier: identifierOf(user.id) } })
        await tx.verification.create({ data: { id: randomUUID(), identifier: identifierOf(user.id), value: hashActivationCode(code), expiresAt: codeValidUntil } })
        result.sent++
      }
    })
    if (enrolments.length < BATCH) break
  }
  await auditLogCreate({ action: 'cohort.invitations_sent', actorId: officer.id, agencyId: officer.agencyId, targetType: 'cohort', targetId: cohort.id, details: { ...result } })
  if (result.sent > 0) wakeMailWorker()
  return result
}
