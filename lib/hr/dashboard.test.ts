import { describe, expect, it } from 'vitest'
import {
  attemptFacts,
  countStatuses,
  groupCounts,
  itemAnalysis,
  mean,
  orderRules,
  percent,
  scoreSummary,
  type EnrolmentFacts,
} from './dashboard'

const facts = (over: Partial<EnrolmentFacts> = {}): EnrolmentFacts => ({
  enrolmentId: 'e',
  userId: 'u',
  lessonsDone: 0,
  postAttempts: 0,
  passed: false,
  bestPostScore: null,
  firstPreScore: null,
  ...over,
})

describe('status counts', () => {
  it('counts each status and the total', () => {
    expect(countStatuses(['lulus', 'lulus', 'sedang', 'belum-mulai'])).toEqual({
      total: 4,
      lulus: 2,
      sedang: 1,
      terlambat: 0,
      'belum-mulai': 1,
    })
  })

  it('rounds percentages and never divides by zero', () => {
    expect(percent(1, 3)).toBe(33)
    expect(percent(2, 3)).toBe(67)
    expect(percent(0, 0)).toBe(0)
  })

  it('groups rows in the given order, unknown keys in a final "other" group only when used', () => {
    const groups = groupCounts(
      [
        { groupKey: 'b', status: 'lulus' },
        { groupKey: 'a', status: 'sedang' },
        { groupKey: null, status: 'belum-mulai' },
        { groupKey: 'zzz', status: 'lulus' },
      ],
      [
        { key: 'a', label: 'A' },
        { key: 'b', label: 'B' },
      ],
      'Lainnya',
    )
    expect(groups.map((g) => [g.label, g.counts.total, g.counts.lulus])).toEqual([
      ['A', 1, 0],
      ['B', 1, 1],
      ['Lainnya', 2, 1],
    ])
    expect(groupCounts([{ groupKey: 'a', status: 'lulus' }], [{ key: 'a', label: 'A' }], 'Lainnya')).toHaveLength(1)
    expect(groupCounts([{ groupKey: 'a', status: 'lulus', count: 5 }], [{ key: 'a', label: 'A' }])[0]!.counts).toMatchObject({ total: 5, lulus: 5 })
    expect(countStatuses([{ status: 'sedang', count: 3 }, 'sedang'])).toMatchObject({ total: 4, sedang: 4 })
    expect(groupCounts([{ groupKey: 'x', status: 'lulus' }], [{ key: 'a', label: 'A' }])).toHaveLength(1)
  })
})

describe('scores', () => {
  it('averages best post-test scores and the pre → post gain of learners with both', () => {
    const summary = scoreSummary([
      facts({ bestPostScore: 80, firstPreScore: 50 }),
      facts({ bestPostScore: 90, firstPreScore: 70 }),
      facts({ bestPostScore: 70 }),
      facts({ firstPreScore: 40 }),
      facts(),
    ])
    expect(summary.averageBestPost).toBe(80)
    expect(summary.postLearners).toBe(3)
    expect(summary.averageGain).toBe(25)
    expect(summary.gainLearners).toBe(2)
    expect(summary.averagePreOfGain).toBe(60)
    expect(summary.averagePostOfGain).toBe(85)
  })

  it('gives null when there is nothing to average', () => {
    expect(mean([])).toBeNull()
    expect(mean([1, 2])).toBe(1.5)
    expect(mean([1, 1, 2])).toBe(1.3)
    expect(scoreSummary([]).averageGain).toBeNull()
  })

  it('collects per-enrolment quiz facts: best post-test, first pre-test, passed, attempt count', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 0, day))
    const map = attemptFacts([
      { enrolmentId: 'e1', kind: 'pretest', score: 60, passed: null, submittedAt: at(3), startedAt: at(3) },
      { enrolmentId: 'e1', kind: 'pretest', score: 40, passed: null, submittedAt: at(2), startedAt: at(2) },
      { enrolmentId: 'e1', kind: 'posttest', score: 70, passed: false, submittedAt: at(4), startedAt: at(4) },
      { enrolmentId: 'e1', kind: 'posttest', score: 90, passed: true, submittedAt: at(5), startedAt: at(5) },
      { enrolmentId: 'e1', kind: 'posttest', score: null, passed: null, submittedAt: null, startedAt: at(6) },
      { enrolmentId: 'e2', kind: 'pretest', score: null, passed: null, submittedAt: null, startedAt: at(1) },
      { enrolmentId: null, kind: 'posttest', score: 100, passed: true, submittedAt: at(1), startedAt: at(1) },
    ])
    expect(map.get('e1')).toMatchObject({ postAttempts: 3, passed: true, bestPostScore: 90, firstPreScore: 40 })
    expect(map.get('e2')).toMatchObject({ postAttempts: 0, passed: false, bestPostScore: null, firstPreScore: null })
    expect(map.size).toBe(2)
  })
})

describe('item analysis', () => {
  const rules = [
    { id: 'role-model', area: 'F', title: 'Teladan' },
    { id: 'se137-2', area: 'A', title: 'Dua' },
    { id: 'ethics-code', area: 'B', title: 'Kode etik' },
    { id: 'se137-1', area: 'A', title: 'Satu' },
  ]

  it('puts the eight SE 137 points first, then coverage-map order', () => {
    expect(orderRules(rules).map((r) => r.id)).toEqual(['se137-1', 'se137-2', 'role-model', 'ethics-code'])
  })

  it('sums answers per rule over every item tagged with it and links to the first lesson with the rule', () => {
    const rows = itemAnalysis(
      [
        { itemId: 'i1', answered: 10, wrong: 4 },
        { itemId: 'i2', answered: 5, wrong: 5 },
        { itemId: 'unknown', answered: 3, wrong: 3 },
      ],
      [
        { id: 'i1', rules: ['se137-1', 'role-model'] },
        { id: 'i2', rules: ['se137-1', 'se137-1'] },
      ],
      rules,
      [
        { slug: 'satu', rules: ['role-model'] },
        { slug: 'dua', rules: ['se137-1', 'role-model'] },
      ],
    )
    expect(rows.map((r) => [r.ruleId, r.answered, r.wrong, r.wrongPercent, r.lessonSlug])).toEqual([
      ['se137-1', 15, 9, 60, 'dua'],
      ['se137-2', 0, 0, null, null],
      ['role-model', 10, 4, 40, 'satu'],
      ['ethics-code', 0, 0, null, null],
    ])
  })
})
