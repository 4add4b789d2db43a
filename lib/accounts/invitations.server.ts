import 'server-only'
import { VISIBLE_PERSON_WHERE } from '@/lib/hr/visible-people.server'
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

type Officer = { id: string; agencyId: string }
type Invitee = { id: string; name: string; email: string | null; nip: string | null }

/**
 * Who an invitation is for, the same for every source: of the officer's agency, imported and
 * never activated (not claimed, no password), not disabled.
 */
// Not the people of an import still writing (decision 053): its record is not published either.
// Exported: the import history on /hr/impor counts who is still waiting with the same rule.
export const waitingFor = (agencyId: string) => ({ agencyId, claimedAt: null, disabledAt: null, accounts: { none: {} }, ...VISIBLE_PERSON_WHERE })
const INVITEE = { id: true, name: true, email: true, nip: true } as const

/**
 * A set of people to invite, read in keyset batches: `next(after)` returns the people after the
 * cursor `after` ('' first) and the cursor to continue from.
 */
type InvitationSource = {
  mail: { cohortName: string | null; dueDate: Date | null }
  audit: { action: string; targetType: string; targetId: string }
  next: (after: string) => Promise<{ cursor: string; people: Invitee[] }>
}

/**
 * "Kirim undangan" (decisions 036 and 052), the one way to invite: an email with a new activation
 * code to every person of `source` whose address the outbox accepts; the others are counted as
 * unreachable (HR hands them a code from the CSV).
 *
 * The code and its email are written together: per person, the message is queued first and only
 * when that inserted a row is the person's code replaced. The key is person + Jakarta day, not
 * the cohort or import (decision 052): a person is invited at most once a day whichever button
 * HR presses, so a later click (the same or another source) queues nothing and never replaces a
 * code that an email of that day carries. The message is sensitive: once sent, the stored copy
 * loses the code.
 */
async function invitePeople(officer: Officer, source: InvitationSource, now: Date): Promise<InvitationResult> {
  const codeValidUntil = new Date(now.getTime() + ACTIVATION_VALID_DAYS * 86_400_000)
  const result: InvitationResult = { sent: 0, already: 0, unreachable: 0 }
  let after = ''
  for (;;) {
    const { cursor, people } = await source.next(after)
    if (people.length === 0) break
    after = cursor
    await db.$transaction(async (tx) => {
      for (const user of people) {
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
            idempotencyKey: invitationKey(user.id, now),
            kind: 'invitation',
            userId: user.id,
            to: address.data,
            toName: name,
            ...invitationMail({ name, nip: user.nip, code, ...source.mail, codeValidUntil, baseUrl: env.PUBLIC_BASE_URL }),
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
    if (people.length < BATCH) break
  }
  await auditLogCreate({ ...source.audit, actorId: officer.id, agencyId: officer.agencyId, details: { ...result } })
  if (result.sent > 0) wakeMailWorker()
  return result
}

/** One invitation per person per Jakarta day, whichever cohort or import it was sent for (decision 052). */
export function invitationKey(userId: string, now: Date): string {
  return idempotencyKey({ kind: 'invitation', userId, subject: 'aktivasi', at: now })
}

/** "Kirim undangan" for a cohort: its people who have not activated (decision 036). */
export async function sendCohortInvitations(officer: Officer, cohortId: string, now = new Date()): Promise<InvitationResult> {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true, agencyId: true, name: true, dueDate: true } })
  if (!cohort || cohort.agencyId !== officer.agencyId) throw new AppError(404, 'Kelompok tidak ditemukan.')
  return invitePeople(
    officer,
    {
      mail: { cohortName: cohort.name, dueDate: cohort.dueDate },
      audit: { action: 'cohort.invitations_sent', targetType: 'cohort', targetId: cohort.id },
      next: async (after) => {
        const enrolments = await db.enrolment.findMany({
          where: { cohortId: cohort.id, id: { gt: after }, user: waitingFor(officer.agencyId) },
          orderBy: { id: 'asc' },
          take: BATCH,
          select: { id: true, user: { select: INVITEE } },
        })
        return { cursor: enrolments.at(-1)?.id ?? after, people: enrolments.map((e) => e.user) }
      },
    },
    now,
  )
}

/**
 * "Kirim undangan" after a roster import (decision 052): the accounts that import created, still
 * in the officer's agency and not activated, whatever cohort they are or are not in. Another
 * agency's import, or an unknown one, is "not found".
 */
export async function sendImportInvitations(officer: Officer, importId: string, now = new Date()): Promise<InvitationResult> {
  const rosterImport = await db.rosterImport.findFirst({ where: { id: importId, publishedAt: { not: null } }, select: { id: true, agencyId: true } })
  if (!rosterImport || rosterImport.agencyId !== officer.agencyId) throw new AppError(404, 'Impor tidak ditemukan.')
  return invitePeople(
    officer,
    {
      mail: { cohortName: null, dueDate: null },
      audit: { action: 'roster_import.invitations_sent', targetType: 'roster_import', targetId: rosterImport.id },
      next: async (after) => {
        const rows = await db.rosterImportPerson.findMany({
          where: { importId: rosterImport.id, userId: { gt: after }, user: waitingFor(officer.agencyId) },
          orderBy: { userId: 'asc' },
          take: BATCH,
          select: { userId: true, user: { select: INVITEE } },
        })
        return { cursor: rows.at(-1)?.userId ?? after, people: rows.map((r) => r.user) }
      },
    },
    now,
  )
}
