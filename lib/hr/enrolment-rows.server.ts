import 'server-only'
import { visiblePersonSql } from './visible-people.server'
import { certificateStatus } from '@/lib/certificates/certificate-status'
import type { CertificateStatus } from '@/lib/vocabulary/statuses'
import { getLessonOutline } from '@/lib/content/lessons.server'
import { Prisma } from '@/lib/db/create-client'
import { databaseProvider, db } from '@/lib/db/db.server'
import { asDate, asNumber } from '@/lib/db/raw-values'
import { isIdentityStatus, type IdentityStatus } from '@/lib/identity/identity-status'
import type { EmploymentType } from '@/lib/identity/nip'
import { ensureCurrentLessons } from './enrolment-facts.server'
import { enrolmentStatus, UNASSIGNED, type EnrolmentStatus, type PersonStatus } from './enrolment-status'

/**
 * The HR read model: "the rows of these people in this cohort (or every cohort of the agency)",
 * answered by ONE SQL statement per page. Every HR page and export that shows a person's
 * progress reads it here: the completion report, the SIASN export, the people list and the
 * person page (issue 13, "The read model"; docs/decisions/013-hr-read-model.md).
 *
 * One definition of each fact, stored on the enrolment and kept by database triggers in the
 * same transaction as every write (lib/hr/enrolment-facts.server.ts, decision 033):
 *   lessonsDone    lessons of the CURRENT outline the person has completed (any cycle)
 *   activeSeconds  time on task: LessonProgress.activeSeconds summed over the current lessons
 *   attempts       post-test attempts of the enrolment (started or submitted)
 *   scores         the best post-test score, the first submitted pre-test's score
 *   passedAt       the first passing post-test submission
 *   status         lib/hr/enrolment-status.ts (the TypeScript rule decides each row; `statusSql`
 *                  below is the same rule for filtering and counting in SQL, and the
 *                  integration test checks that both agree on every row)
 *   certificate    the enrolment's certificate; its validity from lib/certificates/certificate-status.ts
 *
 * Two views:
 *   'enrolments'  one row per enrolment in the agency's cohorts (one cohort, or all); keyed by
 *                 the enrolment id. Reports and the person page.
 *   'people'      one row per person of the agency (learners, and staff with a NIP: they take
 *                 the course too), with their latest enrolment (cohort year, then assignment)
 *                 or none ("belum ditugaskan"); keyed by (lower-cased name, user id). The
 *                 people list.
 *
 * Standard SQL with quoted identifiers, the same text on SQLite and PostgreSQL; enum columns are
 * compared as text. Keyset paging (`after`/`before` + `limit`), so a page costs the same at
 * the start and at the end of 100,000 rows, and memory stays flat when streaming. Each
 * statement binds about (current lessons) + 20 values, far below SQLite's limit (32,766).
 * Scope: every statement filters on the officer's agencyId, for the cohort AND the person, so
 * another agency's cohort, unit or person finds nothing.
 */

export type RowView = 'enrolments' | 'people'

/** Who the HR pages count (lib/hr/counted-person.ts, decision 037), over the person `u`. */
// The identity status compared as it is stored (TEXT on SQLite, an enum on PostgreSQL: the literal
// is read as the enum), not CAST to text: written exactly like this, PostgreSQL's partial index
// "user_counted_agency_idx" (the agency's counted people, decision 039) can serve it.
export const COUNTED_PERSON_SQL = Prisma.sql`(u."nip" IS NOT NULL OR u."identityStatus" = 'rejected')`

/** `column` is one of `unitIds` (none: nothing matches; a unit scope is never widened). */
export function inUnits(column: Prisma.Sql, unitIds: readonly string[]): Prisma.Sql {
  return unitIds.length ? Prisma.sql`${column} IN (${Prisma.join(unitIds)})` : Prisma.sql`1 = 0`
}

/** Where a row sits in the keyset order. `name` is the database's lower-cased name (people view). */
export type RowKey = { id: string; name?: string }

export type RowFilter = {
  /** Always the officer's agency. */
  agencyId: string
  view: RowView
  /** One cohort of the agency (check it first: checkReportScope); absent: all its cohorts. */
  cohortId?: string
  personId?: string
  unitId?: string
  /** A unit operator's or head's units (decision 037): only people in these; absent: the whole agency. */
  unitIds?: readonly string[] | null
  employmentType?: EmploymentType
  status?: PersonStatus
  /** One status or several (the SIASN export asks for ['verified'] by default). */
  identityStatus?: IdentityStatus | readonly IdentityStatus[]
  /** Name or email (case-insensitive), or digits of the NIP. */
  search?: string
  /** Completion date (the certificate's, else the first passed post-test), inclusive. */
  completedFrom?: Date
  completedTo?: Date
  /** Only rows with a certificate that is not revoked (the SIASN export). */
  withValidCertificate?: boolean
  /** The instant "terlambat" and certificate validity are judged at. */
  now?: Date
}

export type EnrolmentRow = {
  key: RowKey
  person: {
    id: string
    name: string
    nip: string | null
    email: string
    employmentType: EmploymentType | null
    unitId: string | null
    unitName: string | null
  }
  identity: { status: IdentityStatus; method: string | null; verifiedAt: Date | null }
  enrolment: {
    id: string
    assignedAt: Date
    cohortId: string
    cohortName: string
    cohortKind: 'onboarding' | 'refresher'
    cohortYear: number
    dueDate: Date | null
  } | null
  status: PersonStatus
  lessonsDone: number
  lessonsTotal: number
  /** Time on task in seconds over the current lessons. */
  activeSeconds: number
  preTestScore: number | null
  bestPostTestScore: number | null
  attempts: number
  passedAt: Date | null
  /** The certificate's completion date, else the first passed post-test. */
  completedAt: Date | null
  certificate: {
    number: string
    completedAt: Date
    validUntil: Date
    revokedAt: Date | null
    jp: number
    status: CertificateStatus
  } | null
  /** Latest lesson or quiz activity of the person (people view only; null in the other). */
  lastActivity: Date | null
}

type RawRow = {
  userId: string
  sortName: string
  name: string
  nip: string | null
  email: string
  employmentType: string | null
  unitId: string | null
  unitName: string | null
  identityStatus: string
  identityMethod: string | null
  identityVerifiedAt: Date | string | null
  enrolmentId: string | null
  assignedAt: Date | string | null
  cohortId: string | null
  cohortName: string | null
  cohortKind: string | null
  cohortYear: number | bigint | null
  dueDate: Date | string | null
  /** The enrolment's stored facts (null without an enrolment). */
  lessonsDone: number | bigint | null
  activeSeconds: number | bigint | null
  postTestAttempts: number | bigint | null
  bestPostTestScore: number | null
  preTestScore: number | null
  passedAt: Date | string | null
  /** People view, no enrolment: "<lessons done>:<active seconds>" from lesson_progress. */
  looseLessonFacts: string | null
  certificateNumber: string | null
  certificateCompletedAt: Date | string | null
  validUntil: Date | string | null
  revokedAt: Date | string | null
  jp: number | null
  lastLessonAt: Date | string | null
  lastQuizAt: Date | string | null
  /** Only in sqlStatusesForTest: the SQL copy of the status rule (rows use the TypeScript rule). */
  sqlStatus?: string
}


function currentLessonSlugs() {
  const slugs = getLessonOutline().map((lesson) => lesson.slug)
  return { total: slugs.length, list: Prisma.join(slugs.length ? slugs : ['']) }
}

/**
 * The search (name or email as a case-insensitive substring, or digits inside the NIP): one
 * definition, `plain` below, which reads every person of the agency. An index serves it at
 * 100,000 people (decision 030):
 *   PostgreSQL  trigram GIN indexes (pg_trgm) on LOWER("name"), LOWER("email") and "nip" serve
 *               these LIKEs as they stand (the planner rechecks each candidate row);
 *   SQLite      the FTS5 trigram index "user_search" (external content on "user", kept by
 *               triggers) gives the candidates - a superset, as it folds case at least as far as
 *               LIKE does - and the plain condition decides each of them, so the rows are exactly
 *               the plain definition's. Trigrams need 3 characters: a shorter search (or shorter
 *               NIP digits) uses the plain condition alone.
 * The people list's page of a search sorts the matches by name. Either planner would walk the
 * agency's name index in order and test each person against the search, expecting the matches
 * to be spread evenly; a first name is not: "sri" walked ~140,000 people to find a page (300 ms
 * on PostgreSQL at bench:hr's agency), and a rare match (one NIP, one email) walked the whole
 * agency (~25 ms on SQLite). So when every condition is the person's own, the page is sorted out
 * of the matches the index gives (rowQuery), and their count comes with it
 * (enrolmentRowsPageAndTotal): a page then costs about what the search's count costs, growing
 * with the matches, not with the agency (decision 057; on SQLite too, decision 062).
 * `search` is already trimmed and lower-cased.
 */
type SearchCondition = {
  condition: Prisma.Sql
  /** SQLite: the condition reads the FTS5 index's candidates. */
  ftsCandidates: boolean
  /** PostgreSQL: the trigram indexes can give the matches (3 characters or more). */
  trigramCandidates: boolean
}

function searchCondition(search: string): SearchCondition {
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const digits = search.replace(/\s+/g, '')
  const byNip = /^\d+$/.test(digits)
  const plain = Prisma.sql`(LOWER(u."name") LIKE ${pattern} ESCAPE '\\' OR LOWER(u."email") LIKE ${pattern} ESCAPE '\\'
      ${byNip ? Prisma.sql`OR u."nip" LIKE ${`%${digits}%`}` : Prisma.empty})`
  const trigrams = [...search].length >= 3 && (!byNip || digits.length >= 3)
  if (databaseProvider !== 'sqlite') return { condition: plain, ftsCandidates: false, trigramCandidates: trigrams }
  if (!trigrams) return { condition: plain, ftsCandidates: false, trigramCandidates: false }
  // An FTS5 phrase is a double-quoted string (a quote inside doubled): every other character is
  // text for the tokenizer, so `%`, `_`, `*` and the like are no syntax here.
  const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`
  const match = `{name email} : ${phrase(search)}${byNip ? ` OR nip : ${phrase(digits)}` : ''}`
  return {
    condition: Prisma.sql`(u."rowid" IN (SELECT "rowid" FROM "user_search" WHERE "user_search" MATCH ${match}) AND ${plain})`,
    ftsCandidates: true,
    trigramCandidates: false,
  }
}

/**
 * The SQL pieces every statement of the model shares (one definition of each fact).
 * `certificateBound`: a page of the enrolments view after (or before) a key passes the same bound
 * on the certificate's enrolment id, which every certificate it joins meets anyway. PostgreSQL
 * merge-joins the page with the certificates, and without the bound its scan of them started at
 * the first one: page 200 of a 100,000-row report read 5,632 certificates to join 250 (decision 063).
 */
function fragments(filter: RowFilter, now: Date, certificateBound: Prisma.Sql = Prisma.empty) {
  const slugs = currentLessonSlugs()
  const agencyId = filter.agencyId
  // The enrolment's stored facts (decision 033: kept by triggers, in the same transaction as
  // every write). A person of the people view with no enrolment has no stored facts: their
  // lessons are counted from lesson_progress, for that row alone.
  const looseLessonFacts = Prisma.sql`CASE WHEN e."id" IS NULL THEN (SELECT CAST(COUNT(lp."completedAt") AS TEXT) || ':' || CAST(COALESCE(SUM(lp."activeSeconds"), 0) AS TEXT)
    FROM "lesson_progress" lp WHERE lp."userId" = u."id" AND lp."lessonSlug" IN (${slugs.list})) END`
  // enrolment-status.ts in SQL: lulus > terlambat > sedang > belum-mulai; no enrolment: belum ditugaskan.
  const status = Prisma.sql`(CASE
    WHEN e."id" IS NULL THEN 'belum-ditugaskan'
    WHEN e."passedAt" IS NOT NULL THEN 'lulus'
    WHEN co."dueDate" IS NOT NULL AND co."dueDate" < ${now} THEN 'terlambat'
    WHEN e."lessonsDone" > 0 OR e."postTestAttempts" > 0 THEN 'sedang'
    ELSE 'belum-mulai' END)`
  const completedAt = Prisma.sql`COALESCE(ce."completedAt", e."passedAt")`
  const unassigned = filter.status === UNASSIGNED
  // Whether a condition reads the person's enrolment (the people view needs it for its rows anyway).
  const readsEnrolment =
    filter.view === 'enrolments' ||
    !!filter.cohortId ||
    (!!filter.status && !unassigned) ||
    !!filter.completedFrom ||
    !!filter.completedTo ||
    !!filter.withValidCertificate
  const search = filter.search?.trim().toLowerCase()
  const searched = search ? searchCondition(search) : undefined
  // An indexed search of the people view when every condition is the person's own: rowQuery
  // finds the page's people first (see searchCondition and rowQuery).
  const personSearch = (searched?.trigramCandidates || searched?.ftsCandidates) && filter.view === 'people' && !readsEnrolment ? searched.condition : null
  const peopleJoins = Prisma.sql`LEFT JOIN "enrolment" e ON e."id" = (
            SELECT e2."id" FROM "enrolment" e2 JOIN "cohort" c2 ON c2."id" = e2."cohortId"
            WHERE e2."userId" = u."id" AND c2."agencyId" = ${agencyId}
              ${filter.cohortId ? Prisma.sql`AND c2."id" = ${filter.cohortId}` : Prisma.empty}
            ORDER BY c2."year" DESC, e2."assignedAt" DESC, e2."id" DESC
            LIMIT 1)
          LEFT JOIN "cohort" co ON co."id" = e."cohortId"
          LEFT JOIN "unit" un ON un."id" = u."unitId"
          LEFT JOIN "certificate" ce ON ce."enrolmentId" = e."id"`
  const from =
    filter.view === 'enrolments'
      ? Prisma.sql`FROM "enrolment" e
          JOIN "cohort" co ON co."id" = e."cohortId"
          JOIN "user" u ON u."id" = e."userId"
          LEFT JOIN "unit" un ON un."id" = u."unitId"
          LEFT JOIN "certificate" ce ON ce."enrolmentId" = e."id" ${certificateBound}`
      : Prisma.sql`FROM "user" u ${peopleJoins}`

  const inAgency = Prisma.sql`u."agencyId" = ${agencyId}`
  const conditions: Prisma.Sql[] = [inAgency]
  if (filter.view === 'enrolments') {
    if (filter.cohortId) conditions.unshift(Prisma.sql`e."cohortId" = ${filter.cohortId}`)
    conditions.push(Prisma.sql`co."agencyId" = ${agencyId}`)
  } else {
    // Everyone of the agency counts (counted-person.ts), HR officers and unit operators included.
    conditions.push(COUNTED_PERSON_SQL)
    // Not the people of an import still writing (decision 053). The enrolments view needs no
    // such test: such a person has no enrolment yet.
    conditions.push(visiblePersonSql('u'))
    if (filter.cohortId) conditions.push(Prisma.sql`e."id" IS NOT NULL`)
  }
  if (filter.personId) conditions.push(Prisma.sql`u."id" = ${filter.personId}`)
  if (filter.unitId) conditions.push(Prisma.sql`u."unitId" = ${filter.unitId}`)
  if (filter.unitIds) conditions.push(inUnits(Prisma.sql`u."unitId"`, filter.unitIds))
  if (filter.employmentType) conditions.push(Prisma.sql`CAST(u."employmentType" AS TEXT) = ${filter.employmentType}`)
  if (filter.identityStatus !== undefined) {
    const statuses = (typeof filter.identityStatus === 'string' ? [filter.identityStatus] : [...filter.identityStatus]).filter(isIdentityStatus)
    conditions.push(statuses.length ? Prisma.sql`CAST(u."identityStatus" AS TEXT) IN (${Prisma.join(statuses)})` : Prisma.sql`1 = 0`)
  }
  // "Belum ditugaskan" is the status rule's first branch (no enrolment): in the people view, no
  // enrolment in the agency's cohorts (in the cohort, when one is given), tested by an index
  // probe per person instead of finding each person's latest enrolment; the enrolments view has
  // none such.
  if (unassigned) {
    conditions.push(
      filter.view === 'people' && !filter.cohortId
        ? // Kept by triggers (decision 033): an index range, not a probe per person.
          Prisma.sql`u."enrolledInAgency" = FALSE`
        : filter.view === 'people'
        ? Prisma.sql`NOT EXISTS (SELECT 1 FROM "enrolment" e3 JOIN "cohort" c3 ON c3."id" = e3."cohortId"
            WHERE e3."userId" = u."id" AND c3."agencyId" = ${agencyId}
              ${filter.cohortId ? Prisma.sql`AND c3."id" = ${filter.cohortId}` : Prisma.empty})`
        : Prisma.sql`1 = 0`,
    )
  } else if (filter.status) conditions.push(Prisma.sql`${status} = ${filter.status}`)
  const personConditions = [...conditions]
  if (searched) conditions.push(searched.condition)
  if (filter.completedFrom) conditions.push(Prisma.sql`${completedAt} >= ${filter.completedFrom}`)
  if (filter.completedTo) conditions.push(Prisma.sql`${completedAt} <= ${filter.completedTo}`)
  if (filter.withValidCertificate) conditions.push(Prisma.sql`ce."id" IS NOT NULL AND ce."revokedAt" IS NULL`)

  // Counting the people view needs the enrolment only when a condition reads it; without one,
  // the count is over the agency's people alone (the LEFT JOINs add no rows: at most one each).
  // Without a condition on the enrolment, the people alone. A whole agency's count is then, on
  // PostgreSQL, an index-only scan of the partial index of its counted people (decision 039).
  const countFrom = readsEnrolment ? from : Prisma.sql`FROM "user" u`
  // An indexed search's count and matches (SQLite) start from the search index's candidates:
  // the unary + keeps the agency's index out of them, which SQLite's planner would otherwise
  // walk - every person of the agency, each row fetched (~1.5 s at 100,000 when most match,
  // against ~0.25 s from the candidates). A page with a condition on the enrolment as well keeps
  // the agency's index: it walks it in key order and stops after a page.
  const fromSearchIndex = (list: Prisma.Sql[]) =>
    searched?.ftsCandidates ? list.map((condition) => (condition === inAgency ? Prisma.sql`+u."agencyId" = ${agencyId}` : condition)) : list
  const countConditions = fromSearchIndex(conditions)

  return { slugs, from, countFrom, conditions, countConditions, status, looseLessonFacts, peopleJoins,
    personSearch: personSearch ? { search: personSearch, conditions: fromSearchIndex(personConditions) } : null }
}

function rowQuery(filter: RowFilter, now: Date, page: { after?: RowKey; before?: RowKey; limit: number }, options: { sqlStatus?: boolean; total?: boolean } = {}) {
  const people = filter.view === 'people'
  const key = page.after ?? page.before
  const op = page.before ? Prisma.sql`<` : Prisma.sql`>`
  const f = fragments(filter, now, key && !people ? Prisma.sql`AND ce."enrolmentId" ${op} ${key.id}` : Prisma.empty)
  // The people view's key as a row value, which PostgreSQL's index scan starts from; the bound
  // on the name alone is what SQLite's planner can start from (it does not use a row value
  // against an expression index). Written as `a > x OR (a = x AND b > y)`, neither could: a
  // page cost a walk over every person before it (page 3,800 of 100,000: ~100 ms on PostgreSQL).
  const keyCondition = key
    ? people
      ? [Prisma.sql`(LOWER(u."name") ${op}= ${key.name ?? ''} AND (LOWER(u."name"), u."id") ${op} (${key.name ?? ''}, ${key.id}))`]
      : [Prisma.sql`e."id" ${op} ${key.id}`]
    : []
  const direction = page.before ? Prisma.sql`DESC` : Prisma.sql`ASC`
  const order = people ? Prisma.sql`LOWER(u."name") ${direction}, u."id" ${direction}` : Prisma.sql`e."id" ${direction}`
  // An indexed search of the people view (see searchCondition): the matches first, from the
  // search index (MATERIALIZED: the planner may not fold them back into a walk of the name
  // index), the page's people sorted out of them, and only those 26 joined to their enrolment,
  // cohort, unit and certificate (joined before the sort, every match was: PostgreSQL hashed
  // every enrolment, 230 ms for "budi"). The page meets every condition already: tested again
  // in the outer WHERE, they made PostgreSQL expect one row and join certificates by a scan.
  const matchesFirst = f.personSearch
  const matches = matchesFirst
    ? Prisma.sql`WITH "matched" AS MATERIALIZED (
        SELECT u."id", u."name" FROM "user" u WHERE ${Prisma.join([...matchesFirst.conditions, matchesFirst.search], ' AND ')}),
      "page" AS (
        SELECT u."id" FROM "matched" u WHERE ${keyCondition.length ? keyCondition[0]! : Prisma.sql`1 = 1`} ORDER BY ${order} LIMIT ${page.limit})`
    : Prisma.empty
  const [from, conditions] = matchesFirst
    ? [Prisma.sql`FROM "page" p JOIN "user" u ON u."id" = p."id" ${f.peopleJoins}`, [Prisma.sql`1 = 1`]]
    : [f.from, [...f.conditions, ...keyCondition]]
  // The filter's total beside each row: the matches counted once (enrolmentRowsPageAndTotal).
  const total = options.total && matchesFirst ? Prisma.sql`, (SELECT COUNT(*) FROM "matched") AS "total"` : Prisma.empty
  const lastActivity = people
    ? Prisma.sql`(SELECT MAX(lp."updatedAt") FROM "lesson_progress" lp WHERE lp."userId" = u."id") AS "lastLessonAt",
        (SELECT MAX(COALESCE(qa."submittedAt", qa."startedAt")) FROM "quiz_attempt" qa WHERE qa."userId" = u."id") AS "lastQuizAt"`
    : Prisma.sql`NULL AS "lastLessonAt", NULL AS "lastQuizAt"`
  return Prisma.sql`${matches}
    SELECT u."id" AS "userId", LOWER(u."name") AS "sortName", u."name", u."nip", u."email",
      CAST(u."employmentType" AS TEXT) AS "employmentType", u."unitId", un."name" AS "unitName",
      CAST(u."identityStatus" AS TEXT) AS "identityStatus", u."identityMethod", u."identityVerifiedAt",
      e."id" AS "enrolmentId", e."assignedAt", co."id" AS "cohortId", co."name" AS "cohortName",
      CAST(co."kind" AS TEXT) AS "cohortKind", co."year" AS "cohortYear", co."dueDate",
      e."lessonsDone", e."activeSeconds", e."postTestAttempts", e."bestPostTestScore", e."preTestScore", e."passedAt",
      ${people ? f.looseLessonFacts : Prisma.sql`NULL`} AS "looseLessonFacts",
      ce."number" AS "certificateNumber", ce."completedAt" AS "certificateCompletedAt", ce."validUntil", ce."revokedAt", ce."jp",
      ${lastActivity}
      ${options.sqlStatus ? Prisma.sql`, ${f.status} AS "sqlStatus"` : Prisma.empty}
      ${total}
    ${from}
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${order}
    LIMIT ${page.limit}`
}

function rawKey(raw: RawRow, view: RowView): RowKey {
  return view === 'people' ? { id: raw.userId, name: raw.sortName } : { id: raw.enrolmentId! }
}

function toRow(raw: RawRow, view: RowView, lessonsTotal: number, now: Date): EnrolmentRow {
  const passedAt = asDate(raw.passedAt)
  const [looseDone, looseSeconds] = (raw.looseLessonFacts ?? '0:0').split(':')
  const lessonsDone = raw.enrolmentId ? Number(raw.lessonsDone ?? 0) : Number(looseDone) || 0
  const activeSeconds = raw.enrolmentId ? Number(raw.activeSeconds ?? 0) : Number(looseSeconds) || 0
  const attempts = Number(raw.postTestAttempts ?? 0)
  const bestPostTestScore = asNumber(raw.bestPostTestScore)
  const dueDate = asDate(raw.dueDate)
  const status: PersonStatus = raw.enrolmentId ? enrolmentStatus({ passed: passedAt !== null, lessonsDone, attempts, dueDate, now }) : UNASSIGNED
  const certificate =
    raw.certificateNumber !== null
      ? {
          number: raw.certificateNumber,
          completedAt: asDate(raw.certificateCompletedAt)!,
          validUntil: asDate(raw.validUntil)!,
          revokedAt: asDate(raw.revokedAt),
          jp: Number(raw.jp),
          status: 'berlaku' as CertificateStatus,
        }
      : null
  if (certificate) certificate.status = certificateStatus(certificate, now)
  const lastLesson = asDate(raw.lastLessonAt)
  const lastQuiz = asDate(raw.lastQuizAt)
  return {
    key: rawKey(raw, view),
    person: {
      id: raw.userId,
      name: raw.name,
      nip: raw.nip,
      email: raw.email,
      employmentType: (raw.employmentType as EmploymentType | null) ?? null,
      unitId: raw.unitId,
      unitName: raw.unitName,
    },
    identity: {
      status: isIdentityStatus(raw.identityStatus) ? raw.identityStatus : 'claimed',
      method: raw.identityMethod,
      verifiedAt: asDate(raw.identityVerifiedAt),
    },
    enrolment: raw.enrolmentId
      ? {
          id: raw.enrolmentId,
          assignedAt: asDate(raw.assignedAt)!,
          cohortId: raw.cohortId!,
          cohortName: raw.cohortName!,
          cohortKind: raw.cohortKind === 'refresher' ? 'refresher' : 'onboarding',
          cohortYear: Number(raw.cohortYear),
          dueDate,
        }
      : null,
    status,
    lessonsDone,
    lessonsTotal,
    activeSeconds,
    preTestScore: asNumber(raw.preTestScore),
    bestPostTestScore,
    attempts,
    passedAt,
    completedAt: certificate?.completedAt ?? passedAt,
    certificate,
    lastActivity: lastLesson && lastQuiz ? (lastLesson > lastQuiz ? lastLesson : lastQuiz) : (lastLesson ?? lastQuiz),
  }
}

export type RowPage = { after?: RowKey; before?: RowKey; limit: number }

/** One page of the read model's raw rows (the limit capped at 1,000). */
async function rawRowsPage(filter: RowFilter, page: RowPage, now: Date, options: { total?: boolean } = {}): Promise<(RawRow & { total?: number | bigint | string })[]> {
  await ensureCurrentLessons()
  const limit = Math.max(1, Math.min(1000, Math.floor(page.limit)))
  return db.$queryRaw<RawRow[]>(rowQuery(filter, now, { ...page, limit }, options))
}

/** A page's rows in ascending key order (a page `before` a key is read descending). */
function pageRows(raws: RawRow[], filter: RowFilter, page: RowPage, now: Date): EnrolmentRow[] {
  const lessonsTotal = currentLessonSlugs().total
  const rows = raws.map((raw) => toRow(raw, filter.view, lessonsTotal, now))
  return page.before ? rows.reverse() : rows
}

/**
 * One page of rows in key order (`after` a key, or the page `before` one, still returned in
 * ascending order). The limit is capped at 1,000.
 */
export async function enrolmentRowsPage(filter: RowFilter, page: RowPage): Promise<EnrolmentRow[]> {
  const now = filter.now ?? new Date()
  return pageRows(await rawRowsPage(filter, page, now), filter, page, now)
}

/**
 * One page of rows and the filter's total, as the people list shows them. A PostgreSQL search
 * of the people view answers both from one statement, whose matches it finds anyway (see
 * rowQuery): the count cost what finding the page costs, and this way it is paid once. Other
 * filters read the page and count in parallel (the count is often a kept sum: decision 055).
 */
export async function enrolmentRowsPageAndTotal(filter: RowFilter, page: RowPage): Promise<{ rows: EnrolmentRow[]; total: number }> {
  const now = filter.now ?? new Date()
  if (!fragments(filter, now).personSearch) {
    const [rows, total] = await Promise.all([enrolmentRowsPage(filter, page), countEnrolmentRows(filter)])
    return { rows, total }
  }
  const raws = await rawRowsPage(filter, page, now, { total: true })
  // No row: no match at all, unless the page lies past either end of them (a stale link).
  const total = raws.length ? Number(raws[0]!.total) : page.after || page.before ? await countEnrolmentRows(filter) : 0
  return { rows: pageRows(raws, filter, page, now), total }
}

/**
 * Rows per SQL page of a streamed report. Small on purpose: rows that are still in memory when
 * V8 collects its young generation are copied, and soon moved to its old space, which is only
 * collected once it has grown well past the server's baseline. With pages of 1,000 rows the XLSX
 * download of 100,000 rows peaked ~70 MB higher than with 250 (docs/benchmarks.md, "The
 * report's memory", decision 054); 400 statements instead of 100 cost no measurable time.
 */
export const STREAM_PAGE_ROWS = 250

/**
 * One page's rows, each made from its raw row only when it is asked for, and the raw row then
 * released: neither a page of rows nor of raw rows outlives the page being written.
 */
function* rowsOnDemand(raws: (RawRow | undefined)[], convert: (raw: RawRow) => EnrolmentRow): Generator<EnrolmentRow> {
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!
    raws[i] = undefined
    yield convert(raw)
  }
}

/**
 * Every row of the filter, one SQL page at a time with flat memory (pages of `pageSize` rows;
 * the first at most 200, so a download starts at once). A page is iterated once (see
 * rowsOnDemand). On PostgreSQL the next page is asked for as soon as a page arrives, so the
 * database reads it while this one is written: a 100,000-row report waited ~5 ms per page for
 * PostgreSQL with the app idle (400 pages), and at most one page more is in memory. SQLite's
 * driver runs a statement on this thread: there is nothing to overlap, so the next page is read
 * when the consumer asks for it.
 */
export async function* enrolmentRowPages(filter: RowFilter, pageSize = STREAM_PAGE_ROWS): AsyncGenerator<Iterable<EnrolmentRow>> {
  const now = filter.now ?? new Date()
  const fixed = { ...filter, now }
  const readAhead = databaseProvider === 'postgresql'
  let limit = Math.min(pageSize, 200)
  let next: Promise<RawRow[]> | null = rawRowsPage(fixed, { limit }, now)
  try {
    while (next) {
      const raws: RawRow[] = await next
      next = null
      const count = raws.length
      if (count === 0) return
      const page = { after: rawKey(raws[count - 1]!, fixed.view), limit: pageSize }
      const last = count < limit
      limit = pageSize
      if (!last && readAhead) next = rawRowsPage(fixed, page, now)
      const lessonsTotal = currentLessonSlugs().total
      yield rowsOnDemand(raws, (raw) => toRow(raw, fixed.view, lessonsTotal, now))
      if (last) return
      next ??= rawRowsPage(fixed, page, now)
    }
  } finally {
    // A consumer that stops early (a download cancelled) leaves a page read ahead: its failure
    // is nobody's to handle.
    next?.catch(() => undefined)
  }
}

/** Every row of the filter one at a time (see enrolmentRowPages). */
export async function* enrolmentRows(filter: RowFilter, pageSize = STREAM_PAGE_ROWS): AsyncGenerator<EnrolmentRow> {
  for await (const page of enrolmentRowPages(filter, pageSize)) yield* page
}

/** How many rows the filter has (the same definition, no paging). */
export async function countEnrolmentRows(filter: RowFilter): Promise<number> {
  const kept = keptHeadcountQuery(filter)
  if (!kept) await ensureCurrentLessons()
  const [result] = await db.$queryRaw<{ n: number | bigint | string | null }[]>(kept ?? countQuery(filter))
  return Number(result?.n ?? 0)
}

/**
 * The people view filtered by nothing but units, identity statuses and "belum ditugaskan"
 * counts exactly the agency's counted people of those units and statuses, which triggers keep
 * per agency, unit, identity status and "enrolledInAgency" (agency_headcount, decision 055): a
 * sum of a few rows instead of a count over up to 100,000 people (8–15 ms on SQLite, on every
 * first page and every "Berikutnya" of the people list; the dashboard's "belum ditugaskan"). Any other condition (a cohort, a status, a search, an employment type …) is
 * counted from the rows. The integration tests hold both to the same number.
 *
 * The triggers count every row of "user", the accounts of an import still being written
 * (decision 053) too; those are taken off again, counted from the index on "pendingImportId"
 * (no rows outside an import, at most the import's own while it writes).
 */
function keptHeadcountQuery(filter: RowFilter): Prisma.Sql | null {
  const { agencyId, view, unitId, unitIds, identityStatus, status, now: _now, ...others } = filter
  if (view !== 'people' || Object.values(others).some((value) => value !== undefined && value !== '' && value !== false)) return null
  // "Belum ditugaskan" of the whole agency is "enrolledInAgency" false (as in fragments()); any other status reads enrolments.
  if (status !== undefined && status !== UNASSIGNED) return null
  const kept = [Prisma.sql`h."agencyId" = ${agencyId}`]
  const pending = [Prisma.sql`u."pendingImportId" IS NOT NULL`, Prisma.sql`u."agencyId" = ${agencyId}`, COUNTED_PERSON_SQL, Prisma.sql`NOT ${visiblePersonSql('u')}`]
  if (status === UNASSIGNED) {
    kept.push(Prisma.sql`h."enrolled" = FALSE`)
    pending.push(Prisma.sql`u."enrolledInAgency" = FALSE`)
  }
  if (unitId) {
    kept.push(Prisma.sql`h."unitId" = ${unitId}`)
    pending.push(Prisma.sql`u."unitId" = ${unitId}`)
  }
  if (unitIds) {
    kept.push(inUnits(Prisma.sql`h."unitId"`, unitIds))
    pending.push(inUnits(Prisma.sql`u."unitId"`, unitIds))
  }
  if (identityStatus !== undefined) {
    const statuses = (typeof identityStatus === 'string' ? [identityStatus] : [...identityStatus]).filter(isIdentityStatus)
    kept.push(statuses.length ? Prisma.sql`h."identityStatus" IN (${Prisma.join(statuses)})` : Prisma.sql`1 = 0`)
    pending.push(statuses.length ? Prisma.sql`CAST(u."identityStatus" AS TEXT) IN (${Prisma.join(statuses)})` : Prisma.sql`1 = 0`)
  }
  // SQLite's planner, without statistics, walks the agency's index for this (every person, ~9 ms
  // at 100,000) rather than the few flagged rows: it is told which index to read.
  const pendingFrom = databaseProvider === 'sqlite' ? Prisma.sql`"user" u INDEXED BY "user_pendingImportId_idx"` : Prisma.sql`"user" u`
  return Prisma.sql`SELECT COALESCE(SUM(h."n"), 0) - (SELECT COUNT(*) FROM ${pendingFrom} WHERE ${Prisma.join(pending, ' AND ')}) AS "n"
    FROM "agency_headcount" h WHERE ${Prisma.join(kept, ' AND ')}`
}

/**
 * The statement that counts the agency's people in no cohort ("belum ditugaskan"), of `unitIds`
 * only when given: the kept headcount (keptHeadcountQuery), for the dashboard to read beside
 * its other figures in one statement.
 */
export function unassignedCountStatement(agencyId: string, unitIds: readonly string[] | null): Prisma.Sql {
  const kept = keptHeadcountQuery({ agencyId, view: 'people', status: UNASSIGNED, unitIds })
  if (!kept) throw new Error('the people in no cohort are always counted from the kept headcount')
  return kept
}

function countQuery(filter: RowFilter): Prisma.Sql {
  const f = fragments(filter, filter.now ?? new Date())
  return Prisma.sql`SELECT COUNT(*) AS "n" ${f.countFrom} WHERE ${Prisma.join(f.countConditions, ' AND ')}`
}

export type RowCount = {
  cohortId: string | null
  unitId: string | null
  employmentType: EmploymentType | null
  identityStatus: IdentityStatus
  status: PersonStatus
  count: number
}

/**
 * The rows of the filter counted per cohort, unit, employment type, identity status and status:
 * a GROUP BY over the same definition (the dashboard's numbers equal the report's rows).
 */
export async function countEnrolmentRowsByGroup(filter: RowFilter): Promise<RowCount[]> {
  await ensureCurrentLessons()
  const f = fragments(filter, filter.now ?? new Date())
  const raws = await db.$queryRaw<
    { cohortId: string | null; unitId: string | null; employmentType: string | null; identityStatus: string; status: string; n: number | bigint | string }[]
  >`
    SELECT g."cohortId", g."unitId", g."employmentType", g."identityStatus", g."status", COUNT(*) AS "n"
    FROM (
      SELECT co."id" AS "cohortId", u."unitId", CAST(u."employmentType" AS TEXT) AS "employmentType",
        CAST(u."identityStatus" AS TEXT) AS "identityStatus", ${f.status} AS "status"
      ${f.from}
      WHERE ${Prisma.join(f.conditions, ' AND ')}
    ) g
    GROUP BY g."cohortId", g."unitId", g."employmentType", g."identityStatus", g."status"`
  return raws.map((raw) => ({
    cohortId: raw.cohortId,
    unitId: raw.unitId,
    employmentType: (raw.employmentType as EmploymentType | null) ?? null,
    identityStatus: isIdentityStatus(raw.identityStatus) ? raw.identityStatus : 'claimed',
    status: raw.status as PersonStatus,
    count: Number(raw.n),
  }))
}

/**
 * The agency's kept counts (enrolment_count, decision 033), of `unitIds` only when given, each
 * with the status rule's status: "terlambat" decided here from the cohort's due date, as in the
 * row statement.
 */
function keptCountsWithStatus(agencyId: string, now: Date, unitIds: readonly string[] | null): Prisma.Sql {
  return Prisma.sql`
    SELECT ec."cohortId", ec."unitId", ec."employmentType", ec."identityStatus", ec."n",
      (CASE WHEN ec."progress" = 'lulus' THEN 'lulus'
        WHEN co."dueDate" IS NOT NULL AND co."dueDate" < ${now} THEN 'terlambat'
        WHEN ec."progress" = 'mulai' THEN 'sedang'
        ELSE 'belum-mulai' END) AS "status"
    FROM "enrolment_count" ec JOIN "cohort" co ON co."id" = ec."cohortId"
    WHERE co."agencyId" = ${agencyId} AND ec."agencyId" = ${agencyId} AND ec."n" <> 0
      ${unitIds ? Prisma.sql`AND ${inUnits(Prisma.sql`ec."unitId"`, unitIds)}` : Prisma.empty}`
}

/**
 * The same counts as countEnrolmentRowsByGroup for every cohort of the agency (the enrolments
 * view, no other filter), read from enrolment_count, which triggers keep in the same transaction
 * as every write (decision 033): a few hundred rows instead of every enrolment. The status rule's
 * "terlambat" is decided here from the cohort's due date, as in the row statement.
 */
export async function countEnrolmentsFromSummary(agencyId: string, now = new Date(), unitIds: readonly string[] | null = null): Promise<RowCount[]> {
  await ensureCurrentLessons()
  const raws = await db.$queryRaw<
    { cohortId: string; unitId: string; employmentType: string; identityStatus: string; status: string; n: number | bigint | string }[]
  >`
    SELECT g."cohortId", g."unitId", g."employmentType", g."identityStatus", g."status", SUM(g."n") AS "n"
    FROM (${keptCountsWithStatus(agencyId, now, unitIds)}) g
    GROUP BY g."cohortId", g."unitId", g."employmentType", g."identityStatus", g."status"`
  return raws
    .map((raw) => ({
      cohortId: raw.cohortId,
      unitId: raw.unitId === '' ? null : raw.unitId,
      employmentType: raw.employmentType === '' ? null : (raw.employmentType as EmploymentType),
      identityStatus: isIdentityStatus(raw.identityStatus) ? raw.identityStatus : ('claimed' as const),
      status: raw.status as PersonStatus,
      count: Number(raw.n),
    }))
    .filter((row) => row.count !== 0)
}

/** The agency's cohorts newest first (over `co`): the dashboard's list, and its default cohort. */
export const COHORT_ORDER = Prisma.sql`co."year" DESC, co."createdAt" DESC, co."name" ASC, co."id" ASC`

/**
 * A cohort of the agency in SQL: the given id, or (null) the agency's newest, so the dashboard
 * can ask for its counts in the same round as its list of cohorts instead of after it.
 */
function cohortOrNewest(agencyId: string, cohortId: string | null): Prisma.Sql {
  return cohortId
    ? Prisma.sql`${cohortId}`
    : Prisma.sql`(SELECT co."id" FROM "cohort" co WHERE co."agencyId" = ${agencyId} ORDER BY ${COHORT_ORDER} LIMIT 1)`
}

/** One of the dashboard's breakdowns: the rows counted per status and per one key. */
export type SummaryBreakdown = 'cohort' | 'unit' | 'employmentType' | 'identityStatus'

export type SummaryCount = { by: SummaryBreakdown; key: string | null; status: EnrolmentStatus; count: number }

export type RowScoreAverages = {
  /** Rows with a best post-test score, and its mean. */
  postLearners: number
  averageBestPost: number | null
  /** Rows with both a first pre-test score and a best post-test score: the means of each and of the gain. */
  gainLearners: number
  averagePreOfGain: number | null
  averagePostOfGain: number | null
  averageGain: number | null
}

/**
 * Mean scores over the rows of the filter (the dashboard's score summary): the best post-test
 * score and the first pre-test score by the model's definitions, averaged in SQL instead of
 * loading every attempt of a cohort.
 */
export async function scoreAverages(filter: RowFilter): Promise<RowScoreAverages> {
  await ensureCurrentLessons()
  const f = fragments(filter, filter.now ?? new Date())
  const [raw] = await db.$queryRaw<Record<string, number | bigint | string | null>[]>`
    SELECT COUNT(s."best") AS "postLearners", AVG(s."best") AS "averageBestPost",
      COUNT(s."best" - s."pre") AS "gainLearners", AVG(CASE WHEN s."pre" IS NOT NULL THEN s."best" END) AS "averagePostOfGain",
      AVG(CASE WHEN s."best" IS NOT NULL THEN s."pre" END) AS "averagePreOfGain", AVG(s."best" - s."pre") AS "averageGain"
    FROM (
      SELECT e."bestPostTestScore" AS "best", e."preTestScore" AS "pre"
      ${f.from}
      WHERE ${Prisma.join(f.conditions, ' AND ')}
    ) s`
  const number = (key: string) => asNumber(raw?.[key] ?? null)
  return {
    postLearners: number('postLearners') ?? 0,
    averageBestPost: number('averageBestPost'),
    gainLearners: number('gainLearners') ?? 0,
    averagePreOfGain: number('averagePreOfGain'),
    averagePostOfGain: number('averagePostOfGain'),
    averageGain: number('averageGain'),
  }
}

/** The dashboard's counts and score means (see dashboardSummary). */
export type DashboardSummary = { counts: SummaryCount[]; scores: RowScoreAverages }

/**
 * What the dashboard shows, from enrolment_count in one statement: every cohort of the agency
 * per status; the selected cohort (null: the newest) per status and unit, employment type and
 * identity status; and the selected cohort's score sums, from which scoreAverages' means follow.
 * The same sums as countEnrolmentsFromSummary (which the integration tests hold to the GROUP BY
 * over the rows), added up in SQL per breakdown: a few hundred rows back instead of one per
 * (cohort, unit, employment type, identity status, status) combination (~1,400 at bench:hr's
 * agency), whose conversion into JavaScript cost more than the query (docs/benchmarks.md).
 * The score sums come first: PostgreSQL types a UNION's columns branch by branch from the left,
 * and their columns are NULL in every other branch.
 */
export async function dashboardSummary(agencyId: string, cohortId: string | null, now = new Date(), unitIds: readonly string[] | null = null): Promise<DashboardSummary> {
  await ensureCurrentLessons()
  const selected = cohortOrNewest(agencyId, cohortId)
  const noScores = Prisma.sql`NULL, NULL, NULL, NULL, NULL`
  const raws = await db.$queryRaw<
    ({ by: string; key: string | null; status: string | null; n: number | bigint | string | null } & Record<ScoreSum, number | bigint | string | null>)[]
  >`
    WITH c AS (${keptCountsWithStatus(agencyId, now, unitIds)})
    SELECT CAST('scores' AS TEXT) AS "by", NULL AS "key", NULL AS "status", NULL AS "n",
      SUM(ec."bestCount") AS "bestCount", SUM(ec."bestSum") AS "bestSum", SUM(ec."gainCount") AS "gainCount",
      SUM(ec."gainPreSum") AS "gainPreSum", SUM(ec."gainBestSum") AS "gainBestSum"
    FROM "enrolment_count" ec JOIN "cohort" co ON co."id" = ec."cohortId"
    WHERE ec."cohortId" = ${selected} AND co."agencyId" = ${agencyId} AND ec."agencyId" = ${agencyId}
      ${unitIds ? Prisma.sql`AND ${inUnits(Prisma.sql`ec."unitId"`, unitIds)}` : Prisma.empty}
    UNION ALL
    SELECT CAST('cohort' AS TEXT), c."cohortId", c."status", SUM(c."n"), ${noScores} FROM c GROUP BY c."cohortId", c."status"
    UNION ALL
    SELECT CAST('unit' AS TEXT), c."unitId", c."status", SUM(c."n"), ${noScores} FROM c WHERE c."cohortId" = ${selected} GROUP BY c."unitId", c."status"
    UNION ALL
    SELECT CAST('employmentType' AS TEXT), c."employmentType", c."status", SUM(c."n"), ${noScores} FROM c WHERE c."cohortId" = ${selected} GROUP BY c."employmentType", c."status"
    UNION ALL
    SELECT CAST('identityStatus' AS TEXT), c."identityStatus", c."status", SUM(c."n"), ${noScores} FROM c WHERE c."cohortId" = ${selected} GROUP BY c."identityStatus", c."status"`
  const sums = raws.find((raw) => raw.by === 'scores')
  const sum = (key: ScoreSum) => Number(sums?.[key] ?? 0)
  const postLearners = sum('bestCount')
  const gainLearners = sum('gainCount')
  const mean = (total: number, count: number) => (count > 0 ? total / count : null)
  return {
    counts: raws
      .filter((raw) => raw.by !== 'scores')
      .map((raw) => ({
        by: raw.by as SummaryBreakdown,
        // enrolment_count keys "no unit" and "no employment type" as ''.
        key: raw.key === '' ? null : raw.key,
        status: raw.status as EnrolmentStatus,
        count: Number(raw.n),
      }))
      .filter((row) => row.count !== 0),
    scores: {
      postLearners,
      averageBestPost: mean(sum('bestSum'), postLearners),
      gainLearners,
      averagePreOfGain: mean(sum('gainPreSum'), gainLearners),
      averagePostOfGain: mean(sum('gainBestSum'), gainLearners),
      averageGain: mean(sum('gainBestSum') - sum('gainPreSum'), gainLearners),
    },
  }
}

type ScoreSum = 'bestCount' | 'bestSum' | 'gainCount' | 'gainPreSum' | 'gainBestSum'

/**
 * The SQL status of each row of a page, by key id: for the test that both copies of the rule
 * agree. (Rows do not carry it: three more correlated subqueries per row cost the reports time.)
 */
export async function sqlStatusesForTest(filter: RowFilter, page: RowPage): Promise<Map<string, string>> {
  await ensureCurrentLessons()
  const now = filter.now ?? new Date()
  const raws = await db.$queryRaw<RawRow[]>(rowQuery(filter, now, page, { sqlStatus: true }))
  return new Map(raws.map((raw) => [filter.view === 'people' ? raw.userId : raw.enrolmentId!, raw.sqlStatus ?? '']))
}

/** The statement of one page, for tests that read its query plan (EXPLAIN). */
export function rowsPageStatementForTest(filter: RowFilter, page: RowPage): Prisma.Sql {
  return rowQuery(filter, filter.now ?? new Date(), page)
}

/** The count statement, for tests that read its query plan (EXPLAIN). */
export function countStatementForTest(filter: RowFilter): Prisma.Sql {
  return countQuery(filter)
}
