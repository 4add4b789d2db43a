/**
 * Input of a name correction ("Data saya" → HR), validated with zod; messages in Bahasa
 * Indonesia. No database here (decision 043).
 */
import { z } from 'zod'
import { fullNameSchema } from '@/lib/accounts/registration-schema'

export const CORRECTION_REASON_MIN = 5
export const CORRECTION_REASON_MAX = 500

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message)

/** The person's request: the name as it should be printed, and why (e.g. "sesuai SK CPNS"). */
export const nameCorrectionRequestSchema = z.object({
  name: fullNameSchema,
  reason: z
    .string({ error: 'Tulis alasan koreksi nama.' })
    .trim()
    .min(CORRECTION_REASON_MIN, `Tulis alasan koreksi nama (minimal ${CORRECTION_REASON_MIN} karakter), misalnya dokumen yang menjadi dasar.`)
    .max(CORRECTION_REASON_MAX, `Alasan paling panjang ${CORRECTION_REASON_MAX} karakter.`),
})
export type NameCorrectionRequestInput = z.infer<typeof nameCorrectionRequestSchema>

/** HR's decision: approve, or reject with a reason the person will read. */
export const nameCorrectionDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('setujui'), requestId: id('Permintaan tidak valid.') }),
    z.object({
      decision: z.literal('tolak'),
      requestId: id('Permintaan tidak valid.'),
      reason: z
        .string({ error: 'Tulis alasan penolakan koreksi nama.' })
        .trim()
        .min(CORRECTION_REASON_MIN, `Tulis alasan penolakan koreksi nama (minimal ${CORRECTION_REASON_MIN} karakter).`)
        .max(CORRECTION_REASON_MAX, `Alasan paling panjang ${CORRECTION_REASON_MAX} karakter.`),
    }),
  ],
  { error: 'Pilih setujui atau tolak.' },
)
export type NameCorrectionDecision = z.infer<typeof nameCorrectionDecisionSchema>

/** The same name for the purpose of a correction: only spaces and Unicode form differ. */
export function sameNameAsPrinted(a: string, b: string): boolean {
  const plain = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim()
  return plain(a) === plain(b)
}

export const NAME_CORRECTION_STATUS_LABELS = {
  pending: 'menunggu keputusan',
  approved: 'disetujui',
  rejected: 'ditolak',
} as const satisfies Record<'pending' | 'approved' | 'rejected', string>
