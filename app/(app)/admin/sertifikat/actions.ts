'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { requireRole } from '@/lib/auth/session.server'
import { revokeCertificate } from '@/lib/certificates/certificates.server'

export type RevokeState = { error?: string; done?: string } | null

const revokeSchema = z.object({
  certificateId: z.string().min(1),
  reason: z.string().trim().min(5, 'Tulis alasan pencabutan (minimal 5 karakter).').max(500, 'Alasan paling panjang 500 karakter.'),
})

export async function revokeCertificateAction(_previous: RevokeState, formData: FormData): Promise<RevokeState> {
  const admin = await requireRole(['admin'], '/admin/sertifikat')
  const parsed = revokeSchema.safeParse({ certificateId: formData.get('certificateId'), reason: formData.get('reason') })
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Isian tidak valid.' }
  const revoked = await revokeCertificate(admin.id, parsed.data.certificateId, parsed.data.reason)
  if (!revoked) return { error: 'Sertifikat tidak ditemukan.' }
  revalidatePath('/admin/sertifikat')
  return { done: `Sertifikat ${revoked.number} dicabut.` }
}
