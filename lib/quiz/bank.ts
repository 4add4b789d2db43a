/**
 * Building an indexed `Bank` from parsed items and the coverage map.
 */
import { BankError } from './errors'
import type { AreaId, Bank, BankItem, CoverageMap, RuleId } from './types'

/**
 * Indexes the items by id and the rules by area. Throws `BankError` when two items share
 * an id, an item cites a rule missing from the coverage map, or a rule names an unknown
 * area. (The content check reports these per file first; this is the last line of defence.)
 */
export function createBank(items: readonly BankItem[], coverage: CoverageMap): Bank {
  const areaIds = new Set(coverage.areas.map((a) => a.id))
  const areaOfRule = new Map<RuleId, AreaId>()
  for (const rule of coverage.rules) {
    if (!areaIds.has(rule.area)) {
      throw new BankError(`rule "${rule.id}" names unknown area "${rule.area}"`)
    }
    areaOfRule.set(rule.id, rule.area)
  }
  const itemById = new Map<string, BankItem>()
  for (const item of items) {
    if (itemById.has(item.id)) throw new BankError(`duplicate item id "${item.id}"`)
    for (const ruleId of item.rules) {
      if (!areaOfRule.has(ruleId)) {
        throw new BankError(`item "${item.id}" cites unknown rule "${ruleId}"`)
      }
    }
    itemById.set(item.id, item)
  }
  return { items: [...items], coverage, itemById, areaOfRule }
}

/** Area of the item's primary rule (the first in `rules`). */
export function primaryArea(bank: Bank, item: BankItem): AreaId {
  const area = bank.areaOfRule.get(item.rules[0])
  if (area === undefined) throw new BankError(`item "${item.id}" cites unknown rule "${item.rules[0]}"`)
  return area
}
