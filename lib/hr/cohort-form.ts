import { z } from 'zod'

/** A new cohort: onboarding of an intake year, or the refresher of a year, with a due date. */
export const cohortFormSchema = z
  .object({
    kind: z.enum(['onboarding', 'refresher'], { error: 'Pilih jenis: orientasi atau penyegaran.' }),
    year: z.coerce.number({ error: 'Tahun harus angka.' }).int('Tahun harus angka.').min(2020, 'Tahun paling awal 2020.').max(2100, 'Tahun tidak masuk akal.'),
    name: z.string().trim().min(3, 'Nama kelompok minimal 3 karakter.').max(120, 'Nama kelompok paling panjang 120 karakter.'),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Isi tenggat dengan tanggal.'),
  })
  .transform((value) => ({ ...value, dueDate: new Date(`${value.dueDate}T23:59:59+07:00`) }))

/** Who to assign: everyone in the agency, those in no cohort yet, one unit, or a list of NIPs. */
export const assignFormSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('semua') }),
  z.object({ target: z.literal('tanpa-kelompok') }),
  z.object({ target: z.literal('unit'), unitId: z.string().min(1, 'Pilih unit kerja.') }),
  z.object({
    target: z.literal('nip'),
    nips: z
      .string()
      .transform((text) => [...new Set(text.split(/[\s,;]+/).filter(Boolean))])
      .pipe(z.array(z.string().regex(/^\d{18}$/, 'Setiap NIP harus 18 angka.')).min(1, 'Tulis paling sedikit satu NIP.').max(5000)),
  }),
])

/** "Hentikan" on a running assignment (decision 049). */
export const cancelAssignmentFormSchema = z.object({
  jobId: z.string({ error: 'Penetapan tidak dikenal.' }).min(1, 'Penetapan tidak dikenal.').max(64, 'Penetapan tidak dikenal.'),
})

/** The cycle an enrolment belongs to: at most one cohort and one certificate per person per cycle. */
export function cycleKeyOf(kind: 'onboarding' | 'refresher', year: number): string {
  return kind === 'onboarding' ? 'onboarding' : `refresher-${year}`
}

/** The cohort for self-registered people: a cohort id, or '' for none. */
export const selfEnrolCohortFormSchema = z.object({
  selfEnrolCohortId: z
    .string({ error: 'Pilih kelompok.' })
    .trim()
    .max(64, 'Pilih kelompok dari daftar.')
    .transform((id) => id || null),
})

/** "Jeda pengingat" / "Lanjutkan pengingat" for one cohort's due-date reminders (decision 036). */
export const cohortRemindersFormSchema = z.object({
  cohortId: z.string({ error: 'Pilih kelompok.' }).trim().min(1, 'Pilih kelompok.').max(64, 'Pilih kelompok dari daftar.'),
  pengingat: z.enum(['jeda', 'lanjut'], { error: 'Pilih: jeda atau lanjutkan pengingat.' }),
})

/** One cohort chosen by id: "Kirim undangan" (decision 036), "Kirim pengingat" (decision 037). */
export const cohortChoiceFormSchema = z.object({
  cohortId: z.string({ error: 'Pilih kelompok.' }).trim().min(1, 'Pilih kelompok.').max(64, 'Pilih kelompok dari daftar.'),
})
