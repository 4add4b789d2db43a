/**
 * The browser-safe view of an attempt. Every field is copied explicitly (never spread from
 * a bank item), so credits, `correct` flags, the judge verdict, explanations, rules,
 * sources and difficulty cannot leak into the page.
 */
import { checkAttempt } from './attempt-check'
import type { Attempt, Bank, MockPost, PublicChoice, PublicItem, Verdict } from './types'

const VERDICTS: readonly Verdict[] = ['ya', 'tidak']

/** Items of the attempt in attempt order, options/reasons in drawn order. */
export function toPublicItems(bank: Bank, attempt: Attempt): PublicItem[] {
  const bankItems = checkAttempt(bank, attempt)
  return attempt.items.map((drawn, index): PublicItem => {
    const item = bankItems[index] as (typeof bankItems)[number]
    if (item.type === 'judge') {
      const reasonOrder = drawn.type === 'judge' ? drawn.reasonOrder : []
      const { platform, author, text, time } = item.post
      const post: MockPost = time === undefined ? { platform, author, text } : { platform, author, text, time }
      return {
        itemId: item.id,
        type: 'judge',
        stem: item.stem,
        post,
        verdicts: VERDICTS,
        reasons: reasonOrder.map((id) => choice(item.reasons, id)),
      }
    }
    const optionOrder = drawn.type === 'judge' ? [] : drawn.optionOrder
    const options: readonly { id: string; text: string }[] = item.options
    return {
      itemId: item.id,
      type: item.type,
      stem: item.stem,
      options: optionOrder.map((id) => choice(options, id)),
    }
  })
}

function choice(list: readonly { id: string; text: string }[], id: string): PublicChoice {
  const found = list.find((c) => c.id === id)
  // checkAttempt has verified the ids; this is only for the type checker.
  return { id, text: found ? found.text : '' }
}
