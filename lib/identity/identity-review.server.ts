import 'server-only'
import { visiblePeople } from '@/lib/hr/visible-people.server'
import { auditLogCreate } from '@/lib/audit/audit.server'
import type { Db } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { AppError } from '@/lib/errors/app-error'
import { confirmClaimSchema, rejectClaimSchema } from './review-schemas'

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0]
export type Officer = { id: string; agencyId: string }

const CHANGED = 'Data peserta berubah sejak halaman dibuka (klaim sudah diputuskan atau NIP berubah). Muat ulang halaman.'
const NOT_FOUND = 'Peserta tidak ditemukan di antrean verifikasi instansi Anda.'

/** Why a certificate is revoked when the claim to its NIP is rejected. */
export function revocationReason(reason: string): string {
  return `Klaim NIP ditolak oleh admin kepegawaian: ${reason}`
}

/**
 * Verifies a claimed NIP inside the caller's transaction, conditionally on it still being the
 * same claim (status claimed, same NIP, same agency): a decision taken on a stale page changes
 * nothing. Audit: 'identity.verified'.
 */
export async function verifyClaimInTx(
  tx: Tx,
  input: { userId: string; nip: string; agencyId: string; officerId: string; method: 'hr' | 'roster'; now: Date },
) {
  const { count } = await tx.user.updateMany({
    where: { id: input.userId, identityStatus: 'claimed', nip: input.nip, agencyId: input.agencyId },
    data: { identityStatus: 'verified', identityMethod: input.method, identityVerifiedAt: input.now, identityVerifiedById: input.officerId },
  })
  if (count !== 1) throw new AppError(409, CHANGED)
  await auditLogCreate(
    {
      action: 'identity.verified',
      actorId: input.officerId,
      agencyId: input.agencyId,
      targetType: 'user',
      targetId: input.userId,
      details: { nip: input.nip, method: input.method },
    },
    tx,
  )
}

/**
 * Rejects a claimed NIP inside the caller's transaction: the NIP is released (kept in
 * rejectedNip), the account stays with its history, flagged 'rejected'; every certificate of
 * that account issued under that NIP is revoked with the reason. Audit 'identity.rejected' in
 * the officer's agency and, when the claimant registered with another agency, in that one too.
 */
export async function rejectClaimInTx(
  tx: Tx,
  input: { userId: string; nip: string; officer: Officer; reason: string; now: Date; via: 'verifikasi' | 'impor' },
) {
  const claimant = await tx.user.findUnique({ where: { id: input.userId }, select: { agencyId: true } })
  const { count } = await tx.user.updateMany({
    where: { id: input.userId, identityStatus: 'claimed', nip: input.nip },
    data: {
      nip: null,
      rejectedNip: input.nip,
      identityStatus: 'rejected',
      identityRejectedAt: input.now,
      identityMethod: null,
      identityVerifiedAt: null,
      identityVerifiedById: null,
    },
  })
  if (count !== 1 || !claimant) throw new AppError(409, CHANGED)
  const certificates = await tx.certificate.findMany({
    where: { userId: input.userId, nip: input.nip, revokedAt: null },
    select: { id: true, number: true },
  })
  if (certificates.length > 0) {
    await tx.certificate.updateMany({
      where: { id: { in: certificates.map((c) => c.id) }, revokedAt: null },
      data: { revokedAt: input.now, revokedReason: revocationReason(input.reason), revokedById: input.officer.id },
    })
  }
  const details = { nip: input.nip, reason: input.reason, via: input.via, revokedCertificates: certificates.map((c) => c.number) }
  const agencies = new Set([input.officer.agencyId, ...(claimant.agencyId ? [claimant.agencyId] : [])])
  for (const agencyId of agencies) {
    await auditLogCreate(
      { action: 'identity.rejected', actorId: input.officer.id, agencyId, targetType: 'user', targetId: input.userId, details },
      tx,
    )
  }
  return { revokedCertificates: certificates.map((c) => c.number) }
}

/** A person's own identity status, for their dashboard. */
export async function getOwnIdentity(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { identityStatus: true, rejectedNip: true, identityRejectedAt: true },
  })
}

/** The agency's claimed (unverified) people, oldest claim first: the review queue. */
export async function listClaimants(officer: Officer) {
  return db.user.findMany({
    where: visiblePeople({ agencyId: officer.agencyId, identityStatus: 'claimed', nip: { not: null } }),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: { id: true, name: true, nip: true, email: true, emailVerified: true, employmentType: true, createdAt: true, unit: { select: { name: true } } },
  })
}

/** Claims this agency's HR rejected, newest first (the flagged accounts stay). */
export async function listRejectedClaims(officer: Officer, take = 20) {
  return db.user.findMany({
    where: visiblePeople({ agencyId: officer.agencyId, identityStatus: 'rejected' }),
    orderBy: { identityRejectedAt: 'desc' },
    take,
    select: { id: true, name: true, rejectedNip: true, email: true, identityRejectedAt: true },
  })
}

export type ReviewResult = { ok: true; message: string } | { ok: false; fieldErrors: Record<string, string> }

/** A claimant of the officer's own agency, or a refusal that looks the same for any other id. */
async function claimantOf(officer: Officer, userId: string) {
  const claimant = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, nip: true, agencyId: true, identityStatus: true } })
  if (!claimant || claimant.agencyId !== officer.agencyId || claimant.identityStatus !== 'claimed' || !claimant.nip) {
    throw new AppError(404, NOT_FOUND)
  }
  if (claimant.id === officer.id) throw new AppError(403, 'Anda tidak dapat memutuskan klaim NIP Anda sendiri; minta admin kepegawaian lain atau admin platform.')
  return { ...claimant, nip: claimant.nip }
}

/** HR confirms that the claimant's NIP is theirs (identityMethod 'hr'). */
export async function confirmClaim(officer: Officer, input: unknown): Promise<ReviewResult> {
  const parsed = confirmClaimSchema.safeParse(input)
  if (!parsed.success) return { ok: false, fieldErrors: { form: parsed.error.issues[0]?.message ?? 'Isian tidak valid.' } }
  const claimant = await claimantOf(officer, parsed.data.userId)
  await db.$transaction((tx) =>
    verifyClaimInTx(tx, { userId: claimant.id, nip: claimant.nip, agencyId: officer.agencyId, officerId: officer.id, method: 'hr', now: new Date() }),
  )
  return { ok: true, message: `NIP ${claimant.name} dikonfirmasi: identitasnya kini terverifikasi.` }
}

/** HR rejects the claim: NIP released, certificates under it revoked, account kept and flagged. */
export async function rejectClaim(officer: Officer, input: unknown): Promise<ReviewResult> {
  const parsed = rejectClaimSchema.safeParse(input)
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message
    return { ok: false, fieldErrors }
  }
  const claimant = await claimantOf(officer, parsed.data.userId)
  const { revokedCertificates } = await db.$transaction((tx) =>
    rejectClaimInTx(tx, { userId: claimant.id, nip: claimant.nip, officer, reason: parsed.data.reason, now: new Date(), via: 'verifikasi' }),
  )
  const revoked = revokedCertificates.length ? ` ${revokedCertificates.length} sertifikat dicabut (${revokedCertificates.join(', ')}).` : ''
  return { ok: true, message: `Klaim NIP oleh ${claimant.name} ditolak; NIP dilepas untuk pemiliknya.${revoked}` }
}
