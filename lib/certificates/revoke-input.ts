import { z } from 'zod'

/**
 * The admin's revocation form: which certificate, why (kept internal: the audit log, HR and
 * admins see it; /verify does not), and an explicit confirmation. Messages in Bahasa Indonesia.
 */
export const revokeInputSchema = z.object({
  certificateId: z.string().min(1, 'Sertifikat tidak ditemukan.').max(64, 'Sertifikat tidak ditemukan.'),
  reason: z
    .string({ error: 'Tulis alasan pencabutan (minimal 5 karakter).' })
    .trim()
    .min(5, 'Tulis alasan pencabutan (minimal 5 karakter).')
    .max(500, 'Alasan paling panjang 500 karakter.'),
  confirm: z.literal('ya', { error: 'Centang konfirmasi bahwa sertifikat ini memang akan dicabut.' }),
})

export type RevokeInput = z.infer<typeof revokeInputSchema>
export type RevokeFieldErrors = Partial<Record<keyof RevokeInput, string>>

export function parseRevokeInput(raw: { certificateId: unknown; reason: unknown; confirm: unknown }):
  | { ok: true; input: RevokeInput }
  | { ok: false; fieldErrors: RevokeFieldErrors } {
  const parsed = revokeInputSchema.safeParse(raw)
  if (parsed.success) return { ok: true, input: parsed.data }
  const fieldErrors: RevokeFieldErrors = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof RevokeInput
    fieldErrors[key] ??= issue.message
  }
  return { ok: false, fieldErrors }
}
