/**
 * What the results page shows per item (issue 10 §3). Until the learner has passed the post-test
 * of the enrolment the attempt belongs to, they may still meet any of these items in a later
 * attempt, so the view says whether their answer was right and where to study (the rules, their
 * sources, the lesson), but never the best answer or the explanation (which gives it away).
 * After the pass, everything is shown. The page renders only this view, so what is left out
 * never reaches the browser.
 */
import { percent } from './score'
import type { AreaId, AreaScore, Bank, ItemFeedback, RuleId, ScoreResult } from './types'

export type ResultItemView = {
  readonly itemId: string
  readonly stem: string
  readonly outcome: ItemFeedback['outcome']
  /** The learner's own answer, as text ('Tidak dijawab' when none). */
  readonly yourAnswer: string
  readonly rules: readonly RuleId[]
  /** Source ids (content/sources.yaml) the item is based on. */
  readonly sources: readonly string[]
  /** The key and its explanation: null until the learner has passed. */
  readonly revealed: { readonly bestAnswer: string; readonly explanation: string } | null
  /** Withdrawn as defective (decision 035): it no longer counts in the score. */
  readonly withdrawn: boolean
}

export type ResultView = Omit<ScoreResult, 'items'> & {
  readonly items: readonly ResultItemView[]
  readonly keyRevealed: boolean
  /**
   * The learner's per-area table (issue 11, decision 017): each item counted once, under the
   * area of its primary (first) rule — the area it was drawn for — so the item counts add up to
   * the number of questions. `byArea` (every area an item's rules touch) stays for analysis.
   */
  readonly byMainArea: readonly AreaScore[]
}

/** Mean credit per area of each item's primary rule, in coverage-map order. */
export function scoreByMainArea(bank: Bank, items: readonly Pick<ItemFeedback, 'rules' | 'earned'>[]): AreaScore[] {
  const sums = new Map<AreaId, { sum: number; count: number }>()
  for (const item of items) {
    const area = bank.areaOfRule.get(item.rules[0]!)
    if (area === undefined) continue
    const entry = sums.get(area) ?? { sum: 0, count: 0 }
    entry.sum += item.earned
    entry.count++
    sums.set(area, entry)
  }
  return bank.coverage.areas.flatMap((area) => {
    const entry = sums.get(area.id)
    return entry ? [{ area: area.id, score: percent(entry.sum, entry.count), itemCount: entry.count }] : []
  })
}

const verdictText = (verdict: 'ya' | 'tidak') => (verdict === 'ya' ? 'Boleh diunggah' : 'Tidak boleh diunggah')

function yourAnswer(item: ItemFeedback): string {
  if (item.type === 'single') return item.picked?.text ?? 'Tidak dijawab'
  if (item.type === 'multi') return item.picked.length ? item.picked.map((p) => p.text).join('; ') : 'Tidak dijawab'
  if (!item.verdictGiven) return 'Tidak dijawab'
  return `${verdictText(item.verdictGiven)}${item.reasonGiven ? ` — ${item.reasonGiven.text}` : ''}`
}

function bestAnswer(item: ItemFeedback): string {
  if (item.type === 'single') return item.best.text
  if (item.type === 'multi') return item.correctOptions.map((p) => p.text).join('; ')
  return `${verdictText(item.verdict)} — ${item.bestReason.text}`
}

/**
 * The scored attempt as the results page may show it; `reveal` only once the learner has passed.
 * Items in `withdrawn` (decision 035) are marked and left out of the per-area table, as they are
 * out of the score.
 */
export function toResultView(bank: Bank, result: ScoreResult, options: { reveal: boolean; withdrawn?: ReadonlySet<string> }): ResultView {
  const { items, ...summary } = result
  const withdrawn = options.withdrawn ?? new Set<string>()
  return {
    ...summary,
    keyRevealed: options.reveal,
    byMainArea: scoreByMainArea(bank, items.filter((item) => !withdrawn.has(item.itemId))),
    items: items.map((item) => ({
      itemId: item.itemId,
      stem: item.stem,
      outcome: item.outcome,
      yourAnswer: yourAnswer(item),
      rules: item.rules,
      sources: bank.itemById.get(item.itemId)?.sources ?? [],
      revealed: options.reveal ? { bestAnswer: bestAnswer(item), explanation: item.explanation } : null,
      withdrawn: withdrawn.has(item.itemId),
    })),
  }
}
