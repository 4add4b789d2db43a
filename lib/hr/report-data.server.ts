import 'server-only'
import { writeAudit } from '@/lib/audit/audit.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import { AppError } from '@/lib/errors/app-error'
import type { CompletionRow } from '@/lib/reports/completion-report'
import { enrolmentStatus } from './enrolment-status'
import type { ReportFilter } from './report-filter'

// Ids per query stay well under the SQLite driver's limit on bound parameters (999).
const PAGE_SIZE = 400

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

/**
 * The completion rows of a cohort, page by page (400 enrolments and a handful of grouped
 * queries per page), so a report of 100,000 people streams with flat memory.
 */
export async function* completionRows(officer: Officer, filter: ReportFilter, cohort: ReportCohort): AsyncGenerator<CompletionRow> {
  const lessonsTotal = getLessonOutline().length
  const lessonSlugs = getLessonOutline().map((lesson) => lesson.slug)
  const now = new Date()
  let cursor: string | undefined
  for (;;) {
    const enrolments = await db.enrolment.findMany({
      where: {
        cohortId: cohort.id,
        user: {
          agencyId: officer.agencyId,
          ...(filter.unitId ? { unitId: filter.unitId } : {}),
          ...(filter.employmentType ? { employmentType: filter.employmentType } : {}),
        },
      },
      orderBy: { id: 'asc' },
      take: PAGE_SIZE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        userId: true,
        user: { select: { nip: true, name: true, employmentType: true, unit: { select: { name: true } } } },
        certificate: { select: { number: true, validUntil: true, completedAt: true, jp: true } },
      },
    })
    if (!enrolments.length) return
    cursor = enrolments.at(-1)?.id
    const userIds = enrolments.map((enrolment) => enrolment.userId)
    const enrolmentIds = enrolments.map((enrolment) => enrolment.id)
    const [lessons, posttests, passes, pretests] = await Promise.all([
      db.lessonProgress.groupBy({
        by: ['userId'],
        where: { userId: { in: userIds }, completedAt: { not: null }, lessonSlug: { in: lessonSlugs } },
        _count: { _all: true },
      }),
      db.quizAttempt.groupBy({
        by: ['enrolmentId'],
        where: { enrolmentId: { in: enrolmentIds }, kind: 'posttest' },
        _max: { score: true },
        _count: { _all: true },
      }),
      db.quizAttempt.groupBy({
        by: ['enrolmentId'],
        where: { enrolmentId: { in: enrolmentIds }, kind: 'posttest', passed: true },
        _min: { submittedAt: true },
      }),
      db.quizAttempt.findMany({
        where: { enrolmentId: { in: enrolmentIds }, kind: 'pretest', submittedAt: { not: null } },
        orderBy: { submittedAt: 'asc' },
        select: { enrolmentId: true, score: true },
      }),
    ])
    const lessonsBy = new Map(lessons.map((row) => [row.userId, row._count._all]))
    const postBy = new Map(posttests.map((row) => [row.enrolmentId, row]))
    const passBy = new Map(passes.map((row) => [row.enrolmentId, row._min.submittedAt]))
    const preBy = new Map<string, number | null>()
    for (const row of pretests) if (row.enrolmentId && !preBy.has(row.enrolmentId)) preBy.set(row.enrolmentId, row.score)

    for (const enrolment of enrolments) {
      const post = postBy.get(enrolment.id)
      const passedAt = passBy.get(enrolment.id) ?? null
      const lessonsDone = lessonsBy.get(enrolment.userId) ?? 0
      const attempts = post?._count._all ?? 0
      const status = enrolmentStatus({ passed: !!passedAt, lessonsDone, attempts, dueDate: cohort.dueDate, now })
      const completedAt = enrolment.certificate?.completedAt ?? passedAt
      if (filter.status && status !== filter.status) continue
      if (!inRange(completedAt, filter)) continue
      yield {
        nip: enrolment.user.nip ?? '',
        name: enrolment.user.name,
        employmentType: enrolment.user.employmentType,
        agencyName: cohort.agency.name,
        unitName: enrolment.user.unit?.name ?? '',
        cohortName: cohort.name,
        dueDate: cohort.dueDate,
        status,
        lessonsDone,
        lessonsTotal,
        preTestScore: preBy.get(enrolment.id) ?? null,
        bestPostTestScore: post?._max.score ?? null,
        attempts,
        completedAt,
        certificateNumber: enrolment.certificate?.number ?? null,
        validUntil: enrolment.certificate?.validUntil ?? null,
        jp: enrolment.certificate?.jp ?? null,
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
