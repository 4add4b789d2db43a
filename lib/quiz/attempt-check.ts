/**
 * Consistency of a stored attempt with the current bank: every drawn item must still exist
 * with the same type and exactly the same option (judge: reason) ids. If content changed
 * under a running attempt, `AttemptError` is thrown rather than showing or scoring the
 * wrong thing.
 */
import { AttemptError } from './errors'
import type { Attempt, Bank, BankItem, DrawnItem } from './types'

export function checkDrawnItem(bank: Bank, drawn: DrawnItem): BankItem {
  const item = bank.itemById.get(drawn.itemId)
  if (!item) {
    throw new AttemptError(`attempt item "${drawn.itemId}" is not in the bank`, drawn.itemId)
  }
  if (item.type !== drawn.type) {
    throw new AttemptError(
      `attempt item "${drawn.itemId}" was drawn as ${drawn.type} but is ${item.type} in the bank`,
      drawn.itemId,
    )
  }
  const order = drawn.type === 'judge' ? drawn.reasonOrder : drawn.optionOrder
  const ids = item.type === 'judge' ? item.reasons.map((r) => r.id) : item.options.map((o) => o.id)
  const orderSet = new Set(order)
  if (order.length !== ids.length || orderSet.size !== ids.length || !ids.every((id) => orderSet.has(id))) {
    throw new AttemptError(
      `attempt item "${drawn.itemId}" has options [${order.join(', ')}] but the bank has [${ids.join(', ')}]`,
      drawn.itemId,
    )
  }
  return item
}

/**
 * Checks a whole attempt (non-empty, no repeated item, every item consistent) and returns
 * the bank items in attempt order.
 */
export function checkAttempt(bank: Bank, attempt: Attempt): BankItem[] {
  if (attempt.items.length === 0) throw new AttemptError('the attempt has no items')
  const seen = new Set<string>()
  const items: BankItem[] = []
  for (const drawn of attempt.items) {
    if (seen.has(drawn.itemId)) {
      throw new AttemptError(`attempt item "${drawn.itemId}" appears twice`, drawn.itemId)
    }
    seen.add(drawn.itemId)
    items.push(checkDrawnItem(bank, drawn))
  }
  return items
}
