import 'server-only'
import { auditLogCreateIf } from '@/lib/audit/audit.server'
import { visiblePersonSql } from './visible-people.server'
import { withdrawnItemIds } from '@/lib/assessment/item-status.server'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { certificateStatus } from '@/lib/certificates/certificate-status'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { Prisma } from '@/lib/db/create-client'
import { db } from '@/lib/db/db.server'
import { jsonArrayOf } from '@/lib/db/json-rows.server'
import { asDate, jsonDate, type RawDate } from '@/lib/db/raw-values'
import { isIdentityStatus, type IdentityStatus } from '@/lib/identity/identity-status'
import type { QuizKind } from '@/lib/db/generated/sqlite/enums'
import type { EmploymentType } from '@/lib/vocabulary/employment-types'
import {
  countStatuses,
  groupCounts,
  itemAnalysis,
  scoreSummary,
  type Group,
  type RuleAnalysis,
  type ScoreSummary,
  type StatusCounts,
} from './dashboard'
import {
  COUNTED_PERSON_SQL,
  inUnits,
  COHORT_ORDER,
  dashboardSummary,
  enrolmentRowsPage,
  enrolmentRowsPageAndTotal,
  unassignedCountStatement,
  type RowFilter,
  type RowKey,
  type SummaryBreakdown,
} from './enrolment-rows.server'
import type { PersonStatus } from './enrolment-status'

/**
 * Everything here is scoped by the HR officer's agencyId: every query filters on it (the
 * cohort's agency and the person's agency), so another agency's ids find nothing.
 */

import { EMPLOYMENT_TYPES, NO_EMPLOYMENT_TYPE_LABEL } from '@/lib/vocabulary/employment-types'

export { EMPLOYMENT_TYPES, NO_EMPLOYMENT_TYPE_LABEL }
export const NO_UNIT_LABEL = 'Tanpa unit kerja'

export type CohortOption = {
  id: string
  name: string
  kind: 'onboarding' | 'refresher'
  year: number
  dueDate: Date | null
  /** HR paused the cohort's due-date reminders (decision 036). */
  remindersPausedAt: Date | null
  enrolments: number
}

export type Dashboard = {
  agencyName: string
  /** The units counted: the agency's, or a unit operator's or head's. */
  units: { id: string; name: string }[]
  cohorts: CohortOption[]
  selected: CohortOption | null
  /** Counts of the selected cohort. */
  counts: StatusCounts
  /** Of those, people whose NIP is only claimed (counted, flagged: "belum diverifikasi"). */
  unverified: number
  /** Every cohort of the agency. */
  byCohort: Group[]
  /** The selected cohort per unit and per employment type. */
  byUnit: Group[]
  byEmploymentType: Group[]
  scores: ScoreSummary
  /** People of the agency in no cohort at all ("belum ditugaskan"): counted, to be assigned. */
  unassigned: number
}

/**
 * A unit operator's or head's units (decision 037; the read model counts only their people), or
 * null for HR's whole agency.
 */
export type UnitIds = readonly string[] | null

type RawCohort = {
  id: string
  name: string
  kind: string
  year: number | bigint
  dueDate: RawDate | null
  remindersPausedAt: RawDate | null
  enrolments: number | bigint | string | null
}

/**
 * A cohort's columns over `co`, with its enrolments counted from the kept counts (decision 033:
 * each enrolment is in enrolment_count once, under its cohort) instead of reading 100,000 index
 * entries per page view; of `unitIds` only when given.
 */
function cohortColumns(unitIds: UnitIds): Prisma.Sql {
  return Prisma.sql`co."id", co."name", CAST(co."kind" AS TEXT) AS "kind", co."year", co."dueDate", co."remindersPausedAt",
    (SELECT SUM(ec."n") FROM "enrolment_count" ec WHERE ec."cohortId" = co."id"
      ${unitIds ? Prisma.sql`AND ${inUnits(Prisma.sql`ec."unitId"`, unitIds)}` : Prisma.empty}) AS "enrolments"`
}

function cohortOption(row: RawCohort): CohortOption {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'refresher' ? 'refresher' : 'onboarding',
    year: Number(row.year),
    dueDate: asDate(row.dueDate),
    remindersPausedAt: asDate(row.remindersPausedAt),
    enrolments: Number(row.enrolments ?? 0),
  }
}

/**
 * The agency's cohorts, newest first (year, then creation), with their enrolments. One tagged
 * statement: the cohort pages, the reports and the import read it.
 */
export async function listCohorts(agencyId: string, unitIds: UnitIds = null): Promise<CohortOption[]> {
  const rows = await db.$queryRaw<RawCohort[]>(Prisma.sql`
    SELECT ${cohortColumns(unitIds)} FROM "cohort" co WHERE co."agencyId" = ${agencyId} ORDER BY ${COHORT_ORDER}`)
  return rows.map(cohortOption)
}

/**
 * The dashboard's frame in one statement (it runs on every dashboard view; each statement costs
 * the app and PostgreSQL ~2 ms of CPU: docs/benchmarks.md): the agency's name, how many of its
 * people are in no cohort, and its cohorts as listCohorts lists them (one row with no cohort
 * when it has none).
 */
async function agencyWithCohorts(agencyId: string, unitIds: UnitIds): Promise<{ name: string; unassigned: number; cohorts: CohortOption[] }> {
  type Row = { agencyName: string; unassigned: number | bigint | string | null } & (RawCohort | { [K in keyof RawCohort]: null })
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT a."name" AS "agencyName", (${unassignedCountStatement(agencyId, unitIds)}) AS "unassigned", ${cohortColumns(unitIds)}
    FROM "agency" a LEFT JOIN "cohort" co ON co."agencyId" = a."id"
    WHERE a."id" = ${agencyId}
    ORDER BY ${COHORT_ORDER}`)
  const [first] = rows
  if (!first) throw new Error(`agency ${agencyId} not found`)
  return {
    name: first.agencyName,
    unassigned: Number(first.unassigned ?? 0),
    cohorts: rows.flatMap((row) => (row.id === null ? [] : [cohortOption(row)])),
  }
}

/**
 * The dashboard of one cohort of the agency (`cohortId`, or the newest). Returns null when
 * `cohortId` is not a cohort of this agency (the page answers 404, as for an unknown id).
 */
export async function getDashboard(agencyId: string, cohortId?: string | null, now = new Date(), unitIds: UnitIds = null): Promise<Dashboard | null> {
  // Tagged statements, no query building: the dashboard is the HR page viewed most.
  // One round of three statements: the counts of the selected cohort are asked for beside the
  // list of cohorts (the newest one chosen in SQL by the list's order, when none is given);
  // another agency's cohort id finds no counts, and the page answers 404 below.
  const [{ name: agencyName, unassigned, cohorts }, units, { counts: summary, scores: averages }] = await Promise.all([
    agencyWithCohorts(agencyId, unitIds),
    agencyUnits(agencyId, unitIds),
    dashboardSummary(agencyId, cohortId ?? null, now, unitIds),
  ])
  const selected = cohortId ? cohorts.find((cohort) => cohort.id === cohortId) : cohorts[0]
  if (cohortId && !selected) return null
  const base = {
    agencyName,
    units,
    cohorts,
    selected: selected ?? null,
    unassigned,
  }
  if (!selected) {
    return {
      ...base,
      counts: countStatuses([]),
      unverified: 0,
      byCohort: [],
      byUnit: [],
      byEmploymentType: [],
      scores: scoreSummary([]),
    }
  }

  // Counts: the read model's counts kept per key by triggers (the same rows as the reports:
  // decision 033, and the integration tests hold them to the GROUP BY over the rows), summed in
  // SQL per breakdown.
  const breakdown = (by: SummaryBreakdown) => summary.filter((row) => row.by === by).map((row) => ({ groupKey: row.key, status: row.status, count: row.count }))
  const byIdentity = breakdown('identityStatus')
  // Means as scoreSummary rounds them (one decimal).
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)
  const scores: ScoreSummary = {
    averageBestPost: round(averages.averageBestPost),
    postLearners: averages.postLearners,
    averageGain: round(averages.averageGain),
    averagePreOfGain: round(averages.averagePreOfGain),
    averagePostOfGain: round(averages.averagePostOfGain),
    gainLearners: averages.gainLearners,
  }

  return {
    ...base,
    counts: countStatuses(byIdentity),
    unverified: byIdentity.filter((row) => row.groupKey === 'claimed').reduce((sum, row) => sum + row.count, 0),
    byCohort: groupCounts(
      breakdown('cohort'),
      cohorts.map((cohort) => ({ key: cohort.id, label: cohort.name })),
    ),
    byUnit: groupCounts(
      breakdown('unit'),
      units.map((unit) => ({ key: unit.id, label: unit.name })),
      NO_UNIT_LABEL,
    ),
    byEmploymentType: groupCounts(
      breakdown('employmentType'),
      EMPLOYMENT_TYPES.map((type) => ({ key: type, label: type })),
      NO_EMPLOYMENT_TYPE_LABEL,
    ),
    scores,
  }
}

/** The agency's units by name, or a unit scope's (one tagged statement; the dashboard and the people list show them). */
async function agencyUnits(agencyId: string, unitIds: UnitIds = null): Promise<{ id: string; name: string }[]> {
  return db.$queryRaw<{ id: string; name: string }[]>(Prisma.sql`
    SELECT un."id", un."name" FROM "unit" un
    WHERE un."agencyId" = ${agencyId} ${unitIds ? Prisma.sql`AND ${inUnits(Prisma.sql`un."id"`, unitIds)}` : Prisma.empty}
    ORDER BY un."name" ASC`)
}

/**
 * The item analysis per rule of one cohort of the agency (`cohortId`, or the newest): its own
 * page, not the dashboard's, because it reads every post-test answer of the cohort (15 per
 * attempt: millions in a ministry), which no kept count serves. Null for another agency's cohort.
 */
export async function getItemAnalysis(agencyId: string, cohortId?: string | null) {
  const cohorts = await listCohorts(agencyId)
  const selected = cohortId ? cohorts.find((cohort) => cohort.id === cohortId) : cohorts[0]
  if (cohortId && !selected) return null
  const { bank, coverage } = getQuestionBank()
  if (!selected) return { cohorts, selected: null, items: itemAnalysis([], bank.items, coverage.rules, getLessonOutline()) }
  const inCohort = { cohortId: selected.id, cohort: { agencyId }, user: { agencyId } }
  // Items withdrawn as defective are left out (decision 035): they no longer count in any score.
  const withdrawn = [...(await withdrawnItemIds())]
  const postAnswers = { itemId: { notIn: withdrawn }, attempt: { kind: 'posttest' as const, submittedAt: { not: null }, enrolment: inCohort, user: { agencyId } } }
  const [answered, wrong] = await Promise.all([
    db.quizAnswer.groupBy({ by: ['itemId'], where: postAnswers, _count: { _all: true } }),
    db.quizAnswer.groupBy({ by: ['itemId'], where: { ...postAnswers, credit: { lt: 1 } }, _count: { _all: true } }),
  ])
  const wrongByItem = new Map(wrong.map((row) => [row.itemId, row._count._all]))
  const items: RuleAnalysis[] = itemAnalysis(
    answered.map((row) => ({ itemId: row.itemId, answered: row._count._all, wrong: wrongByItem.get(row.itemId) ?? 0 })),
    bank.items,
    coverage.rules,
    getLessonOutline(),
  )
  return { cohorts, selected, items }
}

// ---------------------------------------------------------------------------------------
// People list
// ---------------------------------------------------------------------------------------

export const PAGE_SIZE = 25

export type PeopleQuery = {
  q?: string
  unitId?: string
  status?: PersonStatus
  identityStatus?: IdentityStatus
  /** Keyset paging: the page after this row, or the page before it. */
  after?: RowKey
  before?: RowKey
}

/**
 * A page of the agency's people (the read model's people view, sorted by name): 25 rows from
 * SQL with the filter applied there, plus the count. Nothing else of the agency is loaded.
 * With `unitIds`, a unit filter outside them finds nobody (the page answers 404 for it first).
 */
export async function listPeople(agencyId: string, query: PeopleQuery, now = new Date(), unitIds: UnitIds = null) {
  const filter: RowFilter = {
    agencyId,
    view: 'people',
    now,
    search: query.q,
    unitId: query.unitId,
    unitIds,
    status: query.status,
    identityStatus: query.identityStatus,
  }
  const [units, { rows: page, total }] = await Promise.all([
    agencyUnits(agencyId, unitIds),
    enrolmentRowsPageAndTotal(filter, { after: query.before ? undefined : query.after, before: query.before, limit: PAGE_SIZE + 1 }),
  ])
  // One row more than a page says whether there is another page in the direction of travel.
  const more = page.length > PAGE_SIZE
  const rows = query.before ? page.slice(-PAGE_SIZE) : page.slice(0, PAGE_SIZE)
  const hasNext = query.before ? true : more
  const hasPrev = query.before ? more : query.after !== undefined
  return {
    units,
    rows,
    total,
    next: hasNext && rows.length ? rows.at(-1)!.key : null,
    prev: hasPrev && rows.length ? rows[0]!.key : null,
  }
}

// ---------------------------------------------------------------------------------------
// One person
// ---------------------------------------------------------------------------------------

/** `u` is this person, of the agency, counted, visible, and of `unitIds` when given: one HR may see. */
function personOfAgencySql(agencyId: string, personId: string, unitIds: UnitIds): Prisma.Sql {
  return Prisma.sql`u."id" = ${personId} AND u."agencyId" = ${agencyId} AND ${COUNTED_PERSON_SQL} AND ${visiblePersonSql('u')}
    ${unitIds ? Prisma.sql`AND ${inUnits(Prisma.sql`u."unitId"`, unitIds)}` : Prisma.empty}`
}

/**
 * A person's history as an HR officer opens it (getPersonHistory), the view recorded in the audit
 * log in the same round of statements (UU 27/2022: who looked at whose personal data, and when;
 * shown to the person in "Data saya"), and only when the person is one the officer may see: an
 * unknown id, another agency's or another unit's person is neither shown nor logged.
 */
export async function viewPersonHistory(officer: { id: string; agencyId: string }, personId: string, unitIds: UnitIds, now = new Date()) {
  const [history] = await Promise.all([
    getPersonHistory(officer.agencyId, personId, now, unitIds),
    auditLogCreateIf(
      { action: 'person.viewed', actorId: officer.id, agencyId: officer.agencyId, targetType: 'user', targetId: personId },
      Prisma.sql`EXISTS (SELECT 1 FROM "user" u WHERE ${personOfAgencySql(officer.agencyId, personId, unitIds)})`,
    ),
  ])
  return history
}

/**
 * One person of the agency (everyone is a learner, decision 037) with their history, or null
 * (unknown id, another agency's, or outside a unit operator's units). Enrolments come from the read model; time on task per
 * lesson from lesson_progress.activeSeconds. Nothing is masked: HR is entitled to it.
 */
export async function getPersonHistory(agencyId: string, personId: string, now = new Date(), unitIds: UnitIds = null) {
  // Two statements in one round (as the dashboard; docs/benchmarks.md): the person, with their
  // lessons, quiz attempts and certificates as JSON lists in the same row, and their enrolments
  // from the read model. Read beside the check that the person is one HR may see, and thrown
  // away when they are not (a round trip less on every person page, decision 057).
  const [[raw], enrolments] = await Promise.all([
    db.$queryRaw<
      {
        id: string
        name: string
        nip: string | null
        rejectedNip: string | null
        email: string
        employmentType: string | null
        claimedAt: RawDate | null
        createdAt: RawDate
        identityStatus: string
        identityMethod: string | null
        identityVerifiedAt: RawDate | null
        identityRejectedAt: RawDate | null
        unitName: string | null
        lessons: string
        attempts: string
        certificates: string
      }[]
    >(Prisma.sql`
      SELECT u."id", u."name", u."nip", u."rejectedNip", u."email", CAST(u."employmentType" AS TEXT) AS "employmentType",
        u."claimedAt", u."createdAt", CAST(u."identityStatus" AS TEXT) AS "identityStatus", u."identityMethod",
        u."identityVerifiedAt", u."identityRejectedAt", un."name" AS "unitName",
        ${jsonArrayOf(
          { lessonSlug: Prisma.sql`lp."lessonSlug"`, completedAt: Prisma.sql`lp."completedAt"`, updatedAt: Prisma.sql`lp."updatedAt"`, activeSeconds: Prisma.sql`lp."activeSeconds"` },
          Prisma.sql`FROM "lesson_progress" lp WHERE lp."userId" = u."id"`,
        )} AS "lessons",
        ${jsonArrayOf(
          {
            id: Prisma.sql`qa."id"`,
            enrolmentId: Prisma.sql`qa."enrolmentId"`,
            kind: Prisma.sql`CAST(qa."kind" AS TEXT)`,
            score: Prisma.sql`qa."score"`,
            passed: Prisma.sql`qa."passed"`,
            startedAt: Prisma.sql`qa."startedAt"`,
            submittedAt: Prisma.sql`qa."submittedAt"`,
            cohortName: Prisma.sql`co."name"`,
            cohortAgencyId: Prisma.sql`co."agencyId"`,
          },
          Prisma.sql`FROM "quiz_attempt" qa
            LEFT JOIN "enrolment" e ON e."id" = qa."enrolmentId"
            LEFT JOIN "cohort" co ON co."id" = e."cohortId"
          WHERE qa."userId" = u."id"`,
        )} AS "attempts",
        ${jsonArrayOf(
          {
            id: Prisma.sql`ce."id"`,
            number: Prisma.sql`ce."number"`,
            year: Prisma.sql`ce."year"`,
            cycleKey: Prisma.sql`ce."cycleKey"`,
            score: Prisma.sql`ce."score"`,
            completedAt: Prisma.sql`ce."completedAt"`,
            validUntil: Prisma.sql`ce."validUntil"`,
            revokedAt: Prisma.sql`ce."revokedAt"`,
            revokedReason: Prisma.sql`ce."revokedReason"`,
            issuedAt: Prisma.sql`ce."issuedAt"`,
          },
          Prisma.sql`FROM "certificate" ce WHERE ce."userId" = u."id"`,
        )} AS "certificates"
      FROM "user" u LEFT JOIN "unit" un ON un."id" = u."unitId"
      WHERE ${personOfAgencySql(agencyId, personId, unitIds)}`),
    enrolmentRowsPage({ agencyId, view: 'enrolments', personId, now }, { limit: 1000 }),
  ])
  if (!raw) return null
  const person = {
    id: raw.id,
    name: raw.name,
    nip: raw.nip,
    rejectedNip: raw.rejectedNip,
    email: raw.email,
    employmentType: (raw.employmentType as EmploymentType | null) ?? null,
    claimedAt: asDate(raw.claimedAt),
    createdAt: asDate(raw.createdAt),
    identityStatus: isIdentityStatus(raw.identityStatus) ? raw.identityStatus : ('claimed' as const),
    identityMethod: raw.identityMethod,
    identityVerifiedAt: asDate(raw.identityVerifiedAt),
    identityRejectedAt: asDate(raw.identityRejectedAt),
    unit: raw.unitName === null ? null : { name: raw.unitName },
  }
  const lessons = (
    JSON.parse(raw.lessons) as { lessonSlug: string; completedAt: string | null; updatedAt: string; activeSeconds: number }[]
  ).map((row) => ({
    lessonSlug: row.lessonSlug,
    completedAt: jsonDate(row.completedAt),
    updatedAt: jsonDate(row.updatedAt),
    activeSeconds: Number(row.activeSeconds),
  }))
  const attempts = (
    JSON.parse(raw.attempts) as {
      id: string
      enrolmentId: string | null
      kind: string
      score: number | null
      passed: boolean | number | null
      startedAt: string
      submittedAt: string | null
      cohortName: string | null
      cohortAgencyId: string | null
    }[]
  )
    .map((row) => ({
      id: row.id,
      enrolmentId: row.enrolmentId,
      kind: row.kind as QuizKind,
      score: row.score === null ? null : Number(row.score),
      passed: row.passed === null ? null : Boolean(Number(row.passed)),
      startedAt: jsonDate(row.startedAt),
      submittedAt: jsonDate(row.submittedAt),
      cohortName: row.cohortName !== null && row.cohortAgencyId === agencyId ? row.cohortName : null,
    }))
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || a.id.localeCompare(b.id))
  const certificates = (
    JSON.parse(raw.certificates) as {
      id: string
      number: string
      year: number
      cycleKey: string
      score: number
      completedAt: string
      validUntil: string
      revokedAt: string | null
      revokedReason: string | null
      issuedAt: string
    }[]
  )
    .map((row) => ({
      id: row.id,
      number: row.number,
      year: Number(row.year),
      cycleKey: row.cycleKey,
      score: Number(row.score),
      completedAt: jsonDate(row.completedAt),
      validUntil: jsonDate(row.validUntil),
      revokedAt: jsonDate(row.revokedAt),
      revokedReason: row.revokedReason,
      issuedAt: jsonDate(row.issuedAt),
    }))
    .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime() || a.id.localeCompare(b.id))

  const outline = getLessonOutline()
  const progressOf = new Map(lessons.map((lesson) => [lesson.lessonSlug, lesson]))
  const current = outline.map((lesson) => ({
    slug: lesson.slug,
    title: lesson.title,
    completedAt: progressOf.get(lesson.slug)?.completedAt ?? null,
    updatedAt: progressOf.get(lesson.slug)?.updatedAt ?? null,
    activeSeconds: progressOf.get(lesson.slug)?.activeSeconds ?? 0,
  }))
  return {
    person,
    lessonsDone: current.filter((lesson) => lesson.completedAt).length,
    lessonCount: outline.length,
    /** Time on task over the current lessons, in seconds (the same sum as the reports). */
    activeSeconds: current.reduce((sum, lesson) => sum + lesson.activeSeconds, 0),
    lessons: current,
    enrolments: [...enrolments].sort(
      (a, b) => b.enrolment!.assignedAt.getTime() - a.enrolment!.assignedAt.getTime() || a.key.id.localeCompare(b.key.id),
    ),
    attempts,
    certificates: certificates.map(({ issuedAt: _issuedAt, ...certificate }) => ({ ...certificate, status: certificateStatus(certificate, now) })),
  }
}
