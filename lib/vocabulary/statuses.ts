/**
 * The words every page, report and export uses for a status. Each status exists once, as a
 * list of values and its labels; the rules that decide a status live with their domain
 * (lib/hr/enrolment-status.ts, lib/certificates/certificate-status.ts) and use these types.
 * Pure: no framework imports. Label maps of the schema's enums are typed by the generated enum, so
 * a value added to the schema fails the typecheck until it has a label.
 */

import type { Capability, CohortKind, QuizKind, TransferStatus } from '@/lib/db/generated/sqlite/enums'

/**
 * The status of one person in one cohort (decided by lib/hr/enrolment-status.ts):
 *   lulus        passed the post-test of this enrolment
 *   terlambat    not passed, and the due date has passed
 *   sedang       started (a lesson done or a quiz attempt), not passed, not overdue
 *   belum-mulai  nothing yet
 */
export const ENROLMENT_STATUSES = ['belum-mulai', 'sedang', 'lulus', 'terlambat'] as const
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]

export const ENROLMENT_STATUS_LABELS: Readonly<Record<EnrolmentStatus, string>> = {
  'belum-mulai': 'Belum mulai',
  sedang: 'Sedang belajar',
  lulus: 'Lulus',
  terlambat: 'Terlambat',
}

/** A person of the agency in no cohort yet (the people list only; never an enrolment's status). */
export const UNASSIGNED = 'belum-ditugaskan'
export type PersonStatus = EnrolmentStatus | typeof UNASSIGNED

export const PERSON_STATUS_LABELS: Readonly<Record<PersonStatus, string>> = { ...ENROLMENT_STATUS_LABELS, [UNASSIGNED]: 'Belum ditugaskan' }

export const PERSON_STATUSES = Object.keys(PERSON_STATUS_LABELS) as PersonStatus[]

export function isPersonStatus(value: unknown): value is PersonStatus {
  return typeof value === 'string' && (PERSON_STATUSES as string[]).includes(value)
}

/**
 * Whose NIP is it (decisions.md, "Identity and evidence"). A NIP is verified only by the
 * agency's roster (NIP and a matching name) or an HR officer's confirmation; a self-registered
 * NIP is claimed.
 */
export const IDENTITY_STATUSES = ['claimed', 'verified', 'rejected'] as const
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number]

export const IDENTITY_STATUS_LABELS: Readonly<Record<IdentityStatus, string>> = {
  claimed: 'Belum diverifikasi',
  verified: 'Terverifikasi',
  rejected: 'Klaim ditolak',
}

/** How a verified NIP was verified (User.identityMethod). */
export const IDENTITY_METHOD_LABELS: Readonly<Record<string, string>> = {
  roster: 'cocok dengan daftar pegawai instansi',
  hr: 'dikonfirmasi admin kepegawaian',
  import: 'didaftarkan oleh instansi',
  transfer: 'dipindahkan (mutasi) antarinstansi',
}

/** An unknown or missing status reads as claimed: never as verified. */
export function identityStatusLabel(status: string | null | undefined): string {
  return IDENTITY_STATUS_LABELS[(status ?? 'claimed') as IdentityStatus] ?? IDENTITY_STATUS_LABELS.claimed
}

export function isIdentityStatus(value: unknown): value is IdentityStatus {
  return typeof value === 'string' && (IDENTITY_STATUSES as readonly string[]).includes(value)
}

/** A certificate's validity (decided by lib/certificates/certificate-status.ts). */
export const CERTIFICATE_STATUSES = ['berlaku', 'kedaluwarsa', 'dicabut'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]

export const CERTIFICATE_STATUS_LABELS: Readonly<Record<CertificateStatus, string>> = {
  berlaku: 'Berlaku',
  kedaluwarsa: 'Kedaluwarsa',
  dicabut: 'Dicabut',
}

/** What a grant lets a person do (the schema's `Capability`; every account is also a learner). */
export const CAPABILITY_LABELS: Readonly<Record<Capability, string>> = {
  admin: 'Admin platform',
  hr: 'Admin kepegawaian',
  unit_operator: 'Operator unit',
  unit_head: 'Pimpinan unit',
}

/** Mutasi requests (the schema's `TransferStatus`). */
export const TRANSFER_STATUS_LABELS: Readonly<Record<TransferStatus, string>> = {
  pending: 'Menunggu keputusan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  cancelled: 'Dibatalkan',
}

/** Cohorts (the schema's `CohortKind`). */
export const COHORT_KIND_LABELS: Readonly<Record<CohortKind, string>> = {
  onboarding: 'Orientasi',
  refresher: 'Penyegaran',
}

/** Tests (the schema's `QuizKind`). */
export const QUIZ_KIND_LABELS: Readonly<Record<QuizKind, string>> = {
  pretest: 'Uji awal',
  posttest: 'Uji akhir',
}
