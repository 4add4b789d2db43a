/**
 * Item statistics from recorded answers (issue 12, decision 022). Pure: the database hands over
 * aggregates only (lib/quiz/item-statistics.server.ts), never one row per answer.
 *
 * Per item, over the submitted attempts of one kind (x = the item's credit 0–1, y = the rest of
 * the test: the attempt's total credit minus x):
 * - difficulty: mean credit (the share correct; partial credit counts as a fraction), in [0, 1];
 * - discrimination: the point-biserial (Pearson) correlation of x with y, in [-1, 1]; undefined
 *   (null, never NaN) when x or y does not vary or there are fewer than two answers;
 * - how often each choice was taken: single/multi options, judge verdicts and reasons, as a share
 *   of all answers (multi: each option's selection share, so they do not add up to 1);
 * - flags, only with at least MIN_ANSWERS answers (otherwise "belum cukup data"): too easy
 *   (> 0.95), too hard (< 0.2), discrimination < 0.1, a distractor chosen by < 2%, and the bank's
 *   difficulty label disagreeing with the measured difficulty.
 */
import type { BankItem, Difficulty } from './types'

export const MIN_ANSWERS = 30
export const TOO_EASY_ABOVE = 0.95
export const TOO_HARD_BELOW = 0.2
export const LOW_DISCRIMINATION_BELOW = 0.1
export const WEAK_DISTRACTOR_BELOW = 0.02
/** A bank label 1 (mudah) expects a share correct above this; measured above it reads as 1. */
export const EASY_LABEL_ABOVE = 0.8
/** A bank label 3 (sulit) expects a share correct below this; measured below it reads as 3. */
export const HARD_LABEL_BELOW = 0.5

/** What the database sums per item (see the module comment for x and y). */
export interface CreditMoments {
  readonly n: number
  readonly sumX: number
  readonly sumY: number
  readonly sumXY: number
  readonly sumXX: number
  readonly sumYY: number
}

/** How many answers of an item carried one exact response (the stored JSON text). */
export interface ResponseTally {
  readonly response: string
  readonly count: number
}

export const FLAGS = [
  'terlalu-mudah',
  'terlalu-sulit',
  'daya-beda-rendah',
  'pengecoh-lemah',
  'label-perlu-ditinjau',
  'belum-cukup-data',
] as const
export type ItemFlag = (typeof FLAGS)[number]

export const FLAG_LABELS: Readonly<Record<ItemFlag, string>> = {
  'terlalu-mudah': 'terlalu mudah',
  'terlalu-sulit': 'terlalu sulit',
  'daya-beda-rendah': 'daya beda rendah',
  'pengecoh-lemah': 'pengecoh jarang dipilih',
  'label-perlu-ditinjau': 'label perlu ditinjau',
  'belum-cukup-data': 'belum cukup data',
}

export const DIFFICULTY_LABELS: Readonly<Record<Difficulty, string>> = { 1: 'mudah', 2: 'sedang', 3: 'sulit' }

/** key: the best option / correct option / correct reason / right verdict; partial: a single option worth 0.5. */
export type ChoiceRole = 'key' | 'partial' | 'distractor'

export interface ChoiceShare {
  readonly id: string
  readonly text: string
  readonly role: ChoiceRole
  readonly count: number
  /** count / answers; null without answers. */
  readonly share: number | null
}

export interface ItemStatistics {
  readonly itemId: string
  readonly type: BankItem['type']
  readonly area: string
  readonly label: Difficulty
  readonly answers: number
  readonly difficulty: number | null
  readonly discrimination: number | null
  /** The label the measured difficulty reads as (null without enough answers). */
  readonly measuredLabel: Difficulty | null
  /** single/multi: the options; judge: the reasons. In the bank's order. */
  readonly choices: readonly ChoiceShare[]
  /** judge only: Ya and Tidak. */
  readonly verdicts: readonly ChoiceShare[]
  /** Answers with no choice at all (multi: nothing picked; judge: no verdict). */
  readonly unanswered: number
  /** Distractors chosen by fewer than WEAK_DISTRACTOR_BELOW of the answers (ids), with enough data. */
  readonly weakDistractors: readonly string[]
  readonly flags: readonly ItemFlag[]
}

/** Adds up the moments of (x, y) pairs: what the aggregate query computes, for tests and checks. */
export function momentsOf(pairs: Iterable<{ readonly x: number; readonly y: number }>): CreditMoments {
  let n = 0
  let sumX = 0
  let sumY = 0
  let sumXY = 0
  let sumXX = 0
  let sumYY = 0
  for (const { x, y } of pairs) {
    n++
    sumX += x
    sumY += y
    sumXY += x * y
    sumXX += x * x
    sumYY += y * y
  }
  return { n, sumX, sumY, sumXY, sumXX, sumYY }
}

/** Mean credit, in [0, 1]; null without answers. */
export function difficultyOf(m: CreditMoments): number | null {
  if (m.n <= 0) return null
  return clamp(m.sumX / m.n, 0, 1)
}

/**
 * Pearson correlation of x and y from their sums (the point-biserial when x is 0/1). Null when
 * either does not vary: a variance below a relative epsilon counts as none, so rounding in the
 * sums of a constant column cannot produce a huge or NaN coefficient.
 */
export function pointBiserial(m: CreditMoments): number | null {
  const { n } = m
  if (n < 2) return null
  const varX = n * m.sumXX - m.sumX * m.sumX
  const varY = n * m.sumYY - m.sumY * m.sumY
  const epsilon = 1e-9
  if (!(varX > epsilon * Math.max(1, n * m.sumXX)) || !(varY > epsilon * Math.max(1, n * m.sumYY))) return null
  const r = (n * m.sumXY - m.sumX * m.sumY) / Math.sqrt(varX * varY)
  return Number.isFinite(r) ? clamp(r, -1, 1) : null
}

/** The label a measured difficulty reads as: > 0.8 mudah, < 0.5 sulit, otherwise sedang. */
export function measuredLabelOf(difficulty: number): Difficulty {
  if (difficulty > EASY_LABEL_ABOVE) return 1
  if (difficulty < HARD_LABEL_BELOW) return 3
  return 2
}

/** The statistics of one bank item from its moments and its response tallies. */
export function itemStatistics(item: BankItem, area: string, moments: CreditMoments | undefined, tallies: readonly ResponseTally[]): ItemStatistics {
  const m = moments ?? momentsOf([])
  const answers = m.n
  const difficulty = difficultyOf(m)
  const discrimination = pointBiserial(m)
  const counted = countChoices(item, tallies)
  const share = (count: number) => (answers > 0 ? Math.min(1, count / answers) : null)
  const choices: ChoiceShare[] =
    item.type === 'judge'
      ? item.reasons.map((r) => ({ id: r.id, text: r.text, role: r.correct ? 'key' : 'distractor', count: counted.choice.get(r.id) ?? 0, share: share(counted.choice.get(r.id) ?? 0) }))
      : item.type === 'single'
        ? item.options.map((o) => ({ id: o.id, text: o.text, role: o.credit === 1 ? 'key' : o.credit > 0 ? 'partial' : 'distractor', count: counted.choice.get(o.id) ?? 0, share: share(counted.choice.get(o.id) ?? 0) }))
        : item.options.map((o) => ({ id: o.id, text: o.text, role: o.correct ? 'key' : 'distractor', count: counted.choice.get(o.id) ?? 0, share: share(counted.choice.get(o.id) ?? 0) }))
  const verdicts: ChoiceShare[] =
    item.type === 'judge'
      ? (['ya', 'tidak'] as const).map((v) => ({ id: v, text: v === 'ya' ? 'Ya' : 'Tidak', role: v === item.verdict ? 'key' : 'distractor', count: counted.verdict.get(v) ?? 0, share: share(counted.verdict.get(v) ?? 0) }))
      : []

  const enough = answers >= MIN_ANSWERS && difficulty !== null
  const weakDistractors = enough ? choices.filter((c) => c.role === 'distractor' && (c.share ?? 0) < WEAK_DISTRACTOR_BELOW).map((c) => c.id) : []
  const measuredLabel = enough ? measuredLabelOf(difficulty) : null
  const flags: ItemFlag[] = []
  if (!enough) flags.push('belum-cukup-data')
  else {
    if (difficulty > TOO_EASY_ABOVE) flags.push('terlalu-mudah')
    if (difficulty < TOO_HARD_BELOW) flags.push('terlalu-sulit')
    if (discrimination !== null && discrimination < LOW_DISCRIMINATION_BELOW) flags.push('daya-beda-rendah')
    if (weakDistractors.length > 0) flags.push('pengecoh-lemah')
    if (measuredLabel !== item.difficulty) flags.push('label-perlu-ditinjau')
  }
  return {
    itemId: item.id,
    type: item.type,
    area,
    label: item.difficulty,
    answers,
    difficulty,
    discrimination,
    measuredLabel,
    choices,
    verdicts,
    unanswered: counted.unanswered,
    weakDistractors,
    flags,
  }
}

/**
 * Counts each choice over the tallies of distinct stored responses, read as score.ts writes
 * them: single `{ optionId }`, multi `{ optionIds }` (picks counted once each), judge
 * `{ verdict, reasonId }`. Unreadable JSON and ids the item does not have count as no choice.
 */
export function countChoices(item: BankItem, tallies: readonly ResponseTally[]) {
  const choice = new Map<string, number>()
  const verdict = new Map<string, number>()
  const known = new Set(item.type === 'judge' ? item.reasons.map((r) => r.id) : item.options.map((o) => o.id))
  let unanswered = 0
  const add = (map: Map<string, number>, key: string, count: number) => map.set(key, (map.get(key) ?? 0) + count)
  for (const { response, count } of tallies) {
    if (!(count > 0)) continue
    const parsed = parseResponse(response)
    if (item.type === 'single') {
      const id = parsed.optionId
      if (typeof id === 'string' && known.has(id)) add(choice, id, count)
      else unanswered += count
    } else if (item.type === 'multi') {
      const ids = new Set(Array.isArray(parsed.optionIds) ? parsed.optionIds.filter((id): id is string => typeof id === 'string' && known.has(id)) : [])
      if (ids.size === 0) unanswered += count
      for (const id of ids) add(choice, id, count)
    } else {
      const v = parsed.verdict
      if (v === 'ya' || v === 'tidak') add(verdict, v, count)
      else unanswered += count
      const id = parsed.reasonId
      if (typeof id === 'string' && known.has(id)) add(choice, id, count)
    }
  }
  return { choice, verdict, unanswered }
}

function parseResponse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
