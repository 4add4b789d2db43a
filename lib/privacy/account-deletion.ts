import { z } from 'zod'

/** What the person types to confirm, so a stray click or a borrowed browser cannot do it. */
export const DELETION_PHRASE = 'HAPUS AKUN SAYA'

/** The name a deleted account keeps (its row anchors the kept compliance records and counts). */
export const DELETED_ACCOUNT_NAME = 'Akun dihapus'

export const accountDeletionSchema = z.object({
  password: z.string({ error: 'Isi kata sandi Anda.' }).min(1, 'Isi kata sandi Anda.').max(200, 'Kata sandi terlalu panjang.'),
  confirmation: z
    .string({ error: `Ketik ${DELETION_PHRASE} untuk mengonfirmasi.` })
    .transform((value) => value.trim().toUpperCase())
    .refine((value) => value === DELETION_PHRASE, `Ketik ${DELETION_PHRASE} persis untuk mengonfirmasi.`),
})

export type AccountDeletionInput = z.infer<typeof accountDeletionSchema>

/** The address a deleted account is left with: unique, undeliverable (RFC 2606 ".invalid"). */
export const deletedEmailOf = (userId: string) => `dihapus-${userId}@akun-dihapus.invalid`
