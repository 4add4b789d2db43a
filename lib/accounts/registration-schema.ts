import { z } from 'zod'
import { checkNip } from '@/lib/identity/nip'
import { EMPLOYMENT_TYPES } from '@/lib/vocabulary/employment-types'
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './registration-constants'

// Control characters, and characters no name needs that break layouts and exports.
const FORBIDDEN_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f<>{}\\|^~`$=_@#*\u200b-\u200f\u2028-\u202e]/u
const EMOJI = /\p{Extended_Pictographic}/u

/** A person's full name with titles, exactly as typed (only trimmed at the ends). */
export const fullNameSchema = z
  .string({ error: 'Nama lengkap wajib diisi.' })
  .trim()
  .min(1, 'Nama lengkap wajib diisi.')
  .max(NAME_MAX_LENGTH, `Nama lengkap paling panjang ${NAME_MAX_LENGTH} karakter.`)
  .refine((name) => /\p{L}/u.test(name), 'Nama lengkap harus berisi huruf.')
  .refine(
    (name) => !FORBIDDEN_NAME_CHARACTERS.test(name) && !EMOJI.test(name),
    'Nama hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung (gelar boleh ditulis).',
  )

export const emailSchema = z
  .string({ error: 'Email wajib diisi.' })
  .trim()
  .min(1, 'Email wajib diisi.')
  .max(254, 'Email terlalu panjang.')
  .pipe(z.email('Format email tidak valid (contoh: nama@instansi.go.id).'))
  .transform((email) => email.toLowerCase())

export const passwordSchema = z
  .string({ error: 'Kata sandi wajib diisi.' })
  .min(PASSWORD_MIN_LENGTH, `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`)
  .max(PASSWORD_MAX_LENGTH, `Kata sandi paling panjang ${PASSWORD_MAX_LENGTH} karakter.`)
  .refine(
    (password) => /\p{L}/u.test(password) && /[^\p{L}]/u.test(password),
    'Kata sandi harus memuat huruf dan setidaknya satu angka atau simbol.',
  )

export const registrationSchema = z
  .object({
    name: fullNameSchema,
    nip: z.string({ error: 'NIP wajib diisi.' }),
    employmentType: z.enum(EMPLOYMENT_TYPES, { error: 'Pilih jenis kepegawaian: PNS, CPNS atau PPPK.' }),
    agencyId: z.string({ error: 'Pilih instansi.' }).min(1, 'Pilih instansi.'),
    unitId: z.string({ error: 'Pilih unit kerja.' }).min(1, 'Pilih unit kerja.'),
    email: emailSchema,
    password: passwordSchema,
    passwordConfirm: z.string({ error: 'Ulangi kata sandi.' }),
  })
  .superRefine((value, ctx) => {
    const nipResult = checkNip(value.nip, value.employmentType)
    if (!nipResult.ok) ctx.addIssue({ code: 'custom', path: ['nip'], message: nipResult.message })
    if (value.password !== value.passwordConfirm) {
      ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Ulangan kata sandi tidak sama.' })
    }
  })

export type RegistrationInput = z.infer<typeof registrationSchema>

/**
 * NIP + a one-time code from HR + a new password, typed twice: claiming an imported account
 * (activation code) and redeeming a password-reset code ask for exactly this.
 */
export function nipCodeAndPasswordSchema(codeName: string) {
  return z
    .object({
      nip: z.string({ error: 'Isi NIP / NI PPPK Anda.' }).trim().regex(/^\d{18}$/, 'NIP / NI PPPK harus 18 angka tanpa spasi.'),
      code: z
        .string({ error: `Isi ${codeName} dari admin kepegawaian.` })
        .trim()
        .min(10, `Isi ${codeName} dari admin kepegawaian (10 karakter).`)
        .max(20, `${codeName[0]!.toUpperCase()}${codeName.slice(1)} tidak valid.`),
      password: passwordSchema,
      passwordConfirm: z.string({ error: 'Ulangi kata sandi baru.' }),
    })
    .refine((value) => value.password === value.passwordConfirm, { path: ['passwordConfirm'], message: 'Ulangan kata sandi tidak sama.' })
}
