import 'server-only'
import { createHash } from 'node:crypto'
import { auditLogCreate, writeAudit } from '@/lib/audit/audit.server'
import { unitInScope, type Capabilities } from '@/lib/auth/capabilities'
import { metrics } from '@/lib/observability/metrics.server'
import { db } from '@/lib/db/db.server'
import { isUniqueViolation } from '@/lib/db/errors'
import { yearWib } from '@/lib/format/indonesian'
import { maskNip } from '@/lib/identity/nip'
import { getContentEdition } from '@/lib/content/content-edition.server'
import { getCourseProgress } from '@/lib/progress/progress.server'
import { getCourseSettings } from '@/lib/settings/settings.server'
import { env } from '@/lib/env.server'
import { headerSafe, mailAddressSchema } from '@/lib/mail/headers'
import { idempotencyKey } from '@/lib/mail/idempotency'
import { queueMail } from '@/lib/mail/outbox.server'
import { wakeMailWorker } from '@/lib/mail/run-worker.server'
import { certificateIssuedMail } from '@/lib/mail/templates/certificate-issued'
import { certificateCohortName, certificateMaterialLabel } from './certificate-labels'
import { formatCertificateNumber } from './certificate-number'
import type { CertificateStatus } from '@/lib/vocabulary/statuses'
import { certificateStatus } from './certificate-status'
import { createCertificateRenderer, type CertificateRenderer } from './render-certificate'
import { isSignerReady, signerPlaceholders, type SignerField } from './signer'
import { getPdfSigner } from './signing-key.server'
import { buildVerifyUrl, newVerificationCode, normalizeVerificationCode } from './verification-code'

const MAX_TRIES = 3

/** The public reason of version 1 (shown on /verify). */
export const FIRST_VERSION_REASON = 'Terbit'
/** The public reason of a version made by an approved name correction (the person's own words stay private). */
export const NAME_CORRECTION_REASON = 'Koreksi nama (disetujui admin kepegawaian)'

/** Stores the first version's PDF now; a failure only postpones it to the first read. */
async function storeFirstPdf(certificateId: string) {
  try {
    await ensureCurrentVersionPdf(certificateId)
  } catch (error) {
    console.error(`[certificates] PDF of ${certificateId} not stored at issue; it will be on first read`, error)
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return isUniqueViolation(error) || code === 'P2034'
}

/**
 * Issues the certificate a passing post-test earns, once: for a passed post-test of an
 * enrolment whose learner has completed every lesson. Idempotent (the enrolment has at most one
 * certificate, enforced by the database), so it is safe to call again after a crash or from
 * any page: that is how "never none" holds. The number comes from a per-year counter
 * incremented in the same transaction, so numbers have no gaps and no duplicates.
 *
 * Nothing is issued while the signer in the settings is still a placeholder (signer.ts): the
 * pass waits (pending) and is issued when an admin sets the signer (issueWaitingCertificates)
 * or by the learner's "Terbitkan sertifikat" button.
 */
export async function issueCertificateIfEligible(attemptId: string) {
  const attempt = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    include: {
      user: { include: { agency: true, unit: true } },
      enrolment: { include: { cohort: { include: { agency: true } }, certificate: true } },
    },
  })
  if (!attempt || attempt.kind !== 'posttest' || !attempt.passed || !attempt.submittedAt || !attempt.enrolment) return null
  if (attempt.enrolment.certificate) return attempt.enrolment.certificate
  // A certificate names its holder by NIP / NI PPPK; every learner account has one.
  if (!attempt.user.nip) return null
  const progress = await getCourseProgress(attempt.userId)
  if (progress.completedCount < progress.lessons.length) return null

  const settings = await getCourseSettings()
  if (!isSignerReady(settings)) return null
  const contentEdition = getContentEdition()
  const { user, enrolment } = attempt
  const completedAt = attempt.submittedAt
  const validUntil = new Date(completedAt)
  validUntil.setMonth(validUntil.getMonth() + settings.validityMonths)
  // Numbered by the year in which the learner passed, as the learner's clock (WIB) says.
  const year = yearWib(completedAt)
  const cohort = enrolment.cohort

  // An address the outbox would refuse leaves the person without the email, never without the
  // certificate (they are listed for HR as unreachable).
  const address = mailAddressSchema.safeParse(user.email)

  for (let tryNumber = 1; ; tryNumber++) {
    try {
      const issued = await db.$transaction(async (tx) => {
        const counter = await tx.certificateCounter.upsert({
          where: { year },
          create: { year, last: 1 },
          update: { last: { increment: 1 } },
        })
        const certificate = await tx.certificate.create({
          data: {
            number: formatCertificateNumber(year, counter.last),
            year,
            sequence: counter.last,
            code: newVerificationCode(),
            userId: user.id,
            enrolmentId: enrolment.id,
            cycleKey: enrolment.cycleKey,
            attemptId: attempt.id,
            fullName: user.name,
            nip: user.nip,
            employmentType: user.employmentType,
            agencyName: user.agency?.name ?? cohort.agency.name,
            unitName: user.unit?.name ?? null,
            courseTitle: settings.courseTitle,
            contentVersion: attempt.contentVersion,
            score: attempt.score ?? 0,
            jp: settings.jp,
            completedAt,
            validUntil,
            signerName: settings.signerName,
            signerTitle: settings.signerTitle,
            signerNip: settings.signerNip,
            cohortName: cohort.name,
            contentEdition,
          },
        })
        // Version 1, in the issuing transaction (decision 043); its PDF is rendered and stored
        // right after the commit (ensureVersionPdf), or on the first read if that is interrupted.
        await tx.certificateVersion.create({
          data: { certificateId: certificate.id, version: 1, fullName: certificate.fullName, issuedAt: certificate.issuedAt, reason: FIRST_VERSION_REASON },
        })
        await auditLogCreate(
          {
            action: 'certificate.issued',
            actorId: user.id,
            agencyId: cohort.agencyId,
            targetType: 'certificate',
            targetId: certificate.id,
            details: { number: certificate.number, cohort: cohort.name },
          },
          tx,
        )
        if (address.success) {
          const name = headerSafe(user.name)
          // Queued in the issuing transaction (decision 036): the email exists exactly when the
          // certificate does; keyed by the certificate, so it is queued once.
          await queueMail(tx, {
            idempotencyKey: idempotencyKey({ kind: 'certificate-issued', userId: user.id, subject: certificate.number, at: certificate.issuedAt }),
            kind: 'certificate-issued',
            userId: user.id,
            to: address.data,
            toName: name,
            ...certificateIssuedMail({ name, number: certificate.number, courseTitle: certificate.courseTitle, validUntil, certificateId: certificate.id, baseUrl: env.PUBLIC_BASE_URL }),
          })
        }
        return certificate
      })
      metrics().countCertificateIssued()
      if (address.success) wakeMailWorker()
      await storeFirstPdf(issued.id)
      return issued
    } catch (error) {
      // Issued a moment ago by a concurrent call, or a lost race on the counter row.
      const existing = await db.certificate.findUnique({ where: { enrolmentId: enrolment.id } })
      if (existing) return existing
      if (!isRetryable(error) || tryNumber >= MAX_TRIES) throw error
    }
  }
}

const PENDING = (userId: string) => ({ userId, kind: 'posttest' as const, passed: true, enrolment: { certificate: null } })

/**
 * Issues what a learner has earned but not yet received (e.g. after an interrupted submission).
 * Called from a POST (the "Terbitkan sertifikat" button on /sertifikat), never from a page view:
 * viewing a page writes nothing.
 */
export async function issuePendingCertificates(userId: string) {
  const passed = await db.quizAttempt.findMany({ where: PENDING(userId), select: { id: true } })
  const issued = []
  for (const attempt of passed) {
    const certificate = await issueCertificateIfEligible(attempt.id)
    if (certificate) issued.push(certificate)
  }
  return issued
}

/** How many passed post-tests of this learner have no certificate yet (read only). */
export async function countPendingCertificates(userId: string): Promise<number> {
  return db.quizAttempt.count({ where: PENDING(userId) })
}

const WAITING = { kind: 'posttest' as const, passed: true, enrolment: { certificate: null } }

/**
 * Whether certificates can be issued now: false while the signer in the settings is a
 * placeholder (which fields), with how many passes wait for a certificate (read only).
 */
export async function getCertificateIssuing(): Promise<{ ready: boolean; placeholders: SignerField[]; waiting: number }> {
  const [settings, waiting] = await Promise.all([getCourseSettings(), db.quizAttempt.count({ where: WAITING })])
  const placeholders = signerPlaceholders(settings)
  return { ready: placeholders.length === 0, placeholders, waiting }
}

/**
 * Issues every certificate that waits (for everyone), e.g. right after an admin has set the
 * signer. Each one is issued as the learner's own would be (idempotent, own transaction);
 * returns how many were issued. Does nothing while the signer is a placeholder.
 */
export async function issueWaitingCertificates(): Promise<number> {
  if (!isSignerReady(await getCourseSettings())) return 0
  const waiting = await db.quizAttempt.findMany({ where: WAITING, select: { id: true }, orderBy: { submittedAt: 'asc' } })
  let issued = 0
  for (const attempt of waiting) {
    if (await issueCertificateIfEligible(attempt.id)) issued++
  }
  return issued
}

// The one validity rule lives in a pure module (HR rows use it too); re-exported for callers here.
export { certificateStatus, type CertificateStatus }

export async function listCertificatesForLearner(userId: string) {
  const certificates = await db.certificate.findMany({
    where: { userId },
    orderBy: { issuedAt: 'desc' },
    include: { enrolment: { include: { cohort: true } } },
  })
  return certificates.map((certificate) => ({
    ...certificate,
    status: certificateStatus(certificate),
    cohortLabel: certificateCohortName(certificate, certificate.enrolment.cohort),
    materialLabel: certificateMaterialLabel(certificate),
  }))
}

type Requester = { id: string; capabilities: Capabilities }

/**
 * A certificate the requester may download: their own, one of their agency's (HR officer), one
 * of a person in their units (unit operator or head), or any (admin). Anything else is null,
 * indistinguishable from a certificate that does not exist.
 */
export async function findDownloadableCertificate(requester: Requester, certificateId: string) {
  const certificate = await db.certificate.findUnique({
    where: { id: certificateId },
    include: { enrolment: { include: { cohort: true } }, user: { select: { unitId: true } } },
  })
  // An anonymised certificate (decision 047) has no file any more: nobody downloads it.
  if (!certificate || certificate.anonymisedAt) return null
  const { admin, scope } = requester.capabilities
  const allowed =
    admin ||
    certificate.userId === requester.id ||
    (!!scope && certificate.enrolment.cohort.agencyId === scope.agencyId && unitInScope(scope, certificate.user.unitId))
  return allowed ? certificate : null
}

let renderer: CertificateRenderer | null = null

type RenderableCertificate = Omit<NonNullable<Awaited<ReturnType<typeof findDownloadableCertificate>>>, 'user'>

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

const VERSION_FIELDS = { id: true, version: true, fullName: true, issuedAt: true, reason: true, sha256: true, signedAt: true, signerSubject: true } as const

/**
 * The certificate's current (newest) version, with its PDF stored: rendered from the stored
 * fields and saved the first time it is needed (a conditional write, so two first readers at once
 * store one file and both get it), the stored bytes every time after. A certificate without any
 * version row (made outside issueCertificateIfEligible, e.g. by a test seed) gets version 1 here.
 */
export async function ensureCurrentVersionPdf(certificateId: string) {
  let version = await db.certificateVersion.findFirst({ where: { certificateId }, orderBy: { version: 'desc' } })
  if (!version) {
    const certificate = await db.certificate.findUniqueOrThrow({ where: { id: certificateId } })
    await db.certificateVersion.upsert({
      where: { certificateId_version: { certificateId, version: 1 } },
      create: { id: `v1_${certificateId}`, certificateId, version: 1, fullName: certificate.fullName, issuedAt: certificate.issuedAt, reason: FIRST_VERSION_REASON },
      update: {},
    })
    version = await db.certificateVersion.findFirstOrThrow({ where: { certificateId }, orderBy: { version: 'desc' } })
  }
  if (version.pdf && version.sha256) return { ...version, pdf: new Uint8Array(version.pdf), sha256: version.sha256 }
  return storeVersionPdf(version.id)
}

/**
 * Renders, signs and stores one version's PDF unless it is stored already; returns what is
 * stored. The one place where a version's bytes are made: they are signed here, once (decision
 * 046), and the SHA-256 is of the signed file. Two first readers at once may both sign; the
 * conditional write keeps one file and both serve it.
 */
export async function storeVersionPdf(versionId: string) {
  const version = await db.certificateVersion.findUniqueOrThrow({
    where: { id: versionId },
    include: { certificate: { include: { enrolment: { include: { cohort: true } } } } },
  })
  if (!version.pdf || !version.sha256) {
    // Drawn as the valid certificate even when it has been revoked since: a version's file is the
    // one issued; the stamped copy is a separate rendering (certificatePdfForDownload).
    const pdf = await renderCertificatePdf({ ...version.certificate, revokedAt: null }, version)
    const signed = await (await getPdfSigner()).sign(pdf, new Date())
    await db.certificateVersion.updateMany({
      where: { id: versionId, sha256: null },
      data: { pdf: Buffer.from(signed.bytes), sha256: sha256Hex(signed.bytes), signedAt: signed.signedAt, signerSubject: signed.subject },
    })
  }
  const stored = await db.certificateVersion.findUniqueOrThrow({ where: { id: versionId } })
  if (!stored.pdf || !stored.sha256) throw new Error(`certificate version ${versionId} has no stored PDF`)
  return { ...stored, pdf: new Uint8Array(stored.pdf), sha256: stored.sha256 }
}

/**
 * The bytes a download gets: the current version's stored (signed) file, or for a revoked
 * certificate a copy stamped "DICABUT" drawn now (different bytes, never stored or hashed:
 * decision 043; and not signed: decision 046, a signed file is always a certificate as issued).
 */
export async function certificatePdfForDownload(certificate: RenderableCertificate): Promise<{ pdf: Uint8Array; version: number; sha256: string | null }> {
  const current = await ensureCurrentVersionPdf(certificate.id)
  if (certificate.revokedAt) return { pdf: await renderCertificatePdf(certificate, current), version: current.version, sha256: null }
  return { pdf: current.pdf, version: current.version, sha256: current.sha256 }
}

/** The PDF of a stored certificate, drawn from what was recorded at issue time. */
export async function renderCertificatePdf(
  certificate: RenderableCertificate,
  /** The version's printed fields (default: the certificate's own). */
  version?: { fullName: string; issuedAt: Date },
): Promise<Uint8Array> {
  if (!certificate.nip) throw new Error(`certificate ${certificate.id} has no NIP`)
  renderer ??= createCertificateRenderer()
  const settings = await getCourseSettings()
  return renderer.render({
    name: version?.fullName ?? certificate.fullName,
    nip: certificate.nip,
    employmentType: certificate.employmentType ?? 'PNS',
    agencyName: certificate.agencyName,
    unitName: certificate.unitName ?? '—',
    courseTitle: certificate.courseTitle,
    contentVersion: certificate.contentVersion,
    contentEdition: certificate.contentEdition ?? undefined,
    cohortLabel: certificateCohortName(certificate, certificate.enrolment.cohort),
    score: certificate.score,
    completedAt: certificate.completedAt,
    validUntil: certificate.validUntil,
    jp: certificate.jp,
    number: certificate.number,
    verificationCode: certificate.code,
    verifyUrl: buildVerifyUrl(settings.publicBaseUrl, certificate.code),
    signerName: certificate.signerName,
    signerTitle: certificate.signerTitle,
    signerNip: certificate.signerNip ?? undefined,
    issuedAt: version?.issuedAt ?? certificate.issuedAt,
    // A revoked certificate downloads as a copy stamped "DICABUT" (docs/decisions/015).
    revokedAt: certificate.revokedAt ?? undefined,
  })
}

/**
 * What anyone holding the code may see: never the full NIP, and for a revoked certificate that
 * and when it was revoked, never the (internal) reason.
 */
export async function verifyCertificate(rawCode: string) {
  const code = normalizeVerificationCode(rawCode)
  if (!code) return null
  const certificate = await db.certificate.findUnique({
    where: { code },
    include: { user: { select: { identityStatus: true, nip: true } }, enrolment: { select: { cohort: { select: { name: true } } } } },
  })
  if (!certificate) return null
  const { user, enrolment, ...stated } = certificate
  const anonymised = certificate.anonymisedAt !== null
  // Every version has a hash to show: the current one is stored now if it was not yet (never for
  // an anonymised certificate: its files are gone and it would print no name, decision 047).
  const current = anonymised
    ? await db.certificateVersion.findFirstOrThrow({ where: { certificateId: certificate.id }, orderBy: { version: 'desc' }, select: VERSION_FIELDS })
    : await ensureCurrentVersionPdf(certificate.id)
  const versions = await db.certificateVersion.findMany({ where: { certificateId: certificate.id }, orderBy: { version: 'desc' }, select: VERSION_FIELDS })
  if (!anonymised) for (const version of versions) if (!version.sha256) version.sha256 = (await storeVersionPdf(version.id)).sha256
  return {
    status: certificateStatus(stated),
    /** The current version: its number, SHA-256 of its file, when and why it was issued. */
    currentVersion: {
      version: current.version,
      sha256: current.sha256,
      issuedAt: current.issuedAt,
      reason: current.reason,
      /** When the file was electronically signed, and the signer certificate's subject (null: stored before signing, decision 046). */
      signedAt: current.signedAt,
      signerSubject: current.signerSubject,
    },
    /** Older versions, newest first: superseded by the next one (no names: only what identifies a file). */
    supersededVersions: versions
      .filter((version) => version.version < current.version)
      .map((version) => ({ version: version.version, sha256: version.sha256, issuedAt: version.issuedAt, reason: version.reason, signedAt: version.signedAt, signerSubject: version.signerSubject })),
    /** Why the version after each superseded one was issued (the public reason), by superseded version. */
    supersededBecause: Object.fromEntries(versions.map((version) => [version.version - 1, version.reason])) as Record<number, string>,
    /**
     * Whether the holder's agency has verified that the NIP on the certificate is theirs: read
     * from the holder's status now (a claim confirmed later shows as verified; a rejected one
     * never does).
     */
    holderIdentityVerified: user.identityStatus === 'verified' && !!certificate.nip && user.nip === certificate.nip,
    number: certificate.number,
    /** Null once the compliance period ended and the certificate was anonymised (decision 047). */
    fullName: anonymised ? null : certificate.fullName,
    anonymised,
    maskedNip: certificate.nip ? maskNip(certificate.nip) : null,
    agencyName: certificate.agencyName,
    unitName: certificate.unitName,
    courseTitle: certificate.courseTitle,
    cohortName: certificateCohortName(certificate, enrolment.cohort),
    materialLabel: certificateMaterialLabel(certificate),
    jp: certificate.jp,
    completedAt: certificate.completedAt,
    validUntil: certificate.validUntil,
    revokedAt: certificate.revokedAt,
  }
}

/** Revokes a certificate with a reason; audit-logged. Revoking twice changes nothing. */
export async function revokeCertificate(adminId: string, certificateId: string, reason: string) {
  const certificate = await db.certificate.findUnique({ where: { id: certificateId }, include: { enrolment: { include: { cohort: true } } } })
  if (!certificate) return null
  if (certificate.revokedAt) return certificate
  const [revoked] = await db.$transaction([
    db.certificate.update({ where: { id: certificateId }, data: { revokedAt: new Date(), revokedReason: reason, revokedById: adminId } }),
    auditLogCreate({
      action: 'certificate.revoked',
      actorId: adminId,
      agencyId: certificate.enrolment.cohort.agencyId,
      targetType: 'certificate',
      targetId: certificateId,
      details: { number: certificate.number, reason },
    }),
  ])
  return revoked
}

export async function logCertificateDownload(requester: Requester, certificateId: string, agencyId: string) {
  await writeAudit({ action: 'certificate.downloaded', actorId: requester.id, agencyId, targetType: 'certificate', targetId: certificateId })
}

/** The newest certificates, optionally those whose number contains `query` (admin search). */
export async function searchCertificates(query: string, take = 50) {
  return db.certificate.findMany({
    where: query ? { number: { contains: query.toUpperCase() } } : {},
    orderBy: { issuedAt: 'desc' },
    take,
  })
}
