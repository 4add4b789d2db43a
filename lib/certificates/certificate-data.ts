import { z } from 'zod'
import { EMPLOYMENT_TYPES, nipLabel } from '@/lib/vocabulary/employment-types'
import { isCertificateNumber } from './certificate-number'
import { isWellFormedVerificationCode } from './verification-code'

/**
 * Everything printed on one certificate. Text is printed exactly as given
 * (names keep their academic and religious titles); the renderer only
 * replaces characters its font cannot draw.
 *
 * Length caps are what the layout is tested to fit (see render tests).
 */

export const CERTIFICATE_TEXT_LIMITS = {
  name: 200,
  agencyName: 250,
  unitName: 200,
  courseTitle: 120,
  contentVersion: 40,
  contentEdition: 60,
  cohortLabel: 80,
  signerName: 120,
  signerTitle: 160,
  issuedPlace: 60,
} as const

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')

const validDate = z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date')

export const certificateDataSchema = z
  .object({
    /** Full name exactly as registered, titles included. */
    name: text(CERTIFICATE_TEXT_LIMITS.name),
    /** NIP (PNS/CPNS) or NI PPPK: 18 digits. */
    nip: z.string().regex(/^\d{18}$/, 'must be 18 digits'),
    employmentType: z.enum(EMPLOYMENT_TYPES),
    agencyName: text(CERTIFICATE_TEXT_LIMITS.agencyName),
    unitName: text(CERTIFICATE_TEXT_LIMITS.unitName),
    courseTitle: text(CERTIFICATE_TEXT_LIMITS.courseTitle),
    /** Version of the content the learner took, e.g. "2026.1". */
    contentVersion: text(CERTIFICATE_TEXT_LIMITS.contentVersion),
    /**
     * The readable content edition, e.g. "2026.1, 21 November 2026" (content/edition.yaml);
     * printed instead of contentVersion when given (older certificates have none).
     */
    contentEdition: text(CERTIFICATE_TEXT_LIMITS.contentEdition).optional(),
    /** The cohort's name as HR called it, e.g. "Orientasi ASN dan P3K 2026". */
    cohortLabel: text(CERTIFICATE_TEXT_LIMITS.cohortLabel),
    /** Post-test score, 0–100. */
    score: z.number().finite().min(0).max(100),
    completedAt: validDate,
    validUntil: validDate,
    /** Jam pelajaran credited. */
    jp: z.number().finite().positive().max(100),
    /** Human-readable number, `BBS/2026/000123`. */
    number: z.string().refine(isCertificateNumber, 'must look like BBS/2026/000123'),
    verificationCode: z.string().refine(isWellFormedVerificationCode, 'malformed verification code'),
    /** Absolute URL that the QR code opens: `<public base>/verify/<code>`. */
    verifyUrl: z.url({ protocol: /^https?$/ }),
    signerName: text(CERTIFICATE_TEXT_LIMITS.signerName),
    signerTitle: text(CERTIFICATE_TEXT_LIMITS.signerTitle),
    /** The signer's NIP, printed under the name (certificates issued before it was a setting have none). */
    signerNip: z.string().regex(/^\d{18}$/, 'must be 18 digits').optional(),
    issuedAt: validDate,
    /** Set on a revoked certificate: the copy is stamped "DICABUT" with this date. */
    revokedAt: validDate.optional(),
    /** Place printed before the signing date ("Jakarta, 21 November 2026"). */
    issuedPlace: text(CERTIFICATE_TEXT_LIMITS.issuedPlace).default('Jakarta'),
  })
  .refine((d) => d.verifyUrl.endsWith(`/verify/${d.verificationCode}`), {
    message: 'verifyUrl must end with /verify/<verificationCode>',
    path: ['verifyUrl'],
  })
  .refine((d) => d.validUntil.getTime() > d.completedAt.getTime(), {
    message: 'validUntil must be after completedAt',
    path: ['validUntil'],
  })

/** Validated certificate data (issuedPlace filled in). */
export type CertificateData = z.output<typeof certificateDataSchema>
/** What callers pass in (issuedPlace optional). */
export type CertificateDataInput = z.input<typeof certificateDataSchema>

/** The label printed before the NIP: "NIP" for PNS/CPNS, "NI PPPK" for PPPK (the vocabulary's `nipLabel`). */
export const employeeIdLabel = nipLabel
