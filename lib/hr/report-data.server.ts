import 'server-only'
import { writeAudit } from '@/lib/audit/audit.server'
import { db } from '@/lib/db/db.server'
import { AppError } from '@/lib/errors/app-error'
import type { CompletionRow } from '@/lib/reports/completion-report'
import type { SiasnCertificate } from '@/lib/reports/siasn'
import { enrolmentRowPages, enrolmentRows, type RowFilter } from './enrolment-rows.server'
import { toCompletionRow } from './hr-rows'
import type { ReportFilter } from './report-filter'

/** HR (the whole agency), or a unit operator or head limited to `unitIds` (decision 037). */
type Officer = { id: string; agencyId: string; unitIds?: readonly string[] | null }

/**
 * The scope of a report: the officer's agency, and the filter's cohort (or every cohort when it
 * asks for all) and unit, each checked to belong to that agency: else 404, exactly like an id
 * that does not exist. Call it before the response starts.
 */
export async function checkReportScope(officer: Officer, filter: ReportFilter) {
  const agency = await db.agency.findUniqueOrThrow({ where: { id: officer.agencyId }, select: { id: true, name: true } })
  let cohort = null
  if (filter.cohortId) {
    cohort = await db.cohort.findUnique({ where: { id: filter.cohortId } })
    if (!cohort || cohort.agencyId !== officer.agencyId) throw new AppError(404, 'Kelompok tidak ditemukan.')
  }
  if (filter.unitId) {
    const unit = await db.unit.findUnique({ where: { id: filter.unitId } })
    const outside = officer.unitIds && !officer.unitIds.includes(filter.unitId)
    if (!unit || unit.agencyId !== officer.agencyId || outside) throw new AppError(404, 'Unit kerja tidak ditemukan.')
  }
  return { agency, cohort }
}

/** A scope already checked by checkReportScope. */
export type ReportScope = Awaited<ReturnType<typeof checkReportScope>>

/** The read model's filter for a report filter (agency from the officer, cohort from the scope). */
function rowFilter(officer: Officer, filter: ReportFilter, scope: ReportScope): RowFilter {
  return {
    agencyId: officer.agencyId,
    view: 'enrolments',
    cohortId: scope.cohort?.id,
    unitId: filter.unitId,
    unitIds: officer.unitIds ?? null,
    employmentType: filter.employmentType,
    status: filter.status,
    identityStatus: filter.identityStatus,
    completedFrom: filter.completedFrom,
    completedTo: filter.completedTo,
  }
}

/**
 * The completion rows of a cohort (or every cohort), streamed from the read model a page (one
 * SQL statement) at a time, so 100,000 rows stream with flat memory. Pages, not rows: a writer
 * takes them as `RowBatches` and awaits once per page (lib/reports/row-batches.ts).
 */
export async function* completionRowPages(officer: Officer, filter: ReportFilter, scope: ReportScope): AsyncGenerator<Iterable<CompletionRow>> {
  for await (const page of enrolmentRowPages(rowFilter(officer, filter, scope))) {
    yield mapRows(page, (row) => toCompletionRow(row, scope.agency.name))
  }
}

/** Each row mapped as it is asked for (no array of the page). */
function* mapRows<T, U>(rows: Iterable<T>, map: (row: T) => U): Generator<U> {
  for (const row of rows) yield map(row)
}

/** The completion rows one at a time (see completionRowPages). */
export async function* completionRows(officer: Officer, filter: ReportFilter, scope: ReportScope): AsyncGenerator<CompletionRow> {
  for await (const page of completionRowPages(officer, filter, scope)) yield* page
}

/**
 * The certificates for the SIASN export, from the same read model: one per enrolment with a
 * certificate that is not revoked, of VERIFIED identities only unless HR asked for everyone
 * (`includeUnverified`; then each says its identity status). An identity filter narrows either.
 */
export async function* siasnCertificates(officer: Officer, filter: ReportFilter, scope: ReportScope): AsyncGenerator<SiasnCertificate> {
  const base = rowFilter(officer, filter, scope)
  const identityStatus = filter.includeUnverified
    ? filter.identityStatus
    : filter.identityStatus === undefined || filter.identityStatus === 'verified'
      ? ('verified' as const)
      : []
  for await (const row of enrolmentRows({ ...base, identityStatus, withValidCertificate: true })) {
    if (!row.certificate || !row.enrolment) continue
    yield {
      nip: row.person.nip ?? '',
      certificateNumber: row.certificate.number,
      startedAt: row.enrolment.assignedAt,
      completedAt: row.certificate.completedAt,
      jp: row.certificate.jp,
      ...(filter.includeUnverified ? { identityStatus: row.identity.status } : {}),
    }
  }
}

/** The certificates issued in a cohort or all (for the bulk ZIP of PDFs), with the same filters. */
export async function* cohortCertificates(officer: Officer, filter: ReportFilter, scope: ReportScope) {
  let cursor: string | undefined
  for (;;) {
    const certificates = await db.certificate.findMany({
      where: {
        enrolment: { cohort: { agencyId: officer.agencyId, ...(scope.cohort ? { id: scope.cohort.id } : {}) } },
        user: {
          agencyId: officer.agencyId,
          ...(filter.unitId ? { unitId: filter.unitId } : officer.unitIds ? { unitId: { in: [...officer.unitIds] } } : {}),
          ...(filter.employmentType ? { employmentType: filter.employmentType } : {}),
        },
        ...(filter.completedFrom || filter.completedTo
          ? { completedAt: { ...(filter.completedFrom ? { gte: filter.completedFrom } : {}), ...(filter.completedTo ? { lte: filter.completedTo } : {}) } }
          : {}),
      },
      orderBy: { id: 'asc' },
      take: 200,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { enrolment: { include: { cohort: true } } },
    })
    if (!certificates.length) return
    cursor = certificates.at(-1)?.id
    yield* certificates
  }
}

/** Counts what passes through a report stream and writes the audit entry when it ends. */
export async function* auditedRows<T>(
  rows: AsyncIterable<T>,
  entry: { officer: Officer; action: string; filter: ReportFilter },
): AsyncGenerator<T> {
  const counted = { rows: 0, completed: false }
  try {
    for await (const row of rows) {
      counted.rows++
      yield row
    }
    counted.completed = true
  } finally {
    await writeDownloadAudit(entry, counted)
  }
}

/** auditedRows for a stream of pages of rows: counts the rows of each page as they pass. */
export async function* auditedPages<T>(
  pages: AsyncIterable<Iterable<T>>,
  entry: { officer: Officer; action: string; filter: ReportFilter },
): AsyncGenerator<Iterable<T>> {
  const counted = { rows: 0, completed: false }
  function* counting(page: Iterable<T>): Generator<T> {
    for (const row of page) {
      counted.rows++
      yield row
    }
  }
  try {
    for await (const page of pages) yield counting(page)
    counted.completed = true
  } finally {
    await writeDownloadAudit(entry, counted)
  }
}

async function writeDownloadAudit(entry: { officer: Officer; action: string; filter: ReportFilter }, counted: { rows: number; completed: boolean }) {
  const { format, delimiter, ...filter } = entry.filter
  await writeAudit({
    action: entry.action,
    actorId: entry.officer.id,
    agencyId: entry.officer.agencyId,
    details: { filter, format, delimiter, rows: counted.rows, completed: counted.completed },
  })
}
