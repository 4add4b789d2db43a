import { STATUS_ORDER } from '@/lib/hr/dashboard'
import type { EnrolmentStatus } from '@/lib/vocabulary/statuses'

/** The four counts of the digest, in the dashboard's order (lulus, sedang, terlambat, belum-mulai). */
export type DigestCounts = Record<EnrolmentStatus, number> & { total: number }

export type DigestUnit = { unitId: string | null; name: string; counts: DigestCounts }

export type DigestCohort = {
  id: string
  name: string
  dueDate: Date | null
  counts: DigestCounts
  /** Units with the most people overdue, then not started, first; at most `unitLimit`. */
  units: DigestUnit[]
  /** Units left out of `units` (the dashboard shows them all). */
  moreUnits: number
}

export type DigestSummary = { cohorts: DigestCohort[]; moreCohorts: number }

/** A count of the HR read model (countEnrolmentsFromSummary): one cohort, unit and status. */
export type DigestCountRow = { cohortId: string | null; unitId: string | null; status: string; count: number }

export const DIGEST_COHORT_LIMIT = 10
export const DIGEST_UNIT_LIMIT = 15

function emptyCounts(): DigestCounts {
  return { lulus: 0, sedang: 0, terlambat: 0, 'belum-mulai': 0, total: 0 }
}

function isStatus(value: string): value is EnrolmentStatus {
  return (STATUS_ORDER as readonly string[]).includes(value)
}

/**
 * What the weekly HR digest says, from the read model's counts (never a query of its own): per
 * cohort and, inside it, per unit, how many finished, are in progress, are overdue and have not
 * started. Only cohorts with someone still to finish are listed (a finished cohort needs no
 * weekly mail), nearest due date first (no due date last), then by name; at most `cohortLimit`
 * cohorts and `unitLimit` units a cohort, the rest counted ("dan N lainnya": the dashboard has
 * them). Units are ordered most overdue first, then most not started, then by name.
 */
export function digestSummary(
  rows: readonly DigestCountRow[],
  cohorts: readonly { id: string; name: string; dueDate: Date | null }[],
  unitNames: ReadonlyMap<string, string>,
  options: { cohortLimit?: number; unitLimit?: number; noUnitLabel?: string } = {},
): DigestSummary {
  const cohortLimit = options.cohortLimit ?? DIGEST_COHORT_LIMIT
  const unitLimit = options.unitLimit ?? DIGEST_UNIT_LIMIT
  const noUnitLabel = options.noUnitLabel ?? 'Tanpa unit kerja'
  const perCohort = new Map<string, { counts: DigestCounts; units: Map<string, DigestCounts> }>()
  for (const row of rows) {
    if (!row.cohortId || !isStatus(row.status) || row.count === 0) continue
    let cohort = perCohort.get(row.cohortId)
    if (!cohort) perCohort.set(row.cohortId, (cohort = { counts: emptyCounts(), units: new Map() }))
    const unitKey = row.unitId ?? ''
    let unit = cohort.units.get(unitKey)
    if (!unit) cohort.units.set(unitKey, (unit = emptyCounts()))
    for (const counts of [cohort.counts, unit]) {
      counts[row.status] += row.count
      counts.total += row.count
    }
  }
  const listed = cohorts
    .filter((cohort) => {
      const counts = perCohort.get(cohort.id)?.counts
      return counts !== undefined && counts.total > counts.lulus
    })
    .sort(
      (a, b) =>
        (a.dueDate?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueDate?.getTime() ?? Number.POSITIVE_INFINITY) ||
        a.name.localeCompare(b.name, 'id') ||
        a.id.localeCompare(b.id),
    )
  return {
    moreCohorts: Math.max(0, listed.length - cohortLimit),
    cohorts: listed.slice(0, cohortLimit).map((cohort) => {
      const counted = perCohort.get(cohort.id)!
      const units = [...counted.units.entries()]
        .map(([unitId, counts]) => ({ unitId: unitId || null, name: unitId ? (unitNames.get(unitId) ?? noUnitLabel) : noUnitLabel, counts }))
        .sort((a, b) => b.counts.terlambat - a.counts.terlambat || b.counts['belum-mulai'] - a.counts['belum-mulai'] || a.name.localeCompare(b.name, 'id'))
      return { id: cohort.id, name: cohort.name, dueDate: cohort.dueDate, counts: counted.counts, units: units.slice(0, unitLimit), moreUnits: Math.max(0, units.length - unitLimit) }
    }),
  }
}
