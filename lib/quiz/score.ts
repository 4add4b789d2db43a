/**
 * Scoring an attempt. Rules (see docs/decisions/003-quiz-scoring.md):
 *
 * Item score, always in [0, 1]:
 * - single: the credit of the picked option (1 best, 0.5 acceptable, 0 wrong). No answer or
 *   an option id the item does not have scores 0.
 * - multi: max(0, right picks / correct options − wrong picks / wrong options). Picks are
 *   de-duplicated; option ids the item does not have are ignored (they neither earn nor
 *   cost, and are listed in the feedback). Picking everything scores 0, picking exactly the
 *   correct options scores 1.
 * - judge: verdict step 0.5 + reason step 0.5; the reason counts only when the verdict is
 *   right (a right reason for a wrong verdict is a guess). Unknown reason id = wrong reason.
 *
 * Total: mean item score × 100, rounded half up to one decimal (a 1e-9 tolerance absorbs
 * binary floating-point error, so 79.95 → 80.0). Pass iff the rounded total >= passMark, i.e.
 * the number the learner sees decides, never a hidden extra decimal.
 *
 * Per rule: mean item score × 100 (same rounding) over the attempt items that list the rule
 * in any position. Per area: the same over the items having at least one rule in that area
 * (an item counts once per area, for every area its rules touch).
 *
 * Responses: keyed by item id. A key that is not an item of the attempt, or a response using
 * fields of another item type (e.g. `optionIds` for a single item), makes `score` throw
 * `ResponseError` (the server answers 4xx); `findResponseProblems` reports them without
 * throwing. A stored attempt that no longer fits the bank throws `AttemptError`.
 */
import { checkAttempt } from './attempt-check'
import { ResponseError } from './errors'
import type {
  AreaId,
  AreaScore,
  Attempt,
  Bank,
  BankItem,
  DrawnItem,
  ItemFeedback,
  ItemResponse,
  JudgeFeedback,
  JudgeItem,
  MultiFeedback,
  MultiItem,
  PublicChoice,
  Responses,
  RuleId,
  RuleScore,
  ScoreOptions,
  ScoreResult,
  SingleFeedback,
  SingleItem,
  Verdict,
} from './types'

export const DEFAULT_PASS_MARK = 80

const FIELDS: Readonly<Record<BankItem['type'], readonly string[]>> = {
  single: ['optionId'],
  multi: ['optionIds'],
  judge: ['verdict', 'reasonId'],
}

export interface ResponseProblems {
  readonly unknownItemIds: readonly string[]
  readonly mismatchedItemIds: readonly string[]
}

/** Response keys that are not items of the attempt, and responses with foreign fields. */
export function findResponseProblems(attempt: Attempt, responses: Responses): ResponseProblems {
  const typeOf = new Map(attempt.items.map((d) => [d.itemId, d.type]))
  const unknownItemIds: string[] = []
  for (const key of Object.keys(responses)) {
    if (!typeOf.has(key)) unknownItemIds.push(key)
  }
  const mismatchedItemIds: string[] = []
  for (const drawn of attempt.items) {
    const response = ownResponse(responses, drawn.itemId)
    if (response === undefined) continue
    if (typeof response !== 'object' || response === null || Array.isArray(response)) {
      mismatchedItemIds.push(drawn.itemId)
      continue
    }
    const allowed = FIELDS[drawn.type]
    if (Object.keys(response).some((k) => !allowed.includes(k))) mismatchedItemIds.push(drawn.itemId)
  }
  return { unknownItemIds: unknownItemIds.sort(), mismatchedItemIds }
}

export function score(
  bank: Bank,
  attempt: Attempt,
  responses: Responses,
  options: ScoreOptions = {},
): ScoreResult {
  const passMark = options.passMark ?? DEFAULT_PASS_MARK
  if (!Number.isFinite(passMark) || passMark < 0 || passMark > 100) {
    throw new RangeError(`passMark must be between 0 and 100, got ${passMark}`)
  }
  const bankItems = checkAttempt(bank, attempt)
  const problems = findResponseProblems(attempt, responses)
  if (problems.unknownItemIds.length > 0 || problems.mismatchedItemIds.length > 0) {
    throw new ResponseError(problems.unknownItemIds, problems.mismatchedItemIds)
  }

  const feedback: ItemFeedback[] = []
  const ruleSums = new Map<RuleId, { sum: number; count: number }>()
  const areaSums = new Map<AreaId, { sum: number; count: number }>()
  let sum = 0
  let answeredCount = 0

  attempt.items.forEach((drawn, index) => {
    const item = bankItems[index] as BankItem
    const response = ownResponse(responses, drawn.itemId)
    const fb = scoreItem(item, drawn, response)
    feedback.push(fb)
    sum += fb.earned
    if (fb.answered) answeredCount++
    const areas = new Set<AreaId>()
    for (const ruleId of new Set(item.rules)) {
      add(ruleSums, ruleId, fb.earned)
      const area = bank.areaOfRule.get(ruleId)
      if (area !== undefined) areas.add(area)
    }
    for (const area of areas) add(areaSums, area, fb.earned)
  })

  const byRule: RuleScore[] = []
  for (const rule of bank.coverage.rules) {
    const s = ruleSums.get(rule.id)
    if (s) byRule.push({ ruleId: rule.id, area: rule.area, score: percent(s.sum, s.count), itemCount: s.count })
  }
  const byArea: AreaScore[] = []
  for (const area of bank.coverage.areas) {
    const s = areaSums.get(area.id)
    if (s) byArea.push({ area: area.id, score: percent(s.sum, s.count), itemCount: s.count })
  }

  const total = percent(sum, attempt.items.length)
  return {
    total,
    passMark,
    passed: total >= passMark,
    itemCount: attempt.items.length,
    answeredCount,
    byRule,
    byArea,
    items: feedback,
  }
}

/** Mean of `sum / count` on the 0–100 scale, rounded half up to one decimal. */
export function percent(sum: number, count: number): number {
  if (count <= 0) return 0
  const value = Math.round(((sum * 100) / count) * 10 + 1e-9) / 10
  return Math.min(100, Math.max(0, value))
}

function add(map: Map<string, { sum: number; count: number }>, key: string, earned: number): void {
  const s = map.get(key)
  if (s) {
    s.sum += earned
    s.count++
  } else {
    map.set(key, { sum: earned, count: 1 })
  }
}

function ownResponse(responses: Responses, itemId: string): ItemResponse | undefined {
  return Object.hasOwn(responses, itemId) ? responses[itemId] : undefined
}

function scoreItem(item: BankItem, drawn: DrawnItem, response: ItemResponse | undefined): ItemFeedback {
  const order = drawn.type === 'judge' ? drawn.reasonOrder : drawn.optionOrder
  switch (item.type) {
    case 'single':
      return scoreSingle(item, order, response)
    case 'multi':
      return scoreMulti(item, order, response)
    case 'judge':
      return scoreJudge(item, order, response)
  }
}

function outcome(earned: number): 'full' | 'partial' | 'none' {
  return earned >= 1 ? 'full' : earned <= 0 ? 'none' : 'partial'
}

function pick<T extends { id: string; text: string }>(list: readonly T[], id: string): PublicChoice {
  const found = list.find((c) => c.id === id)
  return { id, text: found ? found.text : '' }
}

function inOrder<T extends { id: string; text: string }>(
  list: readonly T[],
  order: readonly string[],
  keep: (entry: T) => boolean,
): PublicChoice[] {
  const out: PublicChoice[] = []
  for (const id of order) {
    const entry = list.find((c) => c.id === id)
    if (entry && keep(entry)) out.push({ id: entry.id, text: entry.text })
  }
  return out
}

// Feedback objects are written out as literals: object spread of a shared base is ~100x
// slower on V8 (measured with scripts/bench-quiz-scoring.ts).

function scoreSingle(item: SingleItem, order: readonly string[], response: ItemResponse | undefined): SingleFeedback {
  const raw = response && 'optionId' in response ? response.optionId : undefined
  const id = typeof raw === 'string' ? raw : null
  const option = id === null ? undefined : item.options.find((o) => o.id === id)
  const earned = option ? option.credit : 0
  const best = item.options.find((o) => o.credit === 1)
  return {
    type: 'single',
    itemId: item.id,
    stem: item.stem,
    rules: item.rules.slice(),
    earned,
    outcome: outcome(earned),
    answered: option !== undefined,
    explanation: item.explanation,
    picked: option ? { id: option.id, text: option.text } : null,
    pickedCredit: option ? option.credit : 0,
    unknownOptionIds: id !== null && !option ? [id] : [],
    best: best ? { id: best.id, text: best.text } : pick(item.options, ''),
    acceptable: inOrder(item.options, order, (o) => o.credit === 0.5),
  }
}

function scoreMulti(item: MultiItem, order: readonly string[], response: ItemResponse | undefined): MultiFeedback {
  const raw = response && 'optionIds' in response ? response.optionIds : undefined
  const ids = new Set<string>()
  if (Array.isArray(raw)) for (const id of raw) if (typeof id === 'string') ids.add(id)
  const known = new Set(item.options.map((o) => o.id))
  const unknownOptionIds = [...ids].filter((id) => !known.has(id))
  let right = 0
  let wrong = 0
  let totalCorrect = 0
  for (const option of item.options) {
    if (option.correct) totalCorrect++
    if (!ids.has(option.id)) continue
    if (option.correct) right++
    else wrong++
  }
  const totalWrong = item.options.length - totalCorrect
  const plus = totalCorrect > 0 ? right / totalCorrect : 0
  const minus = totalWrong > 0 ? wrong / totalWrong : 0
  const earned = Math.min(1, Math.max(0, plus - minus))
  return {
    type: 'multi',
    itemId: item.id,
    stem: item.stem,
    rules: item.rules.slice(),
    earned,
    outcome: outcome(earned),
    answered: right + wrong > 0,
    explanation: item.explanation,
    picked: inOrder(item.options, order, (o) => ids.has(o.id)),
    rightPicks: right,
    wrongPicks: wrong,
    unknownOptionIds,
    correctOptions: inOrder(item.options, order, (o) => o.correct),
    missed: inOrder(item.options, order, (o) => o.correct && !ids.has(o.id)),
  }
}

function scoreJudge(item: JudgeItem, _order: readonly string[], response: ItemResponse | undefined): JudgeFeedback {
  const rawVerdict = response && 'verdict' in response ? response.verdict : undefined
  const verdictGiven: Verdict | null = rawVerdict === 'ya' || rawVerdict === 'tidak' ? rawVerdict : null
  const rawReason = response && 'reasonId' in response ? response.reasonId : undefined
  const reasonId = typeof rawReason === 'string' ? rawReason : null
  const reason = reasonId === null ? undefined : item.reasons.find((r) => r.id === reasonId)
  const verdictRight = verdictGiven === item.verdict
  const reasonRight = verdictRight && reason !== undefined && reason.correct
  const earned = (verdictRight ? 0.5 : 0) + (reasonRight ? 0.5 : 0)
  const bestReason = item.reasons.find((r) => r.correct)
  return {
    type: 'judge',
    itemId: item.id,
    stem: item.stem,
    rules: item.rules.slice(),
    earned,
    outcome: outcome(earned),
    answered: verdictGiven !== null,
    explanation: item.explanation,
    verdictGiven,
    verdict: item.verdict,
    verdictRight,
    reasonGiven: reason ? { id: reason.id, text: reason.text } : null,
    unknownReasonId: reasonId !== null && !reason ? reasonId : null,
    bestReason: bestReason ? { id: bestReason.id, text: bestReason.text } : pick(item.reasons, ''),
    reasonRight,
  }
}
