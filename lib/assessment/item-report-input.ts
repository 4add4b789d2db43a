/**
 * Input of "Laporkan soal ini" (a learner questions an item) and of the admin's decision on a
 * questioned item (issue 17, decision 035), validated with zod; messages in Bahasa Indonesia.
 * No database here.
 */
import { z } from 'zod'

export const REPORT_REASON_MIN = 10
export const REPORT_REASON_MAX = 1000
export const DECISION_NOTE_MIN = 5
export const DECISION_NOTE_MAX = 1000

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message)

/** An empty select ("Tidak tahu") is no suggestion. */
const optionalId = z
  .string()
  .trim()
  .max(100, 'Pilihan yang Anda sarankan tidak valid.')
  .optional()
  .transform((value) => (value ? value : undefined))

export const itemReportSchema = z.object({
  attemptId: id('Percobaan tidak valid.'),
  itemId: id('Soal tidak valid.'),
  reason: z
    .string({ error: 'Tuliskan mengapa soal ini menurut Anda keliru.' })
    .trim()
    .min(REPORT_REASON_MIN, `Tuliskan mengapa soal ini menurut Anda keliru (minimal ${REPORT_REASON_MIN} karakter).`)
    .max(REPORT_REASON_MAX, `Alasan paling panjang ${REPORT_REASON_MAX} karakter.`),
  suggestedOptionId: optionalId,
})
export type ItemReportInput = z.output<typeof itemReportSchema>

/**
 * What the admin decides about a questioned item, with every undecided report of it:
 * - `tinjau`: under review (left out of new draws at once);
 * - `tarik`: withdrawn as defective (out of draws and of every score; attempts re-scored);
 * - `koreksi`: the wording was corrected in the bank file (content/); the note says how;
 * - `tolak`: the reports are dismissed; the reply says why.
 * The note is shown to the learners who reported the item.
 */
export const ITEM_DECISIONS = ['tinjau', 'tarik', 'koreksi', 'tolak'] as const
export type ItemDecision = (typeof ITEM_DECISIONS)[number]

const note = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(DECISION_NOTE_MIN, `${required} (minimal ${DECISION_NOTE_MIN} karakter).`)
    .max(DECISION_NOTE_MAX, `Catatan paling panjang ${DECISION_NOTE_MAX} karakter.`)
const optionalNote = z
  .string()
  .trim()
  .max(DECISION_NOTE_MAX, `Catatan paling panjang ${DECISION_NOTE_MAX} karakter.`)
  .optional()
  .transform((value) => (value ? value : undefined))

const itemId = id('Soal tidak valid.')

export const itemDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('tinjau'), itemId, note: optionalNote }),
    z.object({ decision: z.literal('tarik'), itemId, note: optionalNote }),
    z.object({ decision: z.literal('koreksi'), itemId, note: note('Tuliskan apa yang diperbaiki pada soal') }),
    z.object({ decision: z.literal('tolak'), itemId, note: note('Tuliskan balasan untuk pelapor') }),
  ],
  { error: 'Pilih keputusan: tinjau, tarik, koreksi, atau tolak laporan.' },
)
/** What the schema gives (a note is optional to review or withdraw). */
export type ItemDecisionInput =
  | { decision: 'tinjau' | 'tarik'; itemId: string; note?: string | undefined }
  | { decision: 'koreksi' | 'tolak'; itemId: string; note: string }
