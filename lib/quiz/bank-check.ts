/**
 * Whole-bank checks, after every file parsed: ids unique across files, every rule of the
 * coverage map tested by at least three scenarios (any position in `rules`), the item-writing
 * rules (item-writing-rules.ts), and the coverage table (per rule the scenario ids testing it)
 * for the content check to print.
 */
import { contentError, type ContentError } from './bank-schema'
import { checkItemWriting, ENFORCE_ITEM_WRITING_RULES } from './item-writing-rules'
import type { AreaId, BankItem, CoverageMap, RuleId } from './types'

export const MIN_SCENARIOS_PER_RULE = 3
/**
 * The minimum before issue 12. While ENFORCE_ITEM_WRITING_RULES is off, a rule tested by fewer
 * than MIN_SCENARIOS_PER_RULE but at least this many scenarios is a warning, not an error.
 */
export const LEGACY_MIN_SCENARIOS_PER_RULE = 2

export interface BankFile {
  readonly file: string
  readonly items: readonly BankItem[]
}

export interface RuleCoverage {
  readonly ruleId: RuleId
  readonly area: AreaId
  /** Scenario ids listing the rule (any position), in file order. */
  readonly scenarioIds: readonly string[]
  /** How many of them have it as primary rule. */
  readonly primaryCount: number
}

export interface AreaCoverage {
  readonly area: AreaId
  /** Items whose primary rule is in the area (what the draw stratifies on). */
  readonly primaryItemIds: readonly string[]
}

export interface BankCheckResult {
  readonly errors: ContentError[]
  /**
   * Not fatal: an area without primary items (the draw cannot represent it), or most best
   * answers sharing one option id (the id would give the key away).
   */
  readonly warnings: ContentError[]
  readonly rules: RuleCoverage[]
  readonly areas: AreaCoverage[]
}

export interface BankCheckOptions {
  /** File name used for coverage errors (default "content/rules.yaml"). */
  readonly rulesFile?: string
  /** Label for bank-wide warnings (default "content/scenarios/"). */
  readonly scenariosDir?: string
  /**
   * Item-writing rules and the minimum of three scenarios per rule as errors (true) or as
   * warnings (false). Default: ENFORCE_ITEM_WRITING_RULES.
   */
  readonly enforceItemWritingRules?: boolean
}

export function checkBank(
  files: readonly BankFile[],
  coverage: CoverageMap,
  options: BankCheckOptions = {},
): BankCheckResult {
  const rulesFile = options.rulesFile ?? 'content/rules.yaml'
  const enforce = options.enforceItemWritingRules ?? ENFORCE_ITEM_WRITING_RULES
  const errors: ContentError[] = []
  const warnings: ContentError[] = []
  const areaOfRule = new Map(coverage.rules.map((r) => [r.id, r.area]))
  const scenariosOf = new Map<RuleId, string[]>(coverage.rules.map((r) => [r.id, []]))
  const primaryOf = new Map<RuleId, number>()
  const primaryByArea = new Map<AreaId, string[]>(coverage.areas.map((a) => [a.id, []]))
  const firstFileOf = new Map<string, string>()

  for (const { file, items } of files) {
    items.forEach((item, index) => {
      const other = firstFileOf.get(item.id)
      if (other !== undefined) {
        const where = other === file ? 'earlier in this file' : `also in ${other}`
        errors.push(contentError(file, null, index, item.id, 'id', `duplicate id "${item.id}" (${where})`))
        return
      }
      firstFileOf.set(item.id, file)
      item.rules.forEach((ruleId, i) => {
        const list = scenariosOf.get(ruleId)
        if (!list) {
          errors.push(contentError(file, null, index, item.id, `rules[${i}]`, `unknown rule id "${ruleId}"`))
          return
        }
        if (!list.includes(item.id)) list.push(item.id)
      })
      const primary = item.rules[0]
      primaryOf.set(primary, (primaryOf.get(primary) ?? 0) + 1)
      const area = areaOfRule.get(primary)
      if (area !== undefined) primaryByArea.get(area)?.push(item.id)
    })
  }

  const rules: RuleCoverage[] = coverage.rules.map((rule) => {
    const scenarioIds = scenariosOf.get(rule.id) ?? []
    if (scenarioIds.length < MIN_SCENARIOS_PER_RULE) {
      const fatal = enforce || scenarioIds.length < LEGACY_MIN_SCENARIOS_PER_RULE
      ;(fatal ? errors : warnings).push(
        contentError(
          rulesFile,
          null,
          null,
          null,
          '',
          `rule "${rule.id}" is tested by ${scenarioIds.length} scenario(s)${scenarioIds.length ? ` (${scenarioIds.join(', ')})` : ''}; at least ${MIN_SCENARIOS_PER_RULE} are needed`,
        ),
      )
    }
    return { ruleId: rule.id, area: rule.area, scenarioIds, primaryCount: primaryOf.get(rule.id) ?? 0 }
  })

  const areas: AreaCoverage[] = coverage.areas.map((area) => {
    const primaryItemIds = primaryByArea.get(area.id) ?? []
    if (primaryItemIds.length === 0) {
      warnings.push(
        contentError(rulesFile, null, null, null, '', `area ${area.id} has no scenario whose primary (first) rule is in it; attempts cannot represent it`),
      )
    }
    return { area: area.id, primaryItemIds }
  })

  const keyWarning = checkKeyIds(files, options.scenariosDir ?? 'content/scenarios/')
  if (keyWarning) warnings.push(keyWarning)

  const writing = checkItemWriting(files, options.scenariosDir ?? 'content/scenarios/')
  ;(enforce ? errors : warnings).push(...writing.problems)

  return { errors, warnings, rules, areas }
}

/**
 * Option ids reach the browser (answers are sent by id). If most best answers share one id
 * (e.g. always "b"), the id gives the key away even though the order is shuffled.
 */
export const KEY_ID_MIN_ITEMS = 6
export const KEY_ID_MAX_SHARE = 0.5

function checkKeyIds(files: readonly BankFile[], scenariosDir: string): ContentError | null {
  const counts = new Map<string, number>()
  let total = 0
  for (const { items } of files) {
    for (const item of items) {
      const key =
        item.type === 'single'
          ? item.options.find((o) => o.credit === 1)?.id
          : item.type === 'judge'
            ? item.reasons.find((r) => r.correct)?.id
            : undefined
      if (key === undefined) continue
      total++
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  if (total < KEY_ID_MIN_ITEMS) return null
  for (const [id, n] of counts) {
    if (n / total > KEY_ID_MAX_SHARE) {
      return contentError(
        scenariosDir,
        null,
        null,
        null,
        '',
        `the best answer has id "${id}" in ${n} of ${total} single/judge items; option ids are visible to learners, so vary them`,
      )
    }
  }
  return null
}
