/**
 * Drawing an attempt: which items, in which order, with which option order.
 *
 * The pre-test and the post-test are two forms of one course blueprint (COURSE_BLUEPRINT): the
 * areas share the slots evenly and the difficulties follow the same target shares, so that the
 * pre→post gain compares like with like. A learner's earlier items come back only when their area
 * has no unseen item left, and then those seen longest ago first.
 *
 * Deterministic: the same bank (whatever the order of its items), blueprint, seed and seen
 * items always give the same attempt. Algorithm:
 *
 * 1. Group the items by the area of their primary rule; sort each group by id, then shuffle
 *    it with the seeded PRNG (so bank/file order never matters). Areas get a seeded rank.
 * 2. Area quotas: each required area (blueprint.areas, default every area that has items) gets
 *    `perAreaMin` slots (default 1 when the size allows), capped by its number of items. The
 *    remaining slots go one at a time to the area that (a) has the fewest slots so far, then
 *    (b) still has unseen items, then (c) ranks first: slots are spread evenly whatever was seen.
 * 3. Difficulty quotas: the blueprint's shares of the size, by largest remainder.
 * 4. Picks: areas take turns (seeded order); each takes, among its remaining items, the first one
 *    minimising (how recently seen, whether its difficulty is already at quota, how many items of
 *    that difficulty and of that type are already in the attempt). Then items are swapped within
 *    an area, between equally fresh items, while that brings a difficulty closer to its quota.
 * 5. The picked items are shuffled; each item's options (judge: reasons) are shuffled.
 *    Judge verdicts are always shown as Ya, Tidak.
 *
 * Items in `excludedItemIds` (under review or withdrawn, decision 035) are left out before step 1,
 * as if the bank did not hold them.
 */
import { primaryArea } from './bank'
import { DrawError } from './errors'
import { createRng, shuffled } from './rng'
import type { AreaId, Attempt, Bank, BankItem, Blueprint, Difficulty, DrawnItem, DrawOptions } from './types'

/**
 * The course's one blueprint: easy, medium and hard items 1 : 2 : 1 (the bank's own mix), areas
 * evenly. Pre-test and post-test differ only in size.
 */
export const COURSE_BLUEPRINT = { difficultyShares: [0.25, 0.5, 0.25] } as const satisfies Omit<Blueprint, 'size'>

/** A form of the course blueprint with `size` items. */
export function courseForm(size: number): Blueprint {
  return { ...COURSE_BLUEPRINT, size }
}

export const POST_TEST_BLUEPRINT: Blueprint = courseForm(15)
export const PRE_TEST_BLUEPRINT: Blueprint = courseForm(6)

const DIFFICULTIES: readonly Difficulty[] = [1, 2, 3]

interface AreaPool {
  readonly area: AreaId
  /** Not yet picked, in seeded order. */
  readonly remaining: BankItem[]
  readonly size: number
  readonly unseenCount: number
  quota: number
  rank: number
}

export function draw(bank: Bank, blueprint: Blueprint, seed: string, options: DrawOptions = {}): Attempt {
  const { size } = blueprint
  if (!Number.isInteger(size) || size < 1) {
    throw new DrawError(`blueprint size must be a whole number >= 1, got ${size}`)
  }
  if (blueprint.perAreaMin !== undefined && (!Number.isInteger(blueprint.perAreaMin) || blueprint.perAreaMin < 0)) {
    throw new DrawError(`blueprint perAreaMin must be a whole number >= 0, got ${blueprint.perAreaMin}`)
  }
  // Items an admin took out of service (under review or withdrawn: decision 035) are never drawn.
  const excluded = new Set(options.excludedItemIds ?? [])
  const inService = excluded.size ? bank.items.filter((item) => !excluded.has(item.id)) : bank.items
  if (inService.length < size) {
    throw new DrawError(`the bank has ${inService.length} items${excluded.size ? ' in service' : ''} but the blueprint asks for ${size}`)
  }
  const difficultyQuota = blueprint.difficultyShares ? apportion(size, blueprint.difficultyShares) : null

  const staleness = stalenessOf(options.seenItemIds)
  const rng = createRng(seed)

  // 1. Pools per area, in coverage-map order; items sorted by id then shuffled.
  const byArea = new Map<AreaId, BankItem[]>()
  for (const item of inService) {
    const area = primaryArea(bank, item)
    const list = byArea.get(area)
    if (list) list.push(item)
    else byArea.set(area, [item])
  }
  const pools: AreaPool[] = []
  for (const { id: area } of bank.coverage.areas) {
    const list = byArea.get(area)
    if (!list || list.length === 0) continue
    list.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    const items = shuffled(rng, list)
    const unseenCount = items.reduce((n, it) => (staleness(it.id) === 0 ? n + 1 : n), 0)
    pools.push({ area, remaining: items, size: items.length, unseenCount, quota: 0, rank: 0 })
  }
  shuffled(rng, pools).forEach((pool, i) => {
    pool.rank = i
  })
  const poolByArea = new Map(pools.map((p) => [p.area, p]))

  // 2. Area quotas.
  const required = blueprint.areas ? [...new Set(blueprint.areas)] : pools.map((p) => p.area)
  const perAreaMin = blueprint.perAreaMin ?? (size >= required.length ? 1 : 0)
  let assigned = 0
  for (const area of required) {
    const pool = poolByArea.get(area)
    if (!pool) {
      const known = bank.coverage.areas.some((a) => a.id === area)
      throw new DrawError(
        known
          ? `the blueprint requires area "${area}" but the bank has no item whose primary rule is in it`
          : `the blueprint names unknown area "${area}"`,
      )
    }
    pool.quota = Math.min(perAreaMin, pool.size)
    assigned += pool.quota
  }
  if (assigned > size) {
    throw new DrawError(
      `${size} items cannot represent ${required.length} areas with at least ${perAreaMin} item(s) each (needs ${assigned})`,
    )
  }
  for (; assigned < size; assigned++) {
    let best: AreaPool | undefined
    for (const pool of pools) {
      if (pool.quota >= pool.size) continue
      if (!best || compareForExtraSlot(pool, best) < 0) best = pool
    }
    // Cannot happen: size <= bank size and every item belongs to a pool.
    if (!best) throw new DrawError('not enough items to fill the blueprint')
    best.quota++
  }

  // 4. Picks, areas taking turns.
  const difficultyCount = [0, 0, 0, 0]
  const typeCount = { single: 0, multi: 0, judge: 0 }
  const picked: Picked[] = []
  const turnOrder = [...pools].sort((a, b) => a.rank - b.rank)
  const taken = new Map(pools.map((p) => [p.area, 0]))
  const atQuota = (difficulty: Difficulty) =>
    difficultyQuota && (difficultyCount[difficulty] ?? 0) >= difficultyQuota[difficulty - 1]! ? 1 : 0
  while (picked.length < size) {
    for (const pool of turnOrder) {
      const count = taken.get(pool.area) ?? 0
      if (count >= pool.quota) continue
      let bestIndex = 0
      let bestKey: readonly number[] | undefined
      pool.remaining.forEach((item, i) => {
        const key = [staleness(item.id), atQuota(item.difficulty), difficultyCount[item.difficulty] ?? 0, typeCount[item.type]]
        if (!bestKey || lexLess(key, bestKey)) {
          bestKey = key
          bestIndex = i
        }
      })
      const [item] = pool.remaining.splice(bestIndex, 1)
      if (!item) throw new DrawError('not enough items to fill the blueprint')
      picked.push({ item, pool })
      taken.set(pool.area, count + 1)
      difficultyCount[item.difficulty] = (difficultyCount[item.difficulty] ?? 0) + 1
      typeCount[item.type]++
    }
  }
  if (difficultyQuota) balanceDifficulties(picked, difficultyQuota, difficultyCount, staleness)

  // 5. Item order and option order.
  const items: DrawnItem[] = shuffled(
    rng,
    picked.map((p) => p.item),
  ).map((item): DrawnItem => {
    if (item.type === 'judge') {
      return { itemId: item.id, type: 'judge', reasonOrder: shuffled(rng, item.reasons.map((r) => r.id)) }
    }
    const ids: string[] = []
    for (const option of item.options) ids.push(option.id)
    return { itemId: item.id, type: item.type, optionOrder: shuffled(rng, ids) }
  })
  return { version: 1, seed, items }
}

/**
 * Splits `size` slots by `shares` (largest remainder; ties to the earlier share), e.g. 15 by
 * 1 : 2 : 1 gives 4, 7, 4 and 6 gives 2, 3, 1.
 */
export function apportion(size: number, shares: readonly number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0)
  if (!(total > 0) || shares.some((share) => !(share >= 0))) {
    throw new DrawError(`blueprint shares must be non-negative with a positive sum, got ${shares.join(', ')}`)
  }
  const exact = shares.map((share) => (size * share) / total)
  const counts = exact.map(Math.floor)
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i)
  let left = size - counts.reduce((sum, n) => sum + n, 0)
  for (const { i } of order) {
    if (left-- <= 0) break
    counts[i]! += 1
  }
  return counts
}

/**
 * How fresh an item is for this learner: 0 never seen; otherwise 1 for the earliest year seen,
 * rising with later years (a plain list counts as one year).
 */
function stalenessOf(seen: DrawOptions['seenItemIds']): (itemId: string) => number {
  if (!seen) return () => 0
  if (seen instanceof Map) {
    const years = [...(seen as ReadonlyMap<string, number>).values()]
    const earliest = Math.min(...years)
    return (itemId) => {
      const year = (seen as ReadonlyMap<string, number>).get(itemId)
      return year === undefined ? 0 : 1 + year - earliest
    }
  }
  const ids = new Set(seen as Iterable<string>)
  return (itemId) => (ids.has(itemId) ? 1 : 0)
}

/**
 * Swaps a picked item for an equally fresh one of the same area while a difficulty is over its
 * quota and another under it (the turn-taking picks can leave the last areas without a fitting
 * difficulty): directly, or through the third difficulty (one area trades it for the missing one,
 * another trades the surplus for it). Never trades a fresher item for a staler one; preferably
 * keeps the item type.
 */
function balanceDifficulties(
  picked: Picked[],
  quota: readonly number[],
  count: number[],
  staleness: (itemId: string) => number,
): void {
  const apply = (swap: Swap, from: Difficulty, to: Difficulty) => {
    const out = picked[swap.index]!
    out.pool.remaining.splice(out.pool.remaining.indexOf(swap.replacement), 1, out.item)
    picked[swap.index] = { item: swap.replacement, pool: out.pool }
    count[from]! -= 1
    count[to]! += 1
    return () => {
      const back = picked[swap.index]!
      back.pool.remaining.splice(back.pool.remaining.indexOf(out.item), 1, swap.replacement)
      picked[swap.index] = out
      count[from]! += 1
      count[to]! -= 1
    }
  }
  const rebalanceOnce = (): boolean => {
    for (const over of DIFFICULTIES) {
      if ((count[over] ?? 0) <= quota[over - 1]!) continue
      for (const under of DIFFICULTIES) {
        if ((count[under] ?? 0) >= quota[under - 1]!) continue
        const direct = findSwap(picked, over, under, staleness)
        if (direct) {
          apply(direct, over, under)
          return true
        }
        const via = DIFFICULTIES.find((d) => d !== over && d !== under)!
        const first = findSwap(picked, via, under, staleness)
        if (!first) continue
        const undo = apply(first, via, under)
        const second = findSwap(picked, over, via, staleness)
        if (second) {
          apply(second, over, via)
          return true
        }
        undo()
      }
    }
    return false
  }
  for (let rounds = 0; rounds < picked.length * DIFFICULTIES.length && rebalanceOnce(); rounds++);
}

type Picked = { item: BankItem; pool: AreaPool }
type Swap = { index: number; replacement: BankItem }

function findSwap(
  picked: readonly Picked[],
  from: Difficulty,
  to: Difficulty,
  staleness: (itemId: string) => number,
): Swap | undefined {
  let fallback: Swap | undefined
  for (let index = 0; index < picked.length; index++) {
    const { item, pool } = picked[index]!
    if (item.difficulty !== from) continue
    for (const candidate of pool.remaining) {
      if (candidate.difficulty !== to || staleness(candidate.id) > staleness(item.id)) continue
      if (candidate.type === item.type) return { index, replacement: candidate }
      fallback ??= { index, replacement: candidate }
    }
  }
  return fallback
}

function compareForExtraSlot(a: AreaPool, b: AreaPool): number {
  if (a.quota !== b.quota) return a.quota - b.quota
  const ua = a.unseenCount > a.quota ? 0 : 1
  const ub = b.unseenCount > b.quota ? 0 : 1
  if (ua !== ub) return ua - ub
  return a.rank - b.rank
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0
    const y = b[i] ?? 0
    if (x !== y) return x < y
  }
  return false
}
