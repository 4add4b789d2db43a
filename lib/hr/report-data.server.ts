import 'server-only'
import { writeAudit } from '@/lib/audit/audit.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { AppError } from '@/lib/errors/app-error'
import type { CompletionRow } from '@/lib/reports/completion-report'
import { enrolmentStatus } from './enrolment-status'
import type { ReportFilter } from './report-filter'

const PAGE_SIZE = 1000

type Officer = { id: string; agencyId: string }

/** The cohort (and unit) of a filter, checked to belong to the officer's agency: else 404. */
export async function checkReportScope(officer: Officer, filter: ReportFilter) {
  const cohort = await db.cohort.findUnique({ where: { id: filter.cohortId }, include: { agency: true } })
  if (!cohort || cohort.agencyId !== officer.agencyId) throw new AppError(404, 'Kelompok tidak ditemukan.')
  if (filter.unitId) {
    const unit = await db.unit.findUnique({ where: { id: filter.unitId } })
    if (!unit || unit.agencyId !== officer.agencyId) throw new AppError(404, 'Unit kerja tidak ditemukan.')
  }
  return cohort
}

/** A cohort already checked by checkReportScope (call it before the response starts). */
export type ReportCohort = Awaited<ReturnType<typeof checkReportScope>>

function inRange(date: Date | null, filter: ReportFilter): boolean {
  if (!filter.completedFrom && !filter.completedTo) return true
  if (!date) return false
  return (!filter.completedFrom || date >= filter.completedFrom) && (!filter.completedTo || date <= filter.completedTo)
}

type CompletionRecord = {
  id: string
  nip: string | null
  name: string
  employmentType: string | null
  unitName: string | null
  lessonsDone: number | bigint
  attempts: number | bigint
  bestPost: number | null
  preScore: number | null
  passedAt: Date | string | null
  certificateNumber: string | null
  validUntil: Date | string | null
  certificateCompletedAt: Date | string | null
  jp: number | null
}

/** Raw results carry SQLite's ISO text or PostgreSQL's Date, and BigInt counts: one shape here. */
const asDate = (value: Date | string | null): Date | null => (value === null ? null : value instanceof Date ? value : new Date(value))

/**
 * The completion rows of a cohort, page by page: one SQL statement per 1,000 enrolments (keyset
 * on the enrolment id, correlated subqueries for lessons, attempts, scores), so 100,000 rows
 * stream with flat memory. Standard SQL with quoted identifiers, the same on both providers;
 * enum values are literals, compared as text.
 */
export async function* completionRows(officer: Officer, filter: ReportFilter, cohort: ReportCohort): AsyncGenerator<CompletionRow> {
  const outline = getLessonOutline()
  const lessonsTotal = outline.length
  const slugs = Prisma.join(outline.map((lesson) => lesson.slug))
  const unitFilter = filter.unitId ? Prisma.sql`AND u."unitId" = ${filter.unitId}` : Prisma.empty
  const typeFilter = filter.employmentType ? Prisma.sql`AND CAST(u."employmentType" AS TEXT) = ${filter.employmentType}` : Prisma.empty
  const now = new Date()
  let cursor = ''
  for (;;) {
    const records = await db.$queryRaw<CompletionRecord[]>`
      SELECT e."id", u."nip", u."name", CAST(u."employmentType" AS TEXT) AS "employmentType", un."name" AS "unitName",
        (SELECT COUNT(*) FROM "lesson_progress" lp
          WHERE lp."userId" = e."userId" AND lp."completedAt" IS NOT NULL AND lp."lessonSlug" IN (${slugs})) AS "lessonsDone",
        (SELECT COUNT(*) FROM "quiz_attempt" qa WHERE qa."enrolmentId" = e."id" AND CAST(qa."kind" AS TEXT) = 'posttest') AS "attempts",
        (SELECT MAX(qa."score") FROM "quiz_attempt" qa WHERE qa."enrolmentId" = e."id" AND CAST(qa."kind" AS TEXT) = 'posttest') AS "bestPost",
        (SELECT qa."score" FROM "quiz_attempt" qa
          WHERE qa."enrolmentId" = e."id" AND CAST(qa."kind" AS TEXT) = 'pretest' AND qa."submittedAt" IS NOT NULL
          ORDER BY qa."submittedAt" LIMIT 1) AS "preScore",
        (SELECT MIN(qa."submittedAt") FROM "quiz_attempt" qa
          WHERE qa."enrolmentId" = e."id" AND CAST(qa."kind" AS TEXT) = 'posttest' AND qa."passed" = TRUE) AS "passedAt",
        c."number" AS "certificateNumber", c."validUntil", c."completedAt" AS "certificateCompletedAt", c."jp"
      FROM "enrolment" e
      JOIN "user" u ON u."id" = e."userId"
      LEFT JOIN "unit" un ON un."id" = u."unitId"
      LEFT JOIN "certificate" c ON c."enrolmentId" = e."id"
      WHERE e."cohortId" = ${cohort.id} AND u."agencyId" = ${officer.agencyId} ${unitFilter} ${typeFilter} AND e."id" > ${cursor}
      ORDER BY e."id"
      LIMIT ${PAGE_SIZE}`
    if (!records.length) return
    cursor = records.at(-1)?.id ?? cursor
    for (const record of records) {
      const passedAt = asDate(record.passedAt)
      const lessonsDone = Number(record.lessonsDone)
      const attempts = Number(record.attempts)
      const status = enrolmentStatus({ passed: !!passedAt, lessonsDone, attempts, dueDate: cohort.dueDate, now })
      const completedAt = asDate(record.certificateCompletedAt) ?? passedAt
      if (filter.status && status !== filter.status) continue
      if (!inRange(completedAt, filter)) continue
      yield {
        nip: record.nip ?? '',
        name: record.name,
        employmentType: (record.employmentType as CompletionRow['employmentType']) ?? null,
        agencyName: cohort.agency.name,
        unitName: record.unitName ?? '',
        cohortName: cohort.name,
        dueDate: cohort.dueDate,
        status,
        lessonsDone,
        lessonsTotal,
        preTestScore: record.preScore === null ? null : Number(record.preScore),
        bestPostTestScore: record.bestPost === null ? null : Number(record.bestPost),
        attempts,
        completedAt,
        certificateNumber: record.certificateNumber,
        validUntil: asDate(record.validUntil),
        jp: record.jp === null ? null : Number(record.jp),
      }
    }
  }
}

/** The certificates issued in a cohort (for SIASN and the bulk ZIP), with the same filters. */
export async function* cohortCertificates(officer: Officer, filter: ReportFilter, cohort: ReportCohort) {
  let cursor: string | undefined
  for (;;) {
    const certificates = await db.certificate.findMany({
      where: {
        enrolment: { cohortId: cohort.id },
        user: {
          agencyId: officer.agencyId,
          ...(filter.unitId ? { unitId: filter.unitId } : {}),
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
  let count = 0
  let completed = false
  try {
    for await (const row of rows) {
      count++
      yield row
    }
    completed = true
  } finally {
    const { format, delimiter, ...filter } = entry.filter
    await writeAudit({
      action: entry.action,
      actorId: entry.officer.id,
      agencyId: entry.officer.agencyId,
      details: { filter, format, delimiter, rows: count, completed },
    })
  }
}
