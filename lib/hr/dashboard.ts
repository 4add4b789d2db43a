/**
 * Pure aggregation for the HR dashboard: no database, no framework. The server module
 * (dashboard.server.ts) hands it the read model's grouped counts and the cohort's attempts.
 * The status rule itself lives in enrolment-status.ts (and its SQL copy in the read model).
 */
import type { EnrolmentStatus } from './enrolment-status'

/** The four statuses in the order the dashboard shows them. */
export const STATUS_ORDER: readonly EnrolmentStatus[] = ['lulus', 'sedang', 'terlambat', 'belum-mulai']

export type StatusCounts = Record<EnrolmentStatus, number> & { total: number }

export function emptyCounts(): StatusCounts {
  return { total: 0, lulus: 0, sedang: 0, terlambat: 0, 'belum-mulai': 0 }
}

/** Counts statuses; an entry may stand for several rows (`count`, from a GROUP BY). */
export function countStatuses(statuses: Iterable<EnrolmentStatus | { status: EnrolmentStatus; count: number }>): StatusCounts {
  const counts = emptyCounts()
  for (const entry of statuses) {
    const { status, count } = typeof entry === 'string' ? { status: entry, count: 1 } : entry
    counts[status] += count
    counts.total += count
  }
  return counts
}

/** Whole-number percentage of `part` in `total` (0 when there is nothing to divide). */
export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0
}

/** One enrolment's facts as the queries return them. */
export type EnrolmentFacts = {
  enrolmentId: string
  userId: string
  /** Lessons the person has completed (any cycle). */
  lessonsDone: number
  /** Post-test attempts of this enrolment (started or submitted). */
  postAttempts: number
  /** A passed post-test attempt of this enrolment exists. */
  passed: boolean
  /** Best submitted post-test score of this enrolment, or null. */
  bestPostScore: number | null
  /** Score of the first submitted pre-test of this enrolment, or null. */
  firstPreScore: number | null
}

export type Group = { key: string; label: string; counts: StatusCounts }

/**
 * Status counts per group (unit, employment type …), in the order of `groups`; rows whose key
 * is not listed go to a final "other" group when `otherLabel` is given (and it is not empty).
 */
export function groupCounts(
  rows: readonly { groupKey: string | null; status: EnrolmentStatus; count?: number }[],
  groups: readonly { key: string; label: string }[],
  otherLabel?: string,
): Group[] {
  const byKey = new Map<string, Group>(groups.map((group) => [group.key, { ...group, counts: emptyCounts() }]))
  const other: Group = { key: '', label: otherLabel ?? '', counts: emptyCounts() }
  for (const row of rows) {
    const group = (row.groupKey !== null && byKey.get(row.groupKey)) || other
    group.counts[row.status] += row.count ?? 1
    group.counts.total += row.count ?? 1
  }
  const result = [...byKey.values()]
  if (otherLabel && other.counts.total > 0) result.push(other)
  return result
}

/** Mean of the numbers, rounded to one decimal, or null for none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10
}

export type ScoreSummary = {
  /** Mean of each learner's best post-test score, over learners with a submitted post-test. */
  averageBestPost: number | null
  postLearners: number
  /** Mean of (best post-test − first pre-test), over learners with both. */
  averageGain: number | null
  averagePreOfGain: number | null
  averagePostOfGain: number | null
  gainLearners: number
}

export function scoreSummary(facts: readonly EnrolmentFacts[]): ScoreSummary {
  const posts: number[] = []
  const gains: number[] = []
  const pres: number[] = []
  const postsWithPre: number[] = []
  for (const fact of facts) {
    if (fact.bestPostScore === null) continue
    posts.push(fact.bestPostScore)
    if (fact.firstPreScore === null) continue
    gains.push(fact.bestPostScore - fact.firstPreScore)
    pres.push(fact.firstPreScore)
    postsWithPre.push(fact.bestPostScore)
  }
  return {
    averageBestPost: mean(posts),
    postLearners: posts.length,
    averageGain: mean(gains),
    averagePreOfGain: mean(pres),
    averagePostOfGain: mean(postsWithPre),
    gainLearners: gains.length,
  }
}

/** Post-test attempts of one enrolment, as the query returns them. */
export type AttemptRow = {
  enrolmentId: string | null
  kind: 'pretest' | 'posttest'
  score: number | null
  passed: boolean | null
  submittedAt: Date | null
  startedAt: Date
}

/** Per-enrolment quiz facts from the attempts of a set of enrolments. */
export function attemptFacts(attempts: readonly AttemptRow[]) {
  const byEnrolment = new Map<
    string,
    { postAttempts: number; passed: boolean; bestPostScore: number | null; firstPreScore: number | null; firstPreAt: Date | null }
  >()
  for (const attempt of attempts) {
    if (!attempt.enrolmentId) continue
    let facts = byEnrolment.get(attempt.enrolmentId)
    if (!facts) {
      facts = { postAttempts: 0, passed: false, bestPostScore: null, firstPreScore: null, firstPreAt: null }
      byEnrolment.set(attempt.enrolmentId, facts)
    }
    if (attempt.kind === 'posttest') {
      facts.postAttempts += 1
      if (attempt.passed) facts.passed = true
      if (attempt.submittedAt && attempt.score !== null && (facts.bestPostScore === null || attempt.score > facts.bestPostScore)) {
        facts.bestPostScore = attempt.score
      }
    } else if (attempt.submittedAt && attempt.score !== null && (facts.firstPreAt === null || attempt.submittedAt < facts.firstPreAt)) {
      facts.firstPreAt = attempt.submittedAt
      facts.firstPreScore = attempt.score
    }
  }
  return byEnrolment
}

/** The rules in report order: the eight points of SE 137/2018 first, then coverage-map order. */
export function orderRules<T extends { id: string }>(rules: readonly T[]): T[] {
  const first = Array.from({ length: 8 }, (_, i) => `se137-${i + 1}`)
  const rank = (id: string) => {
    const index = first.indexOf(id)
    return index === -1 ? first.length : index
  }
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => rank(a.rule.id) - rank(b.rule.id) || a.index - b.index)
    .map(({ rule }) => rule)
}

export type ItemCount = { itemId: string; answered: number; wrong: number }

export type RuleAnalysis = {
  ruleId: string
  title: string
  area: string
  /** Answers to items tagged with the rule. */
  answered: number
  /** Of those, answers with credit < 1. */
  wrong: number
  /** wrong / answered in whole percent, or null when nothing was answered. */
  wrongPercent: number | null
  /** Lesson that explains the rule (for /belajar/<slug>#aturan-<rule>), or null. */
  lessonSlug: string | null
}

/**
 * Item analysis per rule of the coverage map: the share of answers to items tagged with the
 * rule (any position in the item's `rules`) that did not earn full credit.
 */
export function itemAnalysis(
  counts: readonly ItemCount[],
  items: readonly { id: string; rules: readonly string[] }[],
  rules: readonly { id: string; area: string; title?: string }[],
  lessons: readonly { slug: string; rules: readonly string[] }[],
): RuleAnalysis[] {
  const rulesOfItem = new Map(items.map((item) => [item.id, item.rules]))
  const totals = new Map<string, { answered: number; wrong: number }>()
  for (const count of counts) {
    for (const ruleId of new Set(rulesOfItem.get(count.itemId) ?? [])) {
      const total = totals.get(ruleId) ?? { answered: 0, wrong: 0 }
      total.answered += count.answered
      total.wrong += count.wrong
      totals.set(ruleId, total)
    }
  }
  const lessonOf = new Map<string, string>()
  for (const lesson of lessons) for (const rule of lesson.rules) if (!lessonOf.has(rule)) lessonOf.set(rule, lesson.slug)
  return orderRules(rules).map((rule) => {
    const total = totals.get(rule.id) ?? { answered: 0, wrong: 0 }
    return {
      ruleId: rule.id,
      title: rule.title ?? rule.id,
      area: rule.area,
      answered: total.answered,
      wrong: total.wrong,
      wrongPercent: total.answered > 0 ? percent(total.wrong, total.answered) : null,
      lessonSlug: lessonOf.get(rule.id) ?? null,
    }
  })
}
