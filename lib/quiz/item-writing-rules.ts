/**
 * Item-writing rules for the scenario bank (issue 12): an item must be answered by judgement,
 * not by a pattern in how it is written. Pure functions over the parsed bank; `checkBank` runs
 * them and `npm run content:check` prints what they find, naming the file and the item.
 *
 * Per item:
 * - no "all / none of the above" options (options are shuffled, and they test reading, not judgement);
 * - a judge item's reasons do not begin with a verdict word ("Ya, …", "Tidak pantas, …"),
 *   since choosing the reason would give the verdict away.
 * Across the bank:
 * - single choice: the key is the strictly longest option in at most 35% of items;
 * - multi-choice: the number of correct options varies (both 1 and n−1 occur) and no single
 *   count covers more than 40% of multi items;
 * - cue words: a listed word or phrase may not appear only in keys, or only in distractors,
 *   more than 4 times;
 * - grey zone: at least a third of the items are marked `greyZone: true` (cases where a careful
 *   civil servant weighs two values, not cartoons).
 */
import { contentError, type ContentError } from './bank-schema'
import type { BankItem } from './types'

/**
 * The rules of this module (and the minimum of three scenarios per rule in bank-check.ts) fail
 * content:check. `checkBank`'s `enforceItemWritingRules: false` turns them into warnings, for unit
 * fixtures that exercise other checks with a small bank; content:check always enforces them.
 */
export const ENFORCE_ITEM_WRITING_RULES = true

export const SINGLE_KEY_LONGEST_MAX_SHARE = 0.35
export const MULTI_COUNT_MAX_SHARE = 0.4
/** At least this share of the bank's items are grey-zone cases (issue 12: "at least a third"). */
export const GREY_ZONE_MIN_SHARE = 1 / 3
/** A cue may sit on one side (keys or distractors) at most this many times. */
export const CUE_ONE_SIDED_MAX = 4
/**
 * Shares need a sample: below this many items of a type the share rules are not applied
 * (a bank of three items would fail on one). The real bank has far more.
 */
export const AGGREGATE_MIN_ITEMS = 10

/**
 * Words and phrases that tend to mark a key or a distractor. Matched case-insensitively as
 * whole words in option texts (single and multi options, judge reasons). An entry with "/"
 * is a family counted together ("santun/sopan": either word), besides its members alone.
 */
export const CUE_WORDS = [
  'asalkan',
  'hanya karena',
  'santun',
  'sopan',
  'santun/sopan',
  'selalu',
  'tidak pernah',
  'sama sekali',
  'pasti',
  'yang penting',
  'tanpa perlu',
] as const

/** Words a judge reason must not begin with: each states (or denies) the verdict. */
export const VERDICT_WORDS = [
  'ya',
  'tidak',
  'tak',
  'bukan',
  'boleh',
  'jangan',
  'pantas',
  'layak',
  'wajar',
  'aman',
  'sah',
  'benar',
  'salah',
  'keliru',
  'tepat',
  'sebaiknya',
  'bermasalah',
] as const

/** "All of the above / none of the above" and options that refer to other options by letter. */
const ALL_OR_NONE = [
  /^\s*semua(nya)?\s+(benar|salah|tepat|keliru)\s*[.!]?\s*$/i,
  /\bsemua\s+(jawaban|pilihan|pernyataan|opsi)(\s+di\s+atas)?\s+(benar|salah|tepat|keliru)\b/i,
  /\bsemua(nya)?\s+(yang\s+)?di\s+atas\b/i,
  /\b(jawaban|pilihan|pernyataan|opsi)\s+di\s+atas\b/i,
  /\btidak\s+ada\s+(jawaban|pilihan|pernyataan|opsi)\s+(yang\s+)?(benar|tepat)\b/i,
  /^\s*tidak\s+ada\s+yang\s+(benar|tepat)\s*[.!]?\s*$/i,
  /^\s*(jawaban\s+|pilihan\s+|opsi\s+)?[a-e]\s*(,\s*[a-e]\s*)*(dan|serta|atau)\s+[a-e]\s+(benar|salah|tepat)\b/i,
  /\b(all|none)\s+of\s+the\s+above\b/i,
]

export interface BankFileItems {
  readonly file: string
  readonly items: readonly BankItem[]
}

interface Located {
  readonly file: string
  readonly index: number
  readonly item: BankItem
}

export interface ItemWritingResult {
  /** One per violation; bank-level ones name the figures and the items concerned. */
  readonly problems: ContentError[]
}

const locate = (files: readonly BankFileItems[]): Located[] =>
  files.flatMap(({ file, items }) => items.map((item, index) => ({ file, index, item })))

const itemError = (at: Located, path: string, problem: string) => contentError(at.file, null, at.index, at.item.id, path, problem)
/** A problem of the bank as a whole, reported against the scenarios folder. */
const bankError = (folder: string, problem: string) => contentError(folder, null, null, null, '', problem)

const label = (at: Located) => `${at.item.id} (${at.file})`

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`

/** An option's text as a learner sees it: trimmed, single spaces. */
export const visibleLength = (text: string) => text.trim().replace(/\s+/g, ' ').length

/** True when the text at `keyIndex` is longer than every other text. */
export function isStrictlyLongest(texts: readonly string[], keyIndex: number): boolean {
  const key = visibleLength(texts[keyIndex] ?? '')
  return texts.every((text, i) => i === keyIndex || visibleLength(text) < key)
}

/** The option texts of an item, each marked key or not (credit 0.5 counts as a distractor). */
export function optionsOf(item: BankItem): { path: string; text: string; key: boolean }[] {
  switch (item.type) {
    case 'single':
      return item.options.map((o, i) => ({ path: `options[${i}].text`, text: o.text, key: o.credit === 1 }))
    case 'multi':
      return item.options.map((o, i) => ({ path: `options[${i}].text`, text: o.text, key: o.correct }))
    case 'judge':
      return item.reasons.map((r, i) => ({ path: `reasons[${i}].text`, text: r.text, key: r.correct }))
  }
}

/** The verdict word a text begins with, if any ("Tidak pantas, …" → "tidak"). */
export function leadingVerdictWord(text: string): string | null {
  const first = text
    .trim()
    .replace(/^[\s"'“”‘’«»(\[*_-]+/, '')
    .match(/^\p{L}+/u)?.[0]
    ?.toLowerCase()
  return first !== undefined && (VERDICT_WORDS as readonly string[]).includes(first) ? first : null
}

export function isAllOrNoneOption(text: string): boolean {
  return ALL_OR_NONE.some((pattern) => pattern.test(text))
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const cuePattern = (cue: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(${cue
      .split('/')
      .map((word) => word.trim().split(/\s+/).map(escape).join('\\s+'))
      .join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  )

/** Per-item rules: all/none options, verdict words at the start of judge reasons. */
export function checkItemRules(files: readonly BankFileItems[]): ContentError[] {
  const problems: ContentError[] = []
  for (const at of locate(files)) {
    for (const option of optionsOf(at.item)) {
      if (isAllOrNoneOption(option.text)) {
        problems.push(itemError(at, option.path, `"${option.text.trim()}": no "semua benar/semua salah" or "all/none of the above" options; write a real alternative`))
      }
    }
    if (at.item.type === 'judge') {
      at.item.reasons.forEach((reason, i) => {
        const word = leadingVerdictWord(reason.text)
        if (word) {
          problems.push(
            itemError(at, `reasons[${i}].text`, `begins with the verdict word "${word}"; a reason must not give the verdict away (start with the reason itself)`),
          )
        }
      })
    }
  }
  return problems
}

/** Single choice: the key is the strictly longest option in at most 35% of items. */
export function checkSingleKeyLength(files: readonly BankFileItems[], label_ = 'content/scenarios/'): ContentError[] {
  const singles = locate(files).filter((at) => at.item.type === 'single')
  if (singles.length < AGGREGATE_MIN_ITEMS) return []
  const longest = singles.filter((at) => {
    const item = at.item as Extract<BankItem, { type: 'single' }>
    return isStrictlyLongest(
      item.options.map((o) => o.text),
      item.options.findIndex((o) => o.credit === 1),
    )
  })
  const share = longest.length / singles.length
  if (share <= SINGLE_KEY_LONGEST_MAX_SHARE) return []
  const allowed = Math.floor(SINGLE_KEY_LONGEST_MAX_SHARE * singles.length)
  return [
    bankError(label_, `single choice: the key is the strictly longest option in ${longest.length} of ${singles.length} items (${percent(share)}; at most ${percent(SINGLE_KEY_LONGEST_MAX_SHARE)}, i.e. ${allowed}); shorten the key or lengthen a distractor in at least ${longest.length - allowed} of: ${longest.map(label).join(', ')}`),
  ]
}

/** Multi-choice: the count of correct options varies (1 and n−1 both occur) and no count covers more than 40%. */
export function checkMultiCorrectCounts(files: readonly BankFileItems[], label_ = 'content/scenarios/'): ContentError[] {
  const multis = locate(files).filter((at) => at.item.type === 'multi')
  if (multis.length < AGGREGATE_MIN_ITEMS) return []
  const problems: ContentError[] = []
  const byCount = new Map<number, Located[]>()
  let single = 0
  let allButOne = 0
  for (const at of multis) {
    const item = at.item as Extract<BankItem, { type: 'multi' }>
    const correct = item.options.filter((o) => o.correct).length
    byCount.set(correct, [...(byCount.get(correct) ?? []), at])
    if (correct === 1) single++
    if (correct === item.options.length - 1) allButOne++
  }
  const figures = [...byCount.entries()]
    .sort(([a], [b]) => a - b)
    .map(([count, list]) => `${count} correct: ${list.length}`)
    .join(', ')
  for (const [count, list] of [...byCount.entries()].sort(([a], [b]) => a - b)) {
    const share = list.length / multis.length
    if (share > MULTI_COUNT_MAX_SHARE) {
      problems.push(
        bankError(label_, `multi-choice: ${list.length} of ${multis.length} items (${percent(share)}; at most ${percent(MULTI_COUNT_MAX_SHARE)}) have exactly ${count} correct options (${figures}); vary the number of correct options in some of: ${list.map(label).join(', ')}`),
      )
    }
  }
  if (single === 0 || allButOne === 0) {
    const missing = [single === 0 ? 'exactly 1 correct option' : null, allButOne === 0 ? 'n−1 correct options (all but one)' : null].filter(Boolean).join(' and none with ')
    problems.push(
      bankError(label_, `multi-choice: the number of correct options must vary from 1 to n−1, but no item has ${missing} (${figures})`),
    )
  }
  return problems
}

/** Cue words: none may appear only in keys, or only in distractors, more than CUE_ONE_SIDED_MAX times. */
export function checkCueWords(files: readonly BankFileItems[], label_ = 'content/scenarios/', cues: readonly string[] = CUE_WORDS): ContentError[] {
  const located = locate(files)
  const problems: ContentError[] = []
  for (const cue of cues) {
    const pattern = cuePattern(cue)
    const inKeys: Located[] = []
    const inDistractors: Located[] = []
    for (const at of located) {
      for (const option of optionsOf(at.item)) {
        if (pattern.test(option.text)) (option.key ? inKeys : inDistractors).push(at)
      }
    }
    const [side, list, other] =
      inKeys.length > CUE_ONE_SIDED_MAX && inDistractors.length === 0
        ? (['keys', inKeys, 'distractor'] as const)
        : inDistractors.length > CUE_ONE_SIDED_MAX && inKeys.length === 0
          ? (['distractors', inDistractors, 'key'] as const)
          : [null, [], null]
    if (side) {
      const ids = [...new Set(list.map(label))]
      problems.push(
        bankError(label_, `cue "${cue}" appears in ${list.length} ${side} and no ${other} (at most ${CUE_ONE_SIDED_MAX} on one side); reword some of: ${ids.join(', ')}`),
      )
    }
  }
  return problems
}

/** True when at least a third of `total` items are grey-zone (exact: no rounding at 1/3). */
export const meetsGreyZoneShare = (greyZone: number, total: number) => greyZone * 3 >= total

/** Grey zone: at least a third of the items are marked `greyZone: true`. */
export function checkGreyZoneShare(files: readonly BankFileItems[], label_ = 'content/scenarios/'): ContentError[] {
  const located = locate(files)
  if (located.length < AGGREGATE_MIN_ITEMS) return []
  const grey = located.filter((at) => at.item.greyZone === true).length
  if (meetsGreyZoneShare(grey, located.length)) return []
  const needed = Math.ceil(located.length / 3)
  const perFile = files.map(({ file, items }) => `${file} ${items.filter((item) => item.greyZone === true).length} of ${items.length}`).join(', ')
  return [
    bankError(label_, `grey zone: ${grey} of ${located.length} items (${percent(grey / located.length)}) are marked greyZone: true; at least a third (${needed}) must be cases where a careful civil servant weighs two values; mark honest ones or write ${needed - grey} more (${perFile})`),
  ]
}

/** The bank's figures that content:check prints (and adds to its --json output). */
export interface BankFigures {
  readonly items: number
  readonly byType: { readonly single: number; readonly multi: number; readonly judge: number }
  readonly byDifficulty: { readonly 1: number; readonly 2: number; readonly 3: number }
  readonly greyZone: { readonly count: number; readonly share: number }
  readonly singleKeyLongest: { readonly count: number; readonly of: number; readonly share: number }
  /** Multi items per number of correct options, e.g. { "1": 4, "2": 7 }. */
  readonly multiCorrectCounts: Readonly<Record<string, number>>
  /** Judge items per platform of the mock post. */
  readonly judgePlatforms: Readonly<Record<string, number>>
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

export function bankFigures(files: readonly BankFileItems[]): BankFigures {
  const items = files.flatMap((f) => f.items)
  const singles = items.flatMap((item) => (item.type === 'single' ? [item] : []))
  const longest = singles.filter((item) =>
    isStrictlyLongest(
      item.options.map((o) => o.text),
      item.options.findIndex((o) => o.credit === 1),
    ),
  ).length
  const grey = items.filter((item) => item.greyZone === true).length
  const multiCorrectCounts: Record<string, number> = {}
  const judgePlatforms: Record<string, number> = {}
  const byDifficulty = { 1: 0, 2: 0, 3: 0 }
  const byType = { single: 0, multi: 0, judge: 0 }
  for (const item of items) {
    byType[item.type]++
    byDifficulty[item.difficulty]++
    if (item.type === 'multi') {
      const n = String(item.options.filter((o) => o.correct).length)
      multiCorrectCounts[n] = (multiCorrectCounts[n] ?? 0) + 1
    }
    if (item.type === 'judge') judgePlatforms[item.post.platform] = (judgePlatforms[item.post.platform] ?? 0) + 1
  }
  return {
    items: items.length,
    byType,
    byDifficulty,
    greyZone: { count: grey, share: items.length ? round3(grey / items.length) : 0 },
    singleKeyLongest: { count: longest, of: singles.length, share: singles.length ? round3(longest / singles.length) : 0 },
    multiCorrectCounts,
    judgePlatforms,
  }
}

/** Every item-writing rule over the bank: per-item problems first, then the bank-level ones. */
export function checkItemWriting(files: readonly BankFileItems[], label_ = 'content/scenarios/'): ItemWritingResult {
  return {
    problems: [
      ...checkItemRules(files),
      ...checkSingleKeyLength(files, label_),
      ...checkMultiCorrectCounts(files, label_),
      ...checkCueWords(files, label_),
      ...checkGreyZoneShare(files, label_),
    ],
  }
}
