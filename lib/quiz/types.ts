/**
 * Types of the quiz domain: the scenario bank (as authored in content/scenarios/*.yaml),
 * the coverage map it refers to, a drawn attempt (stored server-side as JSON), the
 * learner's responses and the score.
 *
 * Everything here is plain data. `Attempt`, `Responses`, `PublicItem` and `ScoreResult`
 * are JSON-serialisable (no Map, Set, Date, undefined-only fields or class instances).
 */

/** Area of the coverage map: "A" … "F" in content/rules.yaml. */
export type AreaId = string
/** A stable rule id of content/rules.yaml, e.g. "se137-6". */
export type RuleId = string
/** 1 mudah, 2 sedang, 3 sulit. */
export type Difficulty = 1 | 2 | 3
export type ItemType = 'single' | 'multi' | 'judge'
/** Judge verdict: "Boleh diunggah?" ya / tidak. */
export type Verdict = 'ya' | 'tidak'
export type Platform = 'WhatsApp' | 'Facebook' | 'Instagram' | 'X' | 'TikTok' | 'YouTube' | 'LinkedIn' | 'Threads' | 'Telegram'
/** Credit of a `single` option: 1 best (exactly one per item), 0.5 acceptable, 0 wrong. */
export type Credit = 0 | 0.5 | 1

// ---------------------------------------------------------------------------------------
// Coverage map (content/rules.yaml)
// ---------------------------------------------------------------------------------------

export interface AreaRef {
  readonly id: AreaId
  readonly title?: string
}

export interface RuleRef {
  readonly id: RuleId
  readonly area: AreaId
  readonly title?: string
}

/** The parts of content/rules.yaml the quiz needs. Order is significant (report order). */
export interface CoverageMap {
  readonly areas: readonly AreaRef[]
  readonly rules: readonly RuleRef[]
}

// ---------------------------------------------------------------------------------------
// Bank items (content/scenarios/*.yaml)
// ---------------------------------------------------------------------------------------

interface BankItemBase {
  readonly id: string
  /** Rule ids tested; the first one is the primary rule (it decides the item's area). */
  readonly rules: readonly [RuleId, ...RuleId[]]
  readonly difficulty: Difficulty
  readonly stem: string
  readonly explanation: string
  readonly sources: readonly string[]
  /**
   * A grey-zone case: a careful civil servant has to weigh two values, and the distractors are
   * what real people do and defend. content:check needs at least a third of the bank so marked.
   */
  readonly greyZone?: boolean
}

export interface SingleOption {
  readonly id: string
  readonly text: string
  readonly credit: Credit
}

export interface MultiOption {
  readonly id: string
  readonly text: string
  readonly correct: boolean
}

export interface JudgeReason {
  readonly id: string
  readonly text: string
  /** Exactly one reason of an item is correct. */
  readonly correct: boolean
}

export interface MockPost {
  readonly platform: Platform
  readonly author: string
  readonly text: string
  readonly time?: string
}

export interface SingleItem extends BankItemBase {
  readonly type: 'single'
  readonly options: readonly SingleOption[]
}

export interface MultiItem extends BankItemBase {
  readonly type: 'multi'
  readonly options: readonly MultiOption[]
}

export interface JudgeItem extends BankItemBase {
  readonly type: 'judge'
  readonly post: MockPost
  readonly verdict: Verdict
  readonly reasons: readonly JudgeReason[]
}

export type BankItem = SingleItem | MultiItem | JudgeItem

/**
 * A bank ready for drawing and scoring: the items plus the coverage map, indexed.
 * Build it with `createBank()` (which checks ids and rule references); not JSON data.
 */
export interface Bank {
  readonly items: readonly BankItem[]
  readonly coverage: CoverageMap
  readonly itemById: ReadonlyMap<string, BankItem>
  readonly areaOfRule: ReadonlyMap<RuleId, AreaId>
}

// ---------------------------------------------------------------------------------------
// Blueprint and attempt
// ---------------------------------------------------------------------------------------

/** What an attempt should look like. */
export interface Blueprint {
  /** Number of items (post-test 15, pre-test 6: both from the course blueprint, see draw.ts). */
  readonly size: number
  /**
   * Areas that must be represented. Default: every area of the coverage map that has at
   * least one item whose primary rule is in it. Naming an area without items is an error.
   */
  readonly areas?: readonly AreaId[]
  /**
   * Minimum number of items per represented area. Default: 1 when the size allows one item per
   * area, otherwise 0 (a short form then covers a seeded selection of areas).
   */
  readonly perAreaMin?: number
  /**
   * Target shares of difficulty 1, 2 and 3 (summing to 1). The areas always share the slots
   * evenly. Default: no difficulty targets, difficulties only mixed.
   */
  readonly difficultyShares?: readonly [number, number, number]
}

export interface DrawOptions {
  /**
   * Items the learner saw before: drawn only when their area has no unseen item left. Either a
   * list, or a map from item id to the year it was last seen, so that items seen longest ago
   * come back first (the refresher of a year prefers what earlier years did not show).
   */
  readonly seenItemIds?: Iterable<string> | ReadonlyMap<string, number>
  /** Items never to draw: under review or withdrawn by an admin (decision 035). */
  readonly excludedItemIds?: Iterable<string>
}

/** One drawn `single` or `multi` item: option ids in the order shown to the learner. */
export interface DrawnChoiceItem {
  readonly itemId: string
  readonly type: 'single' | 'multi'
  readonly optionOrder: readonly string[]
}

/** One drawn `judge` item: reason ids in the order shown (verdicts are always Ya, Tidak). */
export interface DrawnJudgeItem {
  readonly itemId: string
  readonly type: 'judge'
  readonly reasonOrder: readonly string[]
}

export type DrawnItem = DrawnChoiceItem | DrawnJudgeItem

/** A drawn attempt, stored server-side as JSON. */
export interface Attempt {
  readonly version: 1
  /** The seed it was drawn with (for audit and reproduction). */
  readonly seed: string
  readonly items: readonly DrawnItem[]
}

// ---------------------------------------------------------------------------------------
// Public view (what the browser receives)
// ---------------------------------------------------------------------------------------

export interface PublicChoice {
  readonly id: string
  readonly text: string
}

export interface PublicChoiceItem {
  readonly itemId: string
  readonly type: 'single' | 'multi'
  readonly stem: string
  readonly options: readonly PublicChoice[]
}

export interface PublicJudgeItem {
  readonly itemId: string
  readonly type: 'judge'
  readonly stem: string
  readonly post: MockPost
  readonly verdicts: readonly Verdict[]
  readonly reasons: readonly PublicChoice[]
}

export type PublicItem = PublicChoiceItem | PublicJudgeItem

// ---------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------

export interface SingleResponse {
  readonly optionId?: string | null
}

export interface MultiResponse {
  readonly optionIds?: readonly string[]
}

export interface JudgeResponse {
  readonly verdict?: Verdict | null
  readonly reasonId?: string | null
}

/**
 * A response carries only the fields of its item's type (single: optionId, multi:
 * optionIds, judge: verdict + reasonId). `{}` or a missing entry means "no answer".
 */
export type ItemResponse = SingleResponse | MultiResponse | JudgeResponse

/** Responses keyed by item id. */
export type Responses = Readonly<Record<string, ItemResponse>>

// ---------------------------------------------------------------------------------------
// Score
// ---------------------------------------------------------------------------------------

export interface ScoreOptions {
  /** Pass mark on the 0–100 scale (default 80, see DEFAULT_PASS_MARK). */
  readonly passMark?: number
}

interface FeedbackBase {
  readonly itemId: string
  readonly stem: string
  /** Rule ids of the item (primary first), to link to the lessons' RuleCards. */
  readonly rules: readonly RuleId[]
  /** Credit earned, 0–1 (unrounded). */
  readonly earned: number
  /** 'full' = 1, 'none' = 0, 'partial' otherwise. */
  readonly outcome: 'full' | 'partial' | 'none'
  /** Whether the learner gave an answer that refers to a real option / verdict. */
  readonly answered: boolean
  readonly explanation: string
}

export interface SingleFeedback extends FeedbackBase {
  readonly type: 'single'
  /** The learner's pick, or null (no answer or unknown id). */
  readonly picked: PublicChoice | null
  readonly pickedCredit: Credit
  /** Option ids the learner sent that the item does not have (they earn nothing). */
  readonly unknownOptionIds: readonly string[]
  readonly best: PublicChoice
  /** Options worth 0.5, in drawn order. */
  readonly acceptable: readonly PublicChoice[]
}

export interface MultiFeedback extends FeedbackBase {
  readonly type: 'multi'
  /** Distinct known picks, in drawn order. */
  readonly picked: readonly PublicChoice[]
  readonly rightPicks: number
  readonly wrongPicks: number
  readonly unknownOptionIds: readonly string[]
  /** All correct options (the best answer), in drawn order. */
  readonly correctOptions: readonly PublicChoice[]
  /** Correct options the learner did not pick. */
  readonly missed: readonly PublicChoice[]
}

export interface JudgeFeedback extends FeedbackBase {
  readonly type: 'judge'
  readonly verdictGiven: Verdict | null
  readonly verdict: Verdict
  readonly verdictRight: boolean
  readonly reasonGiven: PublicChoice | null
  readonly unknownReasonId: string | null
  readonly bestReason: PublicChoice
  /** True only when the verdict is right and the reason is the correct one. */
  readonly reasonRight: boolean
}

export type ItemFeedback = SingleFeedback | MultiFeedback | JudgeFeedback

export interface GroupScore {
  /** 0–100, one decimal. */
  readonly score: number
  /** Items that count for this group. */
  readonly itemCount: number
}

export interface RuleScore extends GroupScore {
  readonly ruleId: RuleId
  readonly area: AreaId
}

export interface AreaScore extends GroupScore {
  readonly area: AreaId
}

export interface ScoreResult {
  /** 0–100, one decimal (half up). */
  readonly total: number
  readonly passMark: number
  /** total >= passMark (on the rounded total the learner sees). */
  readonly passed: boolean
  readonly itemCount: number
  readonly answeredCount: number
  /** Rules tested by the attempt, in coverage-map order. */
  readonly byRule: readonly RuleScore[]
  /** Areas tested by the attempt, in coverage-map order. */
  readonly byArea: readonly AreaScore[]
  /** One entry per attempt item, in attempt order. */
  readonly items: readonly ItemFeedback[]
}
