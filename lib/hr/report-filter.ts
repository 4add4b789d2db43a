import { z } from 'zod'
import { EMPLOYMENT_TYPES } from '@/lib/vocabulary/employment-types'
import { ENROLMENT_STATUSES, IDENTITY_STATUSES } from '@/lib/vocabulary/statuses'

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus TTTT-BB-HH.')
  .optional()
  .or(z.literal('').transform(() => undefined))

/** The `kelompok` value that asks for every cohort of the agency. */
export const ALL_COHORTS = 'semua'

const optionalText = z.string().max(64).optional().or(z.literal('').transform(() => undefined))

/**
 * The filter of every HR report (query parameters): one cohort (or all), and optionally a unit,
 * an employment type, a status, an identity status, a range of completion dates (WIB days,
 * inclusive), and for the SIASN export whether unverified identities are included.
 */
export const reportFilterSchema = z
  .object({
    // A cohort id, or "semua" for every cohort of the agency.
    kelompok: z.string({ error: 'Pilih kelompok.' }).min(1, 'Pilih kelompok.').max(64),
    unit: optionalText,
    jenis: z.enum(EMPLOYMENT_TYPES).optional().or(z.literal('').transform(() => undefined)),
    status: z.enum(ENROLMENT_STATUSES).optional().or(z.literal('').transform(() => undefined)),
    identitas: z
      .enum(IDENTITY_STATUSES, { error: 'Status identitas tidak dikenal.' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    // The SIASN export leaves out unverified identities unless HR ticks this (decisions.md).
    'semua-identitas': z.literal('ya', { error: 'Pilihan identitas tidak dikenal.' }).optional().or(z.literal('').transform(() => undefined)),
    dari: date,
    sampai: date,
    // csv: plain, for systems that import CSV (SIASN upload); csv-excel: for Excel/LibreOffice
    // (NIP kept as text, decision 016); xlsx.
    format: z.enum(['csv', 'csv-excel', 'xlsx'], { error: 'Format tidak dikenal.' }).default('csv'),
    pemisah: z.enum(['koma', 'titik-koma']).default('titik-koma'),
  })
  .transform((value) => ({
    /** Undefined: every cohort of the agency. */
    cohortId: value.kelompok === ALL_COHORTS ? undefined : value.kelompok,
    unitId: value.unit,
    employmentType: value.jenis,
    status: value.status,
    identityStatus: value.identitas,
    includeUnverified: value['semua-identitas'] === 'ya',
    completedFrom: value.dari ? new Date(`${value.dari}T00:00:00+07:00`) : undefined,
    completedTo: value.sampai ? new Date(`${value.sampai}T23:59:59.999+07:00`) : undefined,
    format: value.format === 'xlsx' ? ('xlsx' as const) : ('csv' as const),
    /** The CSV variant for a person opening it in a spreadsheet (decision 016). */
    spreadsheet: value.format === 'csv-excel',
    delimiter: value.pemisah === 'koma' ? (',' as const) : (';' as const),
  }))

export type ReportFilter = z.output<typeof reportFilterSchema>
