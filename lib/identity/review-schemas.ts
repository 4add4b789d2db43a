/**
 * Input of the identity review queue ("Verifikasi peserta") and of mutasi requests, validated
 * with zod; messages in Bahasa Indonesia. No database here.
 */
import { z } from 'zod'

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message)

export const REJECTION_REASON_MIN = 5
export const REJECTION_REASON_MAX = 500

export const rejectionReasonSchema = z
  .string({ error: 'Tulis alasan penolakan klaim.' })
  .trim()
  .min(REJECTION_REASON_MIN, `Tulis alasan penolakan klaim (minimal ${REJECTION_REASON_MIN} karakter).`)
  .max(REJECTION_REASON_MAX, `Alasan paling panjang ${REJECTION_REASON_MAX} karakter.`)

export const confirmClaimSchema = z.object({ userId: id('Peserta tidak valid.') })
export const rejectClaimSchema = z.object({ userId: id('Peserta tidak valid.'), reason: rejectionReasonSchema })

export const transferRequestSchema = z.object({
  nip: z
    .string({ error: 'Isi NIP / NI PPPK pegawai.' })
    .trim()
    .regex(/^\d{18}$/, 'NIP / NI PPPK harus 18 angka tanpa spasi.'),
  unitId: id('Pilih unit kerja tujuan di instansi Anda.'),
  note: z
    .string({ error: 'Isi rujukan (misalnya nomor SK mutasi).' })
    .trim()
    .min(3, 'Isi rujukan (misalnya nomor SK mutasi), minimal 3 karakter.')
    .max(300, 'Rujukan paling panjang 300 karakter.'),
})

export const transferDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('setujui'), requestId: id('Permintaan tidak valid.') }),
  z.object({
    decision: z.literal('tolak'),
    requestId: id('Permintaan tidak valid.'),
    reason: z
      .string({ error: 'Tulis alasan penolakan mutasi.' })
      .trim()
      .min(REJECTION_REASON_MIN, `Tulis alasan penolakan mutasi (minimal ${REJECTION_REASON_MIN} karakter).`)
      .max(REJECTION_REASON_MAX, `Alasan paling panjang ${REJECTION_REASON_MAX} karakter.`),
  }),
], { error: 'Pilih setujui atau tolak.' })

/** The most HR may decide in one import (the decisions travel in one request header). */
export const MAX_CONFLICT_DECISIONS = 200

/**
 * HR's decisions for a roster's conflicts, as the import request carries them in the
 * `X-Conflict-Decisions` header: `<nip>=konfirmasi;<nip>=tolak;…` (compact: 200 decisions stay
 * well under the server's header limit).
 */
export const conflictDecisionsSchema = z
  .string()
  .max(MAX_CONFLICT_DECISIONS * 32, `Paling banyak ${MAX_CONFLICT_DECISIONS} keputusan konflik per impor.`)
  .transform((text, ctx) => {
    const decisions = new Map<string, 'konfirmasi' | 'tolak'>()
    for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
      const match = /^(\d{18})=(konfirmasi|tolak)$/.exec(part)
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'Keputusan konflik tidak valid: gunakan "konfirmasi" atau "tolak" per NIP.' })
        return z.NEVER
      }
      if (decisions.has(match[1]!)) {
        ctx.addIssue({ code: 'custom', message: `Keputusan untuk NIP ${match[1]} dikirim dua kali.` })
        return z.NEVER
      }
      decisions.set(match[1]!, match[2] as 'konfirmasi' | 'tolak')
    }
    if (decisions.size > MAX_CONFLICT_DECISIONS) {
      ctx.addIssue({ code: 'custom', message: `Paling banyak ${MAX_CONFLICT_DECISIONS} keputusan konflik per impor.` })
      return z.NEVER
    }
    return decisions
  })

export function formatConflictDecisions(decisions: Iterable<[string, 'konfirmasi' | 'tolak']>): string {
  return [...decisions].map(([nip, decision]) => `${nip}=${decision}`).join(';')
}
