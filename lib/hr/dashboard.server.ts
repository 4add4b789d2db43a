import 'server-only'
import { getQuestionBank } from '@/lib/assessment/bank.server'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { db } from '@/lib/db/db.server'
import {
  attemptFacts,
  countStatuses,
  groupCounts,
  itemAnalysis,
  latest,
  matchesSearch,
  paginate,
  scoreSummary,
  statusOf,
  type EnrolmentFacts,
  type Group,
  type RuleAnalysis,
  type ScoreSummary,
  type StatusCounts,
} from './dashboard'
import type { EnrolmentStatus } from './enrolment-status'

/**
 * Everything here is scoped by the HR officer's agencyId: every query filters on it (the
 * cohort's agency and the person's agency), so another agency's ids find nothing.
 */

export const EMPLOYMENT_TYPES = ['PNS', 'CPNS', 'PPPK'] as const
export const NO_UNIT_LABEL = 'Tanpa unit kerja'
export const NO_EMPLOYMENT_TYPE_LABEL = 'Jenis kepegawaian tidak diisi'

export type CohortOption = {
  id: string
  name: string
  kind: 'onboarding' | 'refresher'
  year: number
  dueDate: Date | null
  enrolments: number
}

export type Dashboard = {
  agencyName: string
  cohorts: CohortOption[]
  selected: CohortOption | null
  /** Counts of the selected cohort. */
  counts: StatusCounts
  /** Every cohort of the agency. */
  byCohort: Group[]
  /** The selected cohort per unit and per employment type. */
  byUnit: Group[]
  byEmploymentType: Group[]
  scores: ScoreSummary
  items: RuleAnalysis[]
}

/** The agency's cohorts, newest first (year, then creation). */
export async function listCohorts(agencyId: string): Promise<CohortOption[]> {
  const cohorts = await db.cohort.findMany({
    where: { agencyId },
    orderBy: [{ year: 'desc' }, { createdAt: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, kind: true, year: true, dueDate: true, _count: { select: { enrolments: true } } },
  })
  return cohorts.map(({ _count, ...cohort }) => ({ ...cohort, enrolments: _count.enrolments }))
}

/**
 * The dashboard of one cohort of the agency (`cohortId`, or the newest). Returns null when
 * `cohortId` is not a cohort of this agency (the page answers 404, as for an unknown id).
 */
export async function getDashboard(agencyId: string, cohortId?: string | null, now = new Date()): Promise<Dashboard | null> {
  const [agency, cohorts, units] = await Promise.all([
    db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { name: true } }),
    listCohorts(agencyId),
    db.unit.findMany({ where: { agencyId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ])
  const selected = cohortId ? cohorts.find((cohort) => cohort.id === cohortId) : cohorts[0]
  if (cohortId && !selected) return null
  const base = {
    agencyName: agency.name,
    cohorts,
    selected: selected ?? null,
  }
  const { bank, coverage } = getQuestionBank()
  if (!selected) {
    return {
      ...base,
      counts: countStatuses([]),
      byCohort: [],
      byUnit: [],
      byEmploymentType: [],
      scores: scoreSummary([]),
      items: itemAnalysis([], bank.items, coverage.rules, getLessonOutline()),
    }
  }

  const inAgency = { cohort: { agencyId }, user: { agencyId } }
  const inCohort = { cohortId: selected.id, ...inAgency }
  const postAnswers = { attempt: { kind: 'posttest' as const, submittedAt: { not: null }, enrolment: inCohort, user: { agencyId } } }
  const [enrolments, lessons, postGroups, attempts, answered, wrong] = await Promise.all([
    db.enrolment.findMany({
      where: inAgency,
      select: { id: true, userId: true, cohortId: true, user: { select: { unitId: true, employmentType: true } } },
    }),
    db.lessonProgress.groupBy({
      by: ['userId'],
      where: { completedAt: { not: null }, user: { agencyId, enrolments: { some: { cohort: { agencyId } } } } },
      _count: { _all: true },
    }),
    db.quizAttempt.groupBy({
      by: ['enrolmentId', 'passed'],
      where: { kind: 'posttest', enrolment: inAgency, user: { agencyId } },
      _count: { _all: true },
    }),
    db.quizAttempt.findMany({
      where: { enrolment: inCohort, user: { agencyId }, submittedAt: { not: null } },
      select: { enrolmentId: true, kind: true, score: true, passed: true, submittedAt: true, startedAt: true },
    }),
    db.quizAnswer.groupBy({ by: ['itemId'], where: postAnswers, _count: { _all: true } }),
    db.quizAnswer.groupBy({ by: ['itemId'], where: { ...postAnswers, credit: { lt: 1 } }, _count: { _all: true } }),
  ])

  const lessonsDone = new Map(lessons.map((row) => [row.userId, row._count._all]))
  const post = new Map<string, { attempts: number; passed: boolean }>()
  for (const row of postGroups) {
    if (!row.enrolmentId) continue
    const entry = post.get(row.enrolmentId) ?? { attempts: 0, passed: false }
    entry.attempts += row._count._all
    if (row.passed) entry.passed = true
    post.set(row.enrolmentId, entry)
  }
  const scores = attemptFacts(attempts)
  const dueOf = new Map(cohorts.map((cohort) => [cohort.id, cohort.dueDate]))
  const rows = enrolments.map((enrolment) => {
    const facts: EnrolmentFacts = {
      enrolmentId: enrolment.id,
      userId: enrolment.userId,
      lessonsDone: lessonsDone.get(enrolment.userId) ?? 0,
      postAttempts: post.get(enrolment.id)?.attempts ?? 0,
      passed: post.get(enrolment.id)?.passed ?? false,
      bestPostScore: scores.get(enrolment.id)?.bestPostScore ?? null,
      firstPreScore: scores.get(enrolment.id)?.firstPreScore ?? null,
    }
    return { ...enrolment, facts, status: statusOf(facts, dueOf.get(enrolment.cohortId) ?? null, now) }
  })
  const selectedRows = rows.filter((row) => row.cohortId === selected.id)

  const wrongByItem = new Map(wrong.map((row) => [row.itemId, row._count._all]))
  return {
    ...base,
    counts: countStatuses(selectedRows.map((row) => row.status)),
    byCohort: groupCounts(
      rows.map((row) => ({ groupKey: row.cohortId, status: row.status })),
      cohorts.map((cohort) => ({ key: cohort.id, label: cohort.name })),
    ),
    byUnit: groupCounts(
      selectedRows.map((row) => ({ groupKey: row.user.unitId, status: row.status })),
      units.map((unit) => ({ key: unit.id, label: unit.name })),
      NO_UNIT_LABEL,
    ),
    byEmploymentType: groupCounts(
      selectedRows.map((row) => ({ groupKey: row.user.employmentType, status: row.status })),
      EMPLOYMENT_TYPES.map((type) => ({ key: type, label: type })),
      NO_EMPLOYMENT_TYPE_LABEL,
    ),
    scores: scoreSummary(selectedRows.map((row) => row.facts)),
    items: itemAnalysis(
      answered.map((row) => ({ itemId: row.itemId, answered: row._count._all, wrong: wrongByItem.get(row.itemId) ?? 0 })),
      bank.items,
      coverage.rules,
      getLessonOutline(),
    ),
  }
}

// ---------------------------------------------------------------------------------------
// People list
// ---------------------------------------------------------------------------------------

export const PAGE_SIZE = 25
/** People without any enrolment (not assigned to a cohort yet). */
export const UNASSIGNED = 'belum-ditugaskan'
export type PersonStatus = EnrolmentStatus | typeof UNASSIGNED

export type PersonRow = {
  id: string
  name: string
  nip: string | null
  email: string
  unitName: string | null
  /** Status in the person's latest cohort (by year, then assignment). */
  status: PersonStatus
  cohortName: string | null
  lastActivity: Date | null
  /** Best post-test score in the latest cohort. */
  bestScore: number | null
  certificate: { number: string; validUntil: Date; revoked: boolean; expired: boolean } | null
}

export type PeopleQuery = { q?: string; unitId?: string; status?: string; page?: number }

export async function listPeople(agencyId: string, query: PeopleQuery, now = new Date()) {
  const learner = { agencyId, role: 'learner' as const }
  const [units, users, enrolments, lessons, attempts] = await Promise.all([
    db.unit.findMany({ where: { agencyId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { ...learner, ...(query.unitId ? { unitId: query.unitId } : {}) },
      select: { id: true, name: true, nip: true, email: true, unit: { select: { name: true } } },
    }),
    db.enrolment.findMany({
      where: { user: learner, cohort: { agencyId } },
      select: { id: true, userId: true, assignedAt: true, cohort: { select: { name: true, year: true, dueDate: true } } },
    }),
    db.lessonProgress.groupBy({
      by: ['userId'],
      where: { user: learner },
      _count: { completedAt: true },
      _max: { updatedAt: true },
    }),
    db.quizAttempt.groupBy({
      by: ['enrolmentId', 'kind', 'passed'],
      where: { user: learner, enrolment: { cohort: { agencyId } } },
      _count: { _all: true },
      _max: { score: true },
    }),
  ])

  const latestEnrolment = new Map<string, (typeof enrolments)[number]>()
  for (const enrolment of enrolments) {
    const current = latestEnrolment.get(enrolment.userId)
    if (
      !current ||
      enrolment.cohort.year > current.cohort.year ||
      (enrolment.cohort.year === current.cohort.year && enrolment.assignedAt > current.assignedAt)
    ) {
      latestEnrolment.set(enrolment.userId, enrolment)
    }
  }
  const lessonsOf = new Map(lessons.map((row) => [row.userId, row]))
  const postOf = new Map<string, { attempts: number; passed: boolean; best: number | null }>()
  for (const row of attempts) {
    if (!row.enrolmentId || row.kind !== 'posttest') continue
    const post = postOf.get(row.enrolmentId) ?? { attempts: 0, passed: false, best: null }
    post.attempts += row._count._all
    if (row.passed) post.passed = true
    if (row._max.score !== null && (post.best === null || row._max.score > post.best)) post.best = row._max.score
    postOf.set(row.enrolmentId, post)
  }

  const all = users
    .filter((user) => matchesSearch(user, query.q ?? ''))
    .map((user) => {
      const enrolment = latestEnrolment.get(user.id)
      const post = enrolment ? postOf.get(enrolment.id) : undefined
      const status: PersonStatus = enrolment
        ? statusOf(
            {
              enrolmentId: enrolment.id,
              userId: user.id,
              lessonsDone: lessonsOf.get(user.id)?._count.completedAt ?? 0,
              postAttempts: post?.attempts ?? 0,
              passed: post?.passed ?? false,
              bestPostScore: post?.best ?? null,
              firstPreScore: null,
            },
            enrolment.cohort.dueDate,
            now,
          )
        : UNASSIGNED
      return { user, enrolment, status, bestScore: post?.best ?? null }
    })
    .filter((row) => !query.status || row.status === query.status)
    .sort((a, b) => a.user.name.localeCompare(b.user.name, 'id-ID') || a.user.id.localeCompare(b.user.id))

  const page = paginate(all, query.page ?? 1, PAGE_SIZE)
  const ids = page.items.map((row) => row.user.id)
  const [certificates, lastAttempts] = ids.length
    ? await Promise.all([
        db.certificate.findMany({
          where: { userId: { in: ids }, user: learner },
          orderBy: { issuedAt: 'desc' },
          select: { userId: true, number: true, validUntil: true, revokedAt: true },
        }),
        db.quizAttempt.groupBy({ by: ['userId'], where: { userId: { in: ids }, user: learner }, _max: { startedAt: true, submittedAt: true } }),
      ])
    : [[], []]
  const certificateOf = new Map<string, (typeof certificates)[number]>()
  for (const certificate of certificates) if (!certificateOf.has(certificate.userId)) certificateOf.set(certificate.userId, certificate)
  const attemptOf = new Map(lastAttempts.map((row) => [row.userId, row._max]))

  const rows: PersonRow[] = page.items.map(({ user, enrolment, status, bestScore }) => {
    const certificate = certificateOf.get(user.id)
    const attempt = attemptOf.get(user.id)
    return {
      id: user.id,
      name: user.name,
      nip: user.nip,
      email: user.email,
      unitName: user.unit?.name ?? null,
      status,
      cohortName: enrolment?.cohort.name ?? null,
      lastActivity: latest(lessonsOf.get(user.id)?._max.updatedAt, attempt?.startedAt, attempt?.submittedAt),
      bestScore,
      certificate: certificate
        ? {
            number: certificate.number,
            validUntil: certificate.validUntil,
            revoked: certificate.revokedAt !== null,
            expired: certificate.validUntil < now,
          }
        : null,
    }
  })
  return { units, rows, page: page.page, pages: page.pages, total: page.total }
}

// ---------------------------------------------------------------------------------------
// One person
// ---------------------------------------------------------------------------------------

/** One learner of the agency with their history, or null (unknown id, or another agency's). */
export async function getPersonHistory(agencyId: string, personId: string, now = new Date()) {
  const person = await db.user.findFirst({
    where: { id: personId, agencyId, role: 'learner' },
    select: {
      id: true,
      name: true,
      nip: true,
      email: true,
      employmentType: true,
      claimedAt: true,
      createdAt: true,
      unit: { select: { name: true } },
    },
  })
  if (!person) return null
  const [enrolments, lessons, attempts, certificates] = await Promise.all([
    db.enrolment.findMany({
      where: { userId: person.id, cohort: { agencyId } },
      orderBy: { assignedAt: 'desc' },
      select: {
        id: true,
        cycleKey: true,
        assignedAt: true,
        cohort: { select: { id: true, name: true, kind: true, year: true, dueDate: true } },
      },
    }),
    db.lessonProgress.findMany({
      where: { userId: person.id },
      select: { lessonSlug: true, completedAt: true, updatedAt: true },
    }),
    db.quizAttempt.findMany({
      where: { userId: person.id },
      orderBy: { startedAt: 'desc' },
      select: {
        id: true,
        enrolmentId: true,
        kind: true,
        score: true,
        passed: true,
        startedAt: true,
        submittedAt: true,
        enrolment: { select: { cohort: { select: { name: true, agencyId: true } } } },
      },
    }),
    db.certificate.findMany({
      where: { userId: person.id },
      orderBy: { issuedAt: 'desc' },
      select: { id: true, number: true, year: true, cycleKey: true, score: true, completedAt: true, validUntil: true, revokedAt: true, revokedReason: true },
    }),
  ])

  const lessonsDone = lessons.filter((lesson) => lesson.completedAt).length
  const quiz = attemptFacts(attempts)
  const outline = getLessonOutline()
  const progressOf = new Map(lessons.map((lesson) => [lesson.lessonSlug, lesson]))
  return {
    person,
    lessonsDone,
    lessonCount: outline.length,
    lessons: outline.map((lesson) => ({
      slug: lesson.slug,
      title: lesson.title,
      completedAt: progressOf.get(lesson.slug)?.completedAt ?? null,
      updatedAt: progressOf.get(lesson.slug)?.updatedAt ?? null,
    })),
    enrolments: enrolments.map((enrolment) => {
      const q = quiz.get(enrolment.id)
      return {
        ...enrolment,
        bestPostScore: q?.bestPostScore ?? null,
        status: statusOf(
          {
            enrolmentId: enrolment.id,
            userId: person.id,
            lessonsDone,
            postAttempts: q?.postAttempts ?? 0,
            passed: q?.passed ?? false,
            bestPostScore: q?.bestPostScore ?? null,
            firstPreScore: q?.firstPreScore ?? null,
          },
          enrolment.cohort.dueDate,
          now,
        ),
      }
    }),
    attempts: attempts.map(({ enrolment, ...attempt }) => ({
      ...attempt,
      cohortName: enrolment && enrolment.cohort.agencyId === agencyId ? enrolment.cohort.name : null,
    })),
    certificates: certificates.map((certificate) => ({ ...certificate, expired: certificate.validUntil < now })),
  }
}
