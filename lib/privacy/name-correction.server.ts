import 'server-only'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { ensureCurrentVersionPdf, FIRST_VERSION_REASON, NAME_CORRECTION_REASON, storeVersionPdf } from '@/lib/certificates/certificates.server'
import { db } from '@/lib/db/db.server'
import { env } from '@/lib/env.server'
import { headerSafe } from '@/lib/mail/headers'
import { idempotencyKey } from '@/lib/mail/idempotency'
import { queueMail } from '@/lib/mail/outbox.server'
import { wakeMailWorker } from '@/lib/mail/run-worker.server'
import { nameCorrectionDecidedMail, type NameCorrectionOutcome } from '@/lib/mail/templates/name-correction-decided'
import { isUniqueViolation } from '@/lib/db/errors'
import { AppError } from '@/lib/errors/app-error'
import { retryPhrase } from '@/lib/rate-limit/limiter'
import { POLICIES } from '@/lib/rate-limit/policies'
import { consumeRateLimit } from '@/lib/rate-limit/rate-limit.server'
import { sameNameAsPrinted, type NameCorrectionDecision, type NameCorrectionRequestInput } from './name-correction'

/**
 * Name correction (issue 15, UU 27/2022 right to correction; decision 043): a person asks in
 * "Data saya", HR of their agency approves or rejects. Approval changes the account's name and
 * reissues every valid certificate as a new version with the same number, in one transaction.
 */

export type Officer = { id: string; agencyId: string }

const NOT_FOUND = 'Permintaan koreksi nama tidak ditemukan di antrean instansi Anda.'
const CHANGED = 'Permintaan ini sudah diputuskan sejak halaman dibuka. Muat ulang halaman.'
const ALREADY_OPEN = 'Anda masih punya permintaan koreksi nama yang menunggu keputusan admin kepegawaian.'

/** The person's request; refused while another one is open, without an agency, or unchanged. */
export async function requestNameCorrection(person: { id: string }, input: NameCorrectionRequestInput) {
  const limit = await consumeRateLimit('name-correction:person', person.id, POLICIES.nameCorrectionPerson)
  if (!limit.allowed) {
    throw new AppError(429, `Anda sudah mengirim beberapa permintaan koreksi nama hari ini. Coba lagi dalam ${retryPhrase(limit.blockedUntil, Date.now())}.`)
  }
  const user = await db.user.findUnique({ where: { id: person.id }, select: { name: true, agencyId: true } })
  if (!user) throw new AppError(404, 'Akun tidak ditemukan.')
  if (!user.agencyId) throw new AppError(422, 'Akun Anda belum terhubung ke instansi, jadi belum ada admin kepegawaian yang dapat memutuskan. Hubungi admin.')
  if (sameNameAsPrinted(user.name, input.name)) throw new AppError(422, 'Nama baru sama dengan nama Anda sekarang.')
  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.nameCorrectionRequest.create({
        data: { userId: person.id, openForUserId: person.id, currentName: user.name, requestedName: input.name, reason: input.reason },
      })
      await auditLogCreate(
        {
          action: 'name-correction.requested',
          actorId: person.id,
          agencyId: user.agencyId,
          targetType: 'user',
          targetId: person.id,
          details: { requestId: request.id, from: user.name, to: input.name },
        },
        tx,
      )
      return request
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, ALREADY_OPEN)
    throw error
  }
}

/** The person's own requests, newest first (for "Data saya"). */
export async function listOwnNameCorrections(userId: string, take = 10) {
  return db.nameCorrectionRequest.findMany({
    where: { userId },
    orderBy: { requestedAt: 'desc' },
    take,
    select: { id: true, currentName: true, requestedName: true, reason: true, status: true, requestedAt: true, decidedAt: true, decisionNote: true },
  })
}

/** Pending requests of the officer's agency (oldest first) and the last decided ones. */
export async function listNameCorrectionsForAgency(officer: Officer, take = 200) {
  const inAgency = { user: { agencyId: officer.agencyId } }
  const select = {
    id: true,
    userId: true,
    currentName: true,
    requestedName: true,
    reason: true,
    status: true,
    requestedAt: true,
    decidedAt: true,
    decisionNote: true,
    user: { select: { nip: true, email: true, unit: { select: { name: true } } } },
  } as const
  const [pending, decided] = await Promise.all([
    db.nameCorrectionRequest.findMany({ where: { ...inAgency, status: 'pending' }, orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }], take, select }),
    db.nameCorrectionRequest.findMany({ where: { ...inAgency, status: { not: 'pending' } }, orderBy: { decidedAt: 'desc' }, take: 20, select }),
  ])
  return { pending, decided }
}

export type DecisionResult = { message: string; reissued: string[] }

/**
 * HR's decision on a pending request of a person in their agency. Another agency's request, an
 * unknown id and an already decided one are refused alike (404 / 409); HR cannot decide their
 * own request. Approval, in one transaction: the request is closed (conditionally, so two
 * officers at once decide once), the account's name changes, every valid certificate of the
 * person gets a new version with the corrected name and the same number, each audit-logged.
 * Rejection changes nothing but the request. The new versions' PDFs are stored after the commit.
 */
export async function decideNameCorrection(officer: Officer, input: NameCorrectionDecision): Promise<DecisionResult> {
  const request = await db.nameCorrectionRequest.findUnique({
    where: { id: input.requestId },
    select: { id: true, userId: true, status: true, currentName: true, requestedName: true, user: { select: { agencyId: true, email: true } } },
  })
  if (!request || request.user.agencyId !== officer.agencyId) throw new AppError(404, NOT_FOUND)
  if (request.status !== 'pending') throw new AppError(409, CHANGED)
  if (request.userId === officer.id) throw new AppError(403, 'Anda tidak dapat memutuskan permintaan Anda sendiri; minta admin kepegawaian lain.')
  const now = new Date()
  const close = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], data: { status: 'approved' | 'rejected'; decisionNote: string | null }) =>
    tx.nameCorrectionRequest.updateMany({
      where: { id: request.id, status: 'pending' },
      data: { ...data, openForUserId: null, decidedById: officer.id, decidedAt: now },
    })
  const audit = { actorId: officer.id, agencyId: officer.agencyId, targetType: 'user', targetId: request.userId }
  // The person hears the outcome by email too, queued with the decision (one per request).
  const tellPerson = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], outcome: NameCorrectionOutcome) =>
    queueMail(
      tx,
      {
        idempotencyKey: idempotencyKey({ kind: 'name-correction-decided', userId: request.userId, subject: request.id, at: now }),
        kind: 'name-correction-decided',
        userId: request.userId,
        to: request.user.email,
        toName: outcome.name,
        ...nameCorrectionDecidedMail({ ...outcome, baseUrl: env.PUBLIC_BASE_URL }),
      },
      now,
    )

  if (input.decision === 'tolak') {
    await db.$transaction(async (tx) => {
      if ((await close(tx, { status: 'rejected', decisionNote: input.reason })).count !== 1) throw new AppError(409, CHANGED)
      await auditLogCreate({ ...audit, action: 'name-correction.rejected', details: { requestId: request.id, to: request.requestedName, reason: input.reason } }, tx)
      await tellPerson(tx, { decision: 'rejected', name: headerSafe(request.currentName), requestedName: request.requestedName, reason: input.reason })
    })
    wakeMailWorker()
    return { message: `Koreksi nama ${request.currentName} ditolak; nama dan sertifikatnya tidak berubah.`, reissued: [] }
  }

  // The file each certificate has now is stored before it is superseded (for certificates issued
  // before versions existed and never downloaded), so its SHA-256 is the one its holder received.
  const valid = await db.certificate.findMany({ where: { userId: request.userId, revokedAt: null, validUntil: { gt: now } }, select: { id: true } })
  for (const certificate of valid) await ensureCurrentVersionPdf(certificate.id)

  const created = await db.$transaction(async (tx) => {
    if ((await close(tx, { status: 'approved', decisionNote: null })).count !== 1) throw new AppError(409, CHANGED)
    await tx.user.update({ where: { id: request.userId }, data: { name: request.requestedName } })
    // Valid certificates only: a revoked or expired one keeps what it was issued with.
    const certificates = await tx.certificate.findMany({
      where: { userId: request.userId, revokedAt: null, validUntil: { gt: now } },
      select: { id: true, number: true, fullName: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true } } },
      orderBy: { issuedAt: 'asc' },
    })
    const versions: { id: string; number: string; version: number }[] = []
    for (const certificate of certificates) {
      const version = (certificate.versions[0]?.version ?? 1) + 1
      // A certificate issued before versions existed and never read has no row yet: its version 1
      // is recorded first, with the name it was issued with.
      if (!certificate.versions[0]) {
        const original = await tx.certificate.findUniqueOrThrow({ where: { id: certificate.id }, select: { issuedAt: true } })
        await tx.certificateVersion.create({
          data: { id: `v1_${certificate.id}`, certificateId: certificate.id, version: 1, fullName: certificate.fullName, issuedAt: original.issuedAt, reason: FIRST_VERSION_REASON },
        })
      }
      const row = await tx.certificateVersion.create({
        data: { certificateId: certificate.id, version, fullName: request.requestedName, issuedAt: now, reason: NAME_CORRECTION_REASON, nameCorrectionId: request.id },
      })
      await tx.certificate.update({ where: { id: certificate.id }, data: { fullName: request.requestedName } })
      await auditLogCreate(
        { ...audit, action: 'certificate.reissued', targetType: 'certificate', targetId: certificate.id, details: { number: certificate.number, version, requestId: request.id } },
        tx,
      )
      versions.push({ id: row.id, number: certificate.number, version })
    }
    await auditLogCreate(
      {
        ...audit,
        action: 'name-correction.approved',
        details: { requestId: request.id, from: request.currentName, to: request.requestedName, reissued: versions.map((v) => `${v.number} v${v.version}`) },
      },
      tx,
    )
    await tellPerson(tx, { decision: 'approved', name: headerSafe(request.requestedName), requestedName: request.requestedName, reissued: versions.map((v) => v.number) })
    return versions
  })
  wakeMailWorker()
  for (const version of created) {
    try {
      await storeVersionPdf(version.id)
    } catch (error) {
      console.error(`[name-correction] PDF of certificate version ${version.id} not stored yet; it will be on first read`, error)
    }
  }
  const reissued = created.map((version) => version.number)
  const certificates = reissued.length ? ` ${reissued.length} sertifikat diterbitkan ulang dengan nomor yang sama (${reissued.join(', ')}).` : ''
  return { message: `Nama ${request.currentName} dikoreksi menjadi ${request.requestedName}.${certificates}`, reissued }
}
