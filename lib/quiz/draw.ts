/**
 * Drawing an attempt: which items, in which order, with which option order.
 *
 * Deterministic: the same bank (whatever the order of its items), blueprint, seed and seen
 * items always give the same attempt. Algorithm:
 *
 * 1. Group the items by the area of their primary rule; sort each group by id, then shuffle
 *    it with the seeded PRNG (so bank/file order never matters).
 * 2. Quotas: each required area (blueprint.areas, default every area that has items) gets
 *    `perAreaMin` (default 1) slots, capped by its number of items. The remaining slots go one
 *    at a time to the area that (a) still has unseen items, then (b) has the fewest slots so
 *    far, then (c) ranks first in a seeded random order of areas: slots are spread evenly,
 *    but never to a seen item while an unseen one is left elsewhere.
 * 3. Picks: areas take turns (seeded order); each takes, among its remaining items, the
 *    first one minimising (seen before?, how many items of that difficulty are already in the
 *    attempt, how many of that type) — unseen first, difficulties and types mixed.
 * 4. The picked items are shuffled; each item's options (judge: reasons) are shuffled.
 *    Judge verdicts are always shown as Ya, Tidak.
 */
import { primaryArea } from './bank'
import { DrawError } from './errors'
import { createRng, shuffled } from './rng'
import type { AreaId, Attempt, Bank, BankItem, Blueprint, DrawnItem, DrawOptions } from './types'

export const POST_TEST_BLUEPRINT: Blueprint = { size: 15 }
export const PRE_TEST_BLUEPRINT: Blueprint = { size: 6 }

interface AreaPool {
  readonly area: AreaId
  readonly items: BankItem[]
  readonly unseenCount: number
  quota: number
  rank: number
}

export function draw(
  bank: Bank,
  blueprint: Blueprint,
  seed: string,
  options: DrawOptions = {},
): Attempt {
  const { size } = blueprint
  const perAreaMin = blueprint.perAreaMin ?? 1
  if (!Number.isInteger(size) || size < 1) {
    throw new DrawError(`blueprint size must be a whole number >= 1, got ${size}`)
  }
  if (!Number.isInteger(perAreaMin) || perAreaMin < 0) {
    throw new DrawError(`blueprint perAreaMin must be a whole number >= 0, got ${perAreaMin}`)
  }
  if (bank.items.length < size) {
    throw new DrawError(
      `the bank has ${bank.items.length} items but the blueprint asks for ${size}`,
    )
  }

  const seen = new Set(options.seenItemIds ?? [])
  const rng = createRng(seed)

  // 1. Pools per area, in coverage-map order; items sorted by id then shuffled.
  const byArea = new Map<AreaId, BankItem[]>()
  for (const item of bank.items) {
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
    const unseenCount = items.reduce((n, it) => (seen.has(it.id) ? n : n + 1), 0)
    pools.push({ area, items, unseenCount, quota: 0, rank: 0 })
  }
  shuffled(rng, pools).forEach((pool, i) => {
    pool.rank = i
  })
  const poolByArea = new Map(pools.map((p) => [p.area, p]))

  // 2. Quotas.
  const required = blueprint.areas ? [...new Set(blueprint.areas)] : pools.map((p) => p.area)
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
    pool.quota = Math.min(perAreaMin, pool.items.length)
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
      if (pool.quota >= pool.items.length) continue
      if (!best || compareForExtraSlot(pool, best) < 0) best = pool
    }
    // Cannot happen: size <= bank size and every item belongs to a pool.
    if (!best) throw new DrawError('not enough items to fill the blueprint')
    best.quota++
  }

  // 3. Picks, areas taking turns.
  const difficultyCount = [0, 0, 0, 0]
  const typeCount = { single: 0, multi: 0, judge: 0 }
  const picked: BankItem[] = []
  const turnOrder = [...pools].sort((a, b) => a.rank - b.rank)
  const remaining = new Map(pools.map((p) => [p.area, p.items.slice()]))
  const taken = new Map(pools.map((p) => [p.area, 0]))
  while (picked.length < size) {
    for (const pool of turnOrder) {
      const count = taken.get(pool.area) ?? 0
      if (count >= pool.quota) continue
      const candidates = remaining.get(pool.area) ?? []
      let bestIndex = 0
      let bestKey: readonly number[] | undefined
      for (let i = 0; i < candidates.length; i++) {
        const item = candidates[i] as BankItem
        const key = [
          seen.has(item.id) ? 1 : 0,
          difficultyCount[item.difficulty] ?? 0,
          typeCount[item.type],
        ]
        if (!bestKey || lexLess(key, bestKey)) {
          bestKey = key
          bestIndex = i
        }
      }
      const [item] = candidates.splice(bestIndex, 1)
      if (!item) throw new DrawError('not enough items to fill the blueprint')
      picked.push(item)
      taken.set(pool.area, count + 1)
      difficultyCount[item.difficulty] = (difficultyCount[item.difficulty] ?? 0) + 1
      typeCount[item.type]++
    }
  }

  // 4. Item order and option order.
  const items: DrawnItem[] = shuffled(rng, picked).map((item): DrawnItem => {
    if (item.type === 'judge') {
      return { itemId: item.id, type: 'judge', reasonOrder: shuffled(rng, item.reasons.map((r) => r.id)) }
    }
    const ids: string[] = []
    for (const option of item.options) ids.push(option.id)
    return { itemId: item.id, type: item.type, optionOrder: shuffled(rng, ids) }
  })
  return { version: 1, seed, items }
}

function unseenLeft(pool: AreaPool): boolean {
  return pool.unseenCount > pool.quota
}

function compareForExtraSlot(a: AreaPool, b: AreaPool): number {
  const ua = unseenLeft(a) ? 0 : 1
  const ub = unseenLeft(b) ? 0 : 1
  if (ua !== ub) return ua - ub
  if (a.quota !== b.quota) return a.quota - b.quota
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
