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
