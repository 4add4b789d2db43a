import 'server-only'
import { verifyPassword } from 'better-auth/crypto'
import { activationIdentifiers } from '@/lib/accounts/activation.server'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { asDate, asNumber, type RawDate } from '@/lib/db/raw-values'
import { AppError } from '@/lib/errors/app-error'
import { retryPhrase } from '@/lib/rate-limit/limiter'
import { hitLimit, resetLimit } from '@/lib/rate-limit/limiter.server'
import { POLICIES } from '@/lib/rate-limit/policies'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { aggregateAndDeleteAnswers } from './answer-retention.server'
import { accountDeletionSchema, DELETED_ACCOUNT_NAME, deletedEmailOf } from './account-deletion'
import { yearsAfter } from './compliance-retention'

export type DeletionResult = { ok: true; kept: KeptRecords } | { ok: false; fieldErrors: FieldErrors }

export type KeptRecords = {
  certificates: { number: string; validUntil: string; keptUntil: string }[]
  enrolments: number
  attempts: number
  reason: string
}

const KEPT_REASON =
  'Sertifikat dan catatan kelulusan adalah catatan kepatuhan instansi (UU 27/2022 Pasal 20 ayat (2) huruf c dan e): ' +
  'disimpan sampai masa simpannya berakhir, lalu dianonimkan.'

/**
 * The person deletes their own account ("Data saya", decision 047), at once and in one
 * transaction, after their password and a typed confirmation:
 * - deleted: sessions, password, trusted devices, capability grants, privacy acceptances, name
 *   correction requests, mutasi requests, item reports, follow-ups, emails waiting for them, activation
 *   codes; lesson progress and quiz attempts (answers aggregated first, so item statistics do not
 *   change) and enrolments, except what a certificate needs;
 * - kept as compliance records: every certificate with its versions, the enrolment it belongs to,
 *   that enrolment's attempts (scores only: their answers are aggregated and deleted) and, when
 *   there is a certificate, the lesson progress (time on task is kept with the completion record);
 *   the compliance job anonymises them when their period ends (lib/privacy/compliance-retention);
 * - the user row stays, emptied: name "Akun dihapus", an undeliverable address, no NIP, disabled;
 *   its agency, unit and employment type stay so the kept enrolments count where they did;
 * - audit entry `account.deleted` (who, when, what was kept and why) and an `account_deletion`
 *   row, which HR of the agency sees. The person cannot sign in again.
 */
export async function deleteOwnAccount(user: { id: string }, raw: Record<string, unknown>, now = new Date()): Promise<DeletionResult> {
  const parsed = accountDeletionSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
  const key = `account-deletion:${user.id}`
  const limit = await hitLimit(key, POLICIES.passwordChange, now.getTime())
  if (!limit.allowed) return { ok: false, fieldErrors: { form: `Terlalu banyak percobaan. Coba lagi dalam ${retryPhrase(limit.blockedUntil, now.getTime())}.` } }
  const credential = await db.account.findFirst({ where: { userId: user.id, providerId: 'credential' }, select: { password: true } })
  if (!credential?.password || !(await verifyPassword({ hash: credential.password, password: parsed.data.password }))) {
    return { ok: false, fieldErrors: { password: 'Kata sandi salah.' } }
  }
  await resetLimit(key)
  const kept = await eraseAccount(user.id, user.id, now)
  return { ok: true, kept }
}

/** The deletion itself (also for tests and an operator's script): `actorId` is who asked. */
export async function eraseAccount(userId: string, actorId: string, now = new Date()): Promise<KeptRecords> {
  const { complianceRetentionYears } = await getCourseSettings()
  return db.$transaction(
    async (tx) => {
      const person = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, agencyId: true, accountDeletion: { select: { userId: true } } } })
      if (!person) throw new AppError(404, 'Akun tidak ditemukan.')
      if (person.accountDeletion) throw new AppError(409, 'Akun ini sudah dihapus.')
      const certificates = await tx.certificate.findMany({ where: { userId }, select: { number: true, validUntil: true, enrolmentId: true, attemptId: true } })
      const keptEnrolments = new Set(certificates.map((certificate) => certificate.enrolmentId))
      const attempts = await tx.quizAttempt.findMany({ where: { userId }, select: { id: true, kind: true, submittedAt: true, enrolmentId: true } })
      const keptAttempts = attempts.filter((attempt) => (attempt.enrolmentId && keptEnrolments.has(attempt.enrolmentId)) || certificates.some((c) => c.attemptId === attempt.id))
      const keptIds = new Set(keptAttempts.map((attempt) => attempt.id))
      // Finished attempts' answers go into the item statistics' aggregate first (kept or not).
      const finished = attempts.flatMap((attempt) => (attempt.submittedAt ? [{ id: attempt.id, kind: String(attempt.kind), submittedAt: attempt.submittedAt }] : []))
      const answers = (await aggregateAndDeleteAnswers(tx, finished, now)).length
      const deleted = {
        sessions: (await tx.session.deleteMany({ where: { userId } })).count,
        passwords: (await tx.account.deleteMany({ where: { userId } })).count,
        trustedDevices: (await tx.trustedDevice.deleteMany({ where: { userId } })).count,
        grants: (await tx.capabilityGrant.deleteMany({ where: { userId } })).count,
        privacyAcceptances: (await tx.privacyAcceptance.deleteMany({ where: { userId } })).count,
        nameCorrections: (await tx.nameCorrectionRequest.deleteMany({ where: { userId } })).count,
        transfers: (await tx.transferRequest.deleteMany({ where: { userId } })).count,
        itemReports: (await tx.itemReport.deleteMany({ where: { userId } })).count,
        // Practice, not a compliance record (decision 048): deleted with their answers.
        followUps: (await tx.followUp.deleteMany({ where: { userId } })).count,
        activationCodes: (await tx.verification.deleteMany({ where: { identifier: { in: activationIdentifiers(userId) } } })).count,
        waitingEmails: (await tx.outboxMessage.deleteMany({ where: { toAddress: person.email, status: 'pending' } })).count,
        answers,
        attempts: (await tx.quizAttempt.deleteMany({ where: { userId, id: { notIn: [...keptIds] } } })).count,
        lessonProgress: certificates.length > 0 ? 0 : (await tx.lessonProgress.deleteMany({ where: { userId } })).count,
        enrolments: (await tx.enrolment.deleteMany({ where: { userId, id: { notIn: [...keptEnrolments] } } })).count,
      }
      await tx.user.update({
        where: { id: userId },
        data: {
          name: DELETED_ACCOUNT_NAME,
          email: deletedEmailOf(userId),
          emailVerified: false,
          image: null,
          nip: null,
          rejectedNip: null,
          disabledAt: now,
          disabledReason: 'Akun dihapus atas permintaan pemilik data.',
        },
      })
      const kept: KeptRecords = {
        certificates: certificates.map((certificate) => ({
          number: certificate.number,
          validUntil: certificate.validUntil.toISOString(),
          keptUntil: yearsAfter(certificate.validUntil, complianceRetentionYears).toISOString(),
        })),
        enrolments: keptEnrolments.size,
        attempts: keptAttempts.length,
        reason: certificates.length > 0 ? KEPT_REASON : 'Tidak ada sertifikat: tidak ada catatan kepatuhan yang disimpan.',
      }
      await tx.accountDeletion.create({ data: { userId, agencyId: person.agencyId, requestedAt: now, kept: JSON.stringify(kept) } })
      await auditLogCreate(
        { action: 'account.deleted', actorId, agencyId: person.agencyId, targetType: 'user', targetId: userId, details: { deleted, kept } },
        tx,
      )
      return kept
    },
    { timeout: 30_000, maxWait: 15_000 },
  )
}

/**
 * For HR of the agency: how many people deleted their account, and the latest (when, and how many
 * certificates are kept as compliance records); never a name (there is none left).
 */
export async function accountDeletionsOfAgency(agencyId: string, take = 10) {
  // One tagged statement on the dashboard's path (decision 034): the total rides on each of the
  // latest rows (a window count is taken before the limit).
  const rows = await db.$queryRaw<{ requestedAt: RawDate; kept: string; total: number | bigint }[]>`
    SELECT ad."requestedAt", ad."kept", COUNT(*) OVER () AS "total"
    FROM "account_deletion" ad WHERE ad."agencyId" = ${agencyId}
    ORDER BY ad."requestedAt" DESC LIMIT ${take}`
  return {
    count: rows.length ? asNumber(rows[0]!.total) : 0,
    latest: rows.map((row) => {
      const kept = JSON.parse(row.kept) as Partial<KeptRecords>
      return { requestedAt: asDate(row.requestedAt), certificates: kept.certificates?.length ?? 0 }
    }),
  }
}
