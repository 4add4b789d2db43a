import { z } from 'zod'

/** HR appoints someone of their agency as operator or head of one of its units (decision 037). */
export const appointUnitStaffSchema = z.object({
  person: z
    .string({ error: 'Tulis NIP atau email pegawai.' })
    .trim()
    .min(3, 'Tulis NIP (18 angka) atau email pegawai.')
    .max(254, 'NIP atau email terlalu panjang.')
    .transform((text) => text.replace(/\s/g, '').toLowerCase()),
  unitId: z.string({ error: 'Pilih unit kerja.' }).trim().min(1, 'Pilih unit kerja.').max(64, 'Pilih unit kerja dari daftar.'),
  capability: z.enum(['unit_operator', 'unit_head'], { error: 'Pilih peran: operator unit atau pimpinan unit.' }),
})

export const removeUnitStaffSchema = z.object({
  grantId: z.string({ error: 'Penunjukan tidak dikenal.' }).trim().min(1, 'Penunjukan tidak dikenal.').max(64, 'Penunjukan tidak dikenal.'),
})
