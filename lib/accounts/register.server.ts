import 'server-only'
import { APIError } from 'better-auth/api'
import { writeAudit } from '@/lib/audit/audit.server'
import { auth } from '@/lib/auth/auth.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { enrolInSelfEnrolCohort } from '@/lib/hr/cohorts.server'
import { queueEmailVerification } from './email-verification.server'
import { nipLabel } from '@/lib/identity/nip'
import { retryPhrase } from '@/lib/rate-limit/limiter'
import { POLICIES } from '@/lib/rate-limit/policies'
import { clientAddress, consumeRateLimit } from '@/lib/rate-limit/rate-limit.server'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { wakeMailWorker } from '@/lib/mail/run-worker.server'
import { recordPrivacyAcceptance } from '@/lib/privacy/acceptance.server'
import { registrationSchema } from './registration-schema'

export type RegistrationResult =
  | { ok: true; userId: string }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> }

const KEPT_VALUES = ['name', 'nip', 'employmentType', 'agencyId', 'unitId', 'email'] as const

/**
 * Registers a learner: validates every field, checks that agency and unit exist and that NIP
 * and email are free, then lets better-auth create the user and password account (in one
 * transaction) and start a session. On any error nothing is created, and the typed values
 * (never the password) come back with a message per field.
 */
export async function registerLearner(
  raw: Record<string, unknown>,
  requestHeaders: Headers,
): Promise<RegistrationResult> {
  const values = Object.fromEntries(
    KEPT_VALUES.map((key) => [key, typeof raw[key] === 'string' ? String(raw[key]).slice(0, 300) : '']),
  )
  const fail = (fieldErrors: FieldErrors): RegistrationResult => ({ ok: false, fieldErrors, values })

  const parsed = registrationSchema.safeParse(raw)
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error))
  const input = parsed.data
  // Counted once the form is valid (typos cost nothing), before anything is looked up.
  const rate = await consumeRateLimit('register:address', clientAddress(requestHeaders), POLICIES.registerAddress)
  if (!rate.allowed) {
    return fail({ form: `Terlalu banyak pendaftaran dari jaringan Anda. Coba lagi dalam ${retryPhrase(rate.blockedUntil, Date.now())}.` })
  }

  const [unit, nipOwner, emailOwner] = await Promise.all([
    db.unit.findUnique({ where: { id: input.unitId }, select: { agencyId: true } }),
    db.user.findUnique({
      where: { nip: input.nip },
      select: { identityStatus: true, identityMethod: true, claimedAt: true, pendingImport: { select: { publishedAt: true } } },
    }),
    db.user.findUnique({ where: { email: input.email }, select: { id: true } }),
  ])
  const errors: FieldErrors = {}
  if (!unit || unit.agencyId !== input.agencyId) errors.unitId = 'Pilih unit kerja dari instansi yang Anda pilih.'
  if (nipOwner) {
    const label = nipLabel(input.employmentType)
    // Someone else may have claimed the NIP first: say what the real person can do, and nothing
    // about the other account.
    // An account the agency's roster made (published or still being imported) is the person's
    // own: they activate it rather than register a second one.
    const fromRoster = nipOwner.identityMethod === 'import' && nipOwner.claimedAt === null
    errors.nip =
      nipOwner.pendingImport && nipOwner.pendingImport.publishedAt === null
        ? `${label} ini sedang dimasukkan instansi Anda dari daftar pegawai. Akun Anda dibuat oleh admin kepegawaian: aktifkan dengan kode aktivasi dari mereka di halaman Aktivasi akun, tidak perlu mendaftar.`
        : fromRoster
          ? `${label} ini sudah didaftarkan instansi Anda dari daftar pegawai. Aktifkan akun tersebut dengan kode aktivasi dari admin kepegawaian instansi Anda di halaman Aktivasi akun.`
          : nipOwner.identityStatus === 'verified'
            ? `${label} ini sudah terdaftar. Masuk dengan akun tersebut, atau hubungi admin kepegawaian instansi Anda.`
            : `${label} ini sudah diklaim oleh akun yang belum diverifikasi instansi. Jika ini ${label} Anda, hubungi admin kepegawaian instansi Anda: mereka dapat menolak klaim tersebut sehingga ${label} ini dapat Anda pakai.`
  }
  if (emailOwner) errors.email = 'Email ini sudah dipakai akun lain.'
  if (Object.keys(errors).length) return fail(errors)

  try {
    const result = await auth.api.signUpEmail({
      body: {
        name: input.name,
        email: input.email,
        password: input.password,
        nip: input.nip,
        employmentType: input.employmentType,
        agencyId: input.agencyId,
        unitId: input.unitId,
      },
      headers: requestHeaders,
    })
    const person = { id: result.user.id, agencyId: input.agencyId, name: result.user.name, email: result.user.email }
    await db.$transaction(async (tx) => {
      await recordPrivacyAcceptance(tx, person.id)
      await queueEmailVerification(tx, person)
      const enrolment = await enrolInSelfEnrolCohort(tx, person)
      await writeAudit(
        {
          action: 'user.registered',
          actorId: person.id,
          agencyId: person.agencyId,
          targetType: 'user',
          targetId: person.id,
          details: enrolment ? { cohortId: enrolment.cohortId } : {},
        },
        tx,
      )
    })
    wakeMailWorker()
    return { ok: true, userId: result.user.id }
  } catch (error) {
    // A concurrent registration can still take the NIP or email between check and insert:
    // the unique constraints refuse it and better-auth's transaction leaves nothing behind.
    if (error instanceof APIError || isUniqueViolation(error)) {
      return fail({ form: 'NIP atau email sudah terdaftar. Periksa kembali isian Anda.' })
    }
    throw error
  }
}
