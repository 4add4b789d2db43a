import { z } from 'zod'

/**
 * Course settings an admin edits (the HR/admin issue builds the form). Every value has a
 * default, so a fresh install works; stored values are validated on the way in and out.
 */
export const courseSettingsSchema = z.object({
  passMark: z.number().min(50).max(100),
  postTestItems: z.number().int().min(6).max(40),
  preTestItems: z.number().int().min(3).max(20),
  attemptLimit: z.number().int().min(1).max(20),
  attemptWindowHours: z.number().int().min(1).max(24 * 14),
  attemptMinutes: z.number().int().min(5).max(24 * 60),
  jp: z.number().min(0.5).max(40),
  validityMonths: z.number().int().min(1).max(60),
  courseTitle: z.string().min(3).max(200),
  signerName: z.string().min(1).max(200),
  signerTitle: z.string().min(1).max(200),
  /** The signer's 18-digit NIP; '' until the admin sets it (certificates wait for it). */
  signerNip: z.union([z.literal(''), z.string().regex(/^\d{18}$/)]),
  /** The organiser (penyelenggara) named in the SIASN export. */
  organiserName: z.string().min(3).max(200),
  publicBaseUrl: z.url(),
  /** Active reading time a lesson needs, as a share (%) of its estimated minutes; 0 turns it off. */
  minReadingShare: z.number().int().min(0).max(100),
  /** HR and admin sessions end after this long without a request (learners keep 7 days). */
  staffIdleMinutes: z.number().int().min(5).max(8 * 60),
  /** HR and admin sessions end this long after sign-in, however active. */
  staffAbsoluteHours: z.number().int().min(1).max(72),
  /** The retention job clears IP addresses from audit entries older than this (docs/privacy.md). */
  auditIpRetentionDays: z.number().int().min(30).max(3650),
  /** The retention job deletes sent, failed and expired emails older than this; waiting ones stay. */
  outboxRetentionDays: z.number().int().min(7).max(3650),
  /** Raw answers of finished attempts older than this are aggregated, then deleted (decision 047). */
  quizAnswerRetentionYears: z.number().int().min(1).max(30),
  /** Certificates and completion records are anonymised this long after the certificate's validity ends (decision 047). */
  complianceRetentionYears: z.number().int().min(1).max(30),
})

export type CourseSettings = z.infer<typeof courseSettingsSchema>

export const DEFAULT_COURSE_SETTINGS: CourseSettings = {
  passMark: 80,
  postTestItems: 15,
  preTestItems: 6,
  attemptLimit: 3,
  attemptWindowHours: 24,
  attemptMinutes: 60,
  jp: 2,
  validityMonths: 12,
  courseTitle: 'Bijak Bermedia Sosial bagi ASN',
  signerName: 'Kepala Pusat Pengembangan Kompetensi',
  signerTitle: 'Penyelenggara Pelatihan',
  signerNip: '',
  organiserName: 'Penyelenggara Pelatihan',
  publicBaseUrl: 'http://localhost:3000',
  minReadingShare: 30,
  staffIdleMinutes: 30,
  staffAbsoluteHours: 12,
  auditIpRetentionDays: 365,
  outboxRetentionDays: 90,
  quizAnswerRetentionYears: 5,
  complianceRetentionYears: 5,
}

/** Stored rows (key → JSON text) over the defaults; a bad stored value falls back to its default. */
export function resolveSettings(rows: readonly { key: string; value: string }[], defaults = DEFAULT_COURSE_SETTINGS): CourseSettings {
  const merged: Record<string, unknown> = { ...defaults }
  for (const row of rows) {
    if (!(row.key in defaults)) continue
    const field = courseSettingsSchema.shape[row.key as keyof CourseSettings]
    try {
      const parsed = field.safeParse(JSON.parse(row.value))
      if (parsed.success) merged[row.key] = parsed.data
    } catch {
      // keep the default
    }
  }
  return merged as CourseSettings
}
