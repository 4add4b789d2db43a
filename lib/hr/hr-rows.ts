import type { CompletionRow } from '@/lib/reports/completion-report'
import type { CertificateStatus } from '@/lib/vocabulary/statuses'
import type { EnrolmentRow } from './enrolment-rows.server'

/**
 * A read-model row (lib/hr/enrolment-rows.server.ts) as the completion report's row: what the
 * CSV/XLSX writers and the HR tables read through the report's columns
 * (lib/reports/completion-report.ts), so a page and a file show the same values. Pure.
 */
export function toCompletionRow(row: EnrolmentRow, agencyName: string): CompletionRow {
  return {
    nip: row.person.nip ?? '',
    name: row.person.name,
    employmentType: row.person.employmentType,
    identityStatus: row.identity.status,
    agencyName,
    unitName: row.person.unitName ?? '',
    cohortName: row.enrolment?.cohortName ?? '',
    dueDate: row.enrolment?.dueDate ?? null,
    status: row.status,
    lessonsDone: row.lessonsDone,
    lessonsTotal: row.lessonsTotal,
    activeSeconds: row.activeSeconds,
    preTestScore: row.preTestScore,
    bestPostTestScore: row.bestPostTestScore,
    attempts: row.attempts,
    completedAt: row.completedAt,
    certificateNumber: row.certificate?.number ?? null,
    validUntil: row.certificate?.validUntil ?? null,
    jp: row.certificate?.jp ?? null,
  }
}

/** A row of an HR table: the report's row, and what only the page shows beside it. */
export type HrTableRow = CompletionRow & {
  /** The user id (links, keys). */
  personId: string
  /** The enrolment id, when the person is in a cohort. */
  enrolmentId: string | null
  cohortKind: 'onboarding' | 'refresher' | null
  cohortYear: number | null
  lastActivity: Date | null
  certificateStatus: CertificateStatus | null
}

export function toHrTableRow(row: EnrolmentRow, agencyName: string): HrTableRow {
  return {
    ...toCompletionRow(row, agencyName),
    personId: row.person.id,
    enrolmentId: row.enrolment?.id ?? null,
    cohortKind: row.enrolment?.cohortKind ?? null,
    cohortYear: row.enrolment?.cohortYear ?? null,
    lastActivity: row.lastActivity,
    certificateStatus: row.certificate?.status ?? null,
  }
}
