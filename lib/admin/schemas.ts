import { z } from 'zod'
import { emailDomainSchema } from '@/lib/accounts/email-domain'

/** Collapses runs of whitespace and trims: "  Dinas   Kominfo " → "Dinas Kominfo". */
export function normaliseName(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

const id = (message: string) => z.preprocess(text, z.string().trim().min(1, message).max(100, message))

export const AGENCY_CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/

/** An agency code: typed in any case, stored in capitals. */
export const agencyCodeSchema = z.preprocess(
  (value) => text(value).trim().toUpperCase(),
  z
    .string()
    .min(1, 'Isi kode instansi.')
    .min(2, 'Kode instansi minimal 2 karakter.')
    .max(30, 'Kode instansi paling panjang 30 karakter.')
    .regex(AGENCY_CODE_PATTERN, 'Kode hanya boleh berisi huruf kapital, angka dan tanda hubung (mis. PEMKOT-BDG), tanpa spasi.'),
)

export const agencyNameSchema = z.preprocess(
  (value) => normaliseName(text(value)),
  z.string().min(1, 'Isi nama instansi.').min(3, 'Nama instansi minimal 3 karakter.').max(200, 'Nama instansi paling panjang 200 karakter.'),
)

export const unitNameSchema = z.preprocess(
  (value) => normaliseName(text(value)),
  z.string().min(1, 'Isi nama unit kerja.').min(2, 'Nama unit kerja minimal 2 karakter.').max(200, 'Nama unit kerja paling panjang 200 karakter.'),
)

export const createAgencySchema = z.object({ code: agencyCodeSchema, name: agencyNameSchema })
export const renameAgencySchema = z.object({ agencyId: id('Instansi tidak dikenal.'), name: agencyNameSchema })
export const createUnitSchema = z.object({ agencyId: id('Instansi tidak dikenal.'), name: unitNameSchema })
export const renameUnitSchema = z.object({ unitId: id('Unit kerja tidak dikenal.'), name: unitNameSchema })
export const deleteUnitSchema = z.object({ unitId: id('Unit kerja tidak dikenal.') })
export const agencyEmailDomainSchema = z.object({ agencyId: id('Instansi tidak dikenal.'), domain: emailDomainSchema })

/** The search box on /admin/pengguna: an email (or part of one) or a NIP (or its digits). */
export const userQuerySchema = z.preprocess(
  (value) => text(value).trim(),
  z.string().min(3, 'Tulis minimal 3 karakter email atau NIP.').max(100, 'Pencarian paling panjang 100 karakter.'),
)

export const appointHrSchema = z.object({
  userId: id('Pengguna tidak dikenal.'),
  agencyId: id('Pilih instansi yang akan dikelola.'),
})

export const removeHrSchema = z.object({ userId: id('Pengguna tidak dikenal.') })

export const disableUserSchema = z.object({
  userId: id('Pengguna tidak dikenal.'),
  reason: z
    .string({ error: 'Tulis alasan menonaktifkan akun ini.' })
    .trim()
    .min(3, 'Tulis alasan menonaktifkan akun ini (minimal 3 karakter).')
    .max(300, 'Alasan paling panjang 300 karakter.'),
})

export const enableUserSchema = z.object({ userId: id('Pengguna tidak dikenal.') })

/** Same name regardless of case and spacing, for the "unique within the agency" rule. */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a).toLocaleLowerCase('id-ID') === normaliseName(b).toLocaleLowerCase('id-ID')
}
