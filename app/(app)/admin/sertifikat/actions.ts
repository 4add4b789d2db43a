'use server'

import { revalidatePath } from 'next/cache'
import { requireRole } from '@/lib/auth/session.server'
import { revokeCertificate } from '@/lib/certificates/certificates.server'
import { parseRevokeInput, type RevokeFieldErrors } from '@/lib/certificates/revoke-input'

export type RevokeState = { error?: string; fieldErrors?: RevokeFieldErrors; reason?: string; done?: string } | null

// Checks the role itself: a server action can be called without the page. Works without
// JavaScript too (a plain form POST; the page renders the returned state).
export async function revokeCertificateAction(_previous: RevokeState, formData: FormData): Promise<RevokeState> {
  const admin = await requireRole(['admin'], '/admin/sertifikat')
  const typedReason = formData.get('reason')
  const parsed = parseRevokeInput({ certificateId: formData.get('certificateId'), reason: typedReason, confirm: formData.get('confirm') })
  const reason = typeof typedReason === 'string' ? typedReason.slice(0, 500) : ''
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors, reason }
  const revoked = await revokeCertificate(admin.id, parsed.input.certificateId, parsed.input.reason)
  if (!revoked) return { error: 'Sertifikat tidak ditemukan.' }
  revalidatePath('/admin/sertifikat')
  return { done: `Sertifikat ${revoked.number} dicabut.` }
}
