import 'server-only'
import { visiblePeople } from '@/lib/hr/visible-people.server'
import { auditLogCreate } from '@/lib/audit/audit.server'
import { revokeCapability } from '@/lib/auth/grants.server'
import { db } from '@/lib/db/db.server'
import { AppError } from '@/lib/errors/app-error'
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'
import { maskNip } from './nip'
import { transferDecisionSchema, transferRequestSchema } from './review-schemas'

/**
 * Mutasi: a verified person moves to another agency. HR of the NEW agency requests it; HR of
 * the OLD agency (or a platform admin) approves or refuses. Approval moves the person (agency
 * and unit) in one transaction with the request's status; history and certificates stay with
 * the person; both agencies' audit logs record each step. Until approval, the requesting
 * agency sees only the person's name and masked NIP. This is the only way a person active in
 * another agency changes agency (roster import and cohort assignment refuse; see
 * docs/security/identity.md).
 */

type Officer = { id: string; agencyId: string }
/** Who decides: an admin, or the HR officer of the agency the person leaves. */
type Decider = { id: string; admin: boolean; hrAgencyId: string | null }

export type TransferResult = { ok: true; message: string } | { ok: false; fieldErrors: FieldErrors }

const NOT_ELIGIBLE = 'NIP ini tidak terdaftar sebagai pegawai terverifikasi di instansi lain. Mutasi hanya untuk pegawai yang NIP-nya sudah diverifikasi instansi asalnya.'
const NOT_FOUND = 'Permintaan mutasi tidak ditemukan.'

/** HR of the new agency asks for a verified person of another agency (one pending request per person). */
export async function requestTransfer(officer: Officer, input: unknown): Promise<TransferResult> {
  const parsed = transferRequestSchema.safeParse(input)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
  const { nip, unitId, note } = parsed.data
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { agencyId: true } })
  if (!unit || unit.agencyId !== officer.agencyId) return { ok: false, fieldErrors: { unitId: 'Pilih unit kerja tujuan di instansi Anda.' } }

  return db.$transaction(async (tx) => {
    // An account an import is still writing is nobody yet (decision 053).
    const person = await tx.user.findFirst({ where: visiblePeople({ nip }), select: { id: true, name: true, agencyId: true, identityStatus: true } })
    if (person && person.agencyId === officer.agencyId) return { ok: false as const, fieldErrors: { nip: 'Pegawai ini sudah terdaftar di instansi Anda.' } }
    if (!person || !person.agencyId || person.identityStatus !== 'verified') {
      return { ok: false as const, fieldErrors: { nip: NOT_ELIGIBLE } }
    }
    // Touch the person's row first: on PostgreSQL it locks it, so two requests for one person
    // queue here and the second sees the first (SQLite runs one write transaction at a time).
    await tx.user.update({ where: { id: person.id }, data: { updatedAt: new Date() } })
    const pending = await tx.transferRequest.count({ where: { userId: person.id, status: 'pending' } })
    if (pending > 0) return { ok: false as const, fieldErrors: { nip: 'Sudah ada permintaan mutasi yang menunggu keputusan untuk pegawai ini.' } }
    const request = await tx.transferRequest.create({
      data: { userId: person.id, fromAgencyId: person.agencyId, toAgencyId: officer.agencyId, toUnitId: unitId, requestedById: officer.id, note },
    })
    const details = { requestId: request.id, nip: maskNip(nip), fromAgencyId: person.agencyId, toAgencyId: officer.agencyId, note }
    for (const agencyId of [officer.agencyId, person.agencyId]) {
      await auditLogCreate({ action: 'transfer.requested', actorId: officer.id, agencyId, targetType: 'user', targetId: person.id, details }, tx)
    }
    return { ok: true as const, message: `Permintaan mutasi untuk ${person.name} (${maskNip(nip)}) dikirim ke instansi asalnya.` }
  })
}

/** HR of the OLD agency (never the requester) or an admin approves or refuses a pending request. */
export async function decideTransfer(decider: Decider, input: unknown): Promise<TransferResult> {
  const parsed = transferDecisionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) }
  const request = await db.transferRequest.findUnique({ where: { id: parsed.data.requestId }, include: { user: { select: { name: true } } } })
  const mayDecide =
    !!request && (decider.admin || (!!decider.hrAgencyId && decider.hrAgencyId === request.fromAgencyId))
  // Another agency's request (including the requester's own) looks exactly like a missing one.
  if (!request || !mayDecide) throw new AppError(404, NOT_FOUND)
  if (request.requestedById === decider.id) throw new AppError(403, 'Permintaan mutasi tidak dapat diputuskan oleh yang mengajukannya.')
  const now = new Date()
  const approve = parsed.data.decision === 'setujui'
  const reason = parsed.data.decision === 'tolak' ? parsed.data.reason : null

  await db.$transaction(async (tx) => {
    const { count } = await tx.transferRequest.updateMany({
      where: { id: request.id, status: 'pending' },
      data: {
        status: approve ? 'approved' : 'rejected',
        decidedById: decider.id,
        decidedAt: now,
        ...(reason ? { note: `${request.note ?? ''}\nDitolak: ${reason}`.trim() } : {}),
      },
    })
    if (count !== 1) throw new AppError(409, 'Permintaan mutasi ini sudah diputuskan.')
    if (approve) {
      const unitOk = request.toUnitId ? (await tx.unit.findUnique({ where: { id: request.toUnitId }, select: { agencyId: true } }))?.agencyId === request.toAgencyId : true
      // Conditional on the person still being a verified learner of the old agency.
      const moved = await tx.user.updateMany({
        where: { id: request.userId, agencyId: request.fromAgencyId, identityStatus: 'verified' },
        data: {
          agencyId: request.toAgencyId,
          unitId: unitOk ? request.toUnitId : null,
          identityMethod: 'transfer',
          identityVerifiedAt: now,
          identityVerifiedById: decider.id,
        },
      })
      if (moved.count !== 1) throw new AppError(409, 'Pegawai ini tidak lagi terverifikasi di instansi asal; mutasi tidak dapat disetujui.')
      // What they administered in the old agency (HR, units) stays there (decision 037).
      for (const capability of ['hr', 'unit_operator', 'unit_head'] as const) {
        await revokeCapability(tx, decider.id, request.userId, { capability, agencyId: request.fromAgencyId })
      }
    }
    const details = { requestId: request.id, fromAgencyId: request.fromAgencyId, toAgencyId: request.toAgencyId, ...(reason ? { reason } : {}) }
    for (const agencyId of [request.fromAgencyId, request.toAgencyId]) {
      await auditLogCreate(
        { action: approve ? 'transfer.approved' : 'transfer.refused', actorId: decider.id, agencyId, targetType: 'user', targetId: request.userId, details },
        tx,
      )
    }
  })
  return { ok: true, message: approve ? `Mutasi ${request.user.name} disetujui.` : `Mutasi ${request.user.name} ditolak.` }
}

/**
 * What an officer sees on /hr/mutasi: requests they sent (the person's name and masked NIP only
 * until approved) and requests for their own people (full details: the person is theirs).
 */
export async function listTransfersForOfficer(officer: Officer) {
  const select = {
    id: true,
    status: true,
    note: true,
    requestedAt: true,
    decidedAt: true,
    requestedById: true,
    fromAgency: { select: { name: true } },
    toAgency: { select: { name: true } },
    toUnit: { select: { name: true } },
    user: { select: { name: true, nip: true, email: true, unit: { select: { name: true } } } },
  } as const
  const [outgoing, incoming] = await Promise.all([
    db.transferRequest.findMany({ where: { toAgencyId: officer.agencyId }, orderBy: { requestedAt: 'desc' }, take: 100, select }),
    db.transferRequest.findMany({ where: { fromAgencyId: officer.agencyId }, orderBy: { requestedAt: 'desc' }, take: 100, select }),
  ])
  return {
    outgoing: outgoing.map(({ user, ...request }) => ({
      ...request,
      person: { name: user.name, maskedNip: user.nip ? maskNip(user.nip) : '—', email: request.status === 'approved' ? user.email : null },
    })),
    incoming: incoming.map(({ user, ...request }) => ({
      ...request,
      person: { name: user.name, nip: user.nip, email: user.email, unitName: user.unit?.name ?? null },
    })),
  }
}

/** Pending requests across agencies, for the admin's view. */
export async function listPendingTransfersForAdmin() {
  const requests = await db.transferRequest.findMany({
    where: { status: 'pending' },
    orderBy: { requestedAt: 'asc' },
    take: 200,
    select: {
      id: true,
      note: true,
      requestedAt: true,
      fromAgency: { select: { name: true } },
      toAgency: { select: { name: true } },
      toUnit: { select: { name: true } },
      user: { select: { name: true, nip: true } },
    },
  })
  return requests.map(({ user, ...request }) => ({ ...request, person: { name: user.name, maskedNip: user.nip ? maskNip(user.nip) : '—' } }))
}
