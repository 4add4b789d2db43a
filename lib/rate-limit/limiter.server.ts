import 'server-only'
import { Prisma, type Db } from '@/lib/db/create-client'
import { db as appDb } from '@/lib/db/db.server'
import { delayLadder, type CounterState, type LimitPolicy } from './limiter'

type Client = Pick<Db, '$queryRaw' | '$executeRaw'>

export type HitResult =
  | { allowed: true; count: number; blockedUntil: number }
  | { allowed: false; blockedUntil: number }

const big = (value: number) => Prisma.sql`CAST(${BigInt(Math.trunc(value))} AS BIGINT)`

/**
 * One hit on `key` under `policy`, as ONE statement (`INSERT … ON CONFLICT DO UPDATE … WHERE …
 * RETURNING`, SQLite ≥ 3.35 and PostgreSQL): parallel hits are each counted exactly once, and a
 * hit on a blocked key updates nothing and returns no row (refused). The rules are those of
 * `hit()` in ./limiter.ts (unit-tested there); tests/integration/rate-limit.test.ts checks that
 * this statement agrees with them on both providers.
 */
export async function hitLimit(key: string, policy: LimitPolicy, now = Date.now(), client: Client = appDb): Promise<HitResult> {
  const t = 'rate_limit_counter'
  const old = (column: string) => Prisma.raw(`"${t}"."${column}"`)
  const expired = Prisma.sql`${old('windowStart')} <= ${big(now - policy.windowMs)}`
  const newCount = Prisma.sql`(CASE WHEN ${expired} THEN 1 ELSE ${old('count')} + 1 END)`
  const newWindowStart = Prisma.sql`(CASE WHEN ${expired} THEN ${big(now)} ELSE ${old('windowStart')} END)`
  const blockedFor = (count: Prisma.Sql, windowStart: Prisma.Sql) => {
    if (policy.kind === 'window') {
      return Prisma.sql`(CASE WHEN ${count} >= ${policy.limit} THEN ${windowStart} + ${big(policy.windowMs)} ELSE ${big(0)} END)`
    }
    const ladder = delayLadder(policy)
    const steps = ladder.map(([count_, delay]) => Prisma.sql`WHEN ${count} <= ${count_} THEN ${big(now + delay)}`)
    return Prisma.sql`(CASE WHEN ${count} < ${policy.free} THEN ${big(0)} ${Prisma.join(steps, ' ')} ELSE ${big(now + policy.maxDelayMs)} END)`
  }
  const firstBlock = blockedFor(Prisma.sql`1`, big(now))
  const rows = await client.$queryRaw<{ count: number | bigint; blockedUntil: number | bigint }[]>`
    INSERT INTO "rate_limit_counter" ("key", "count", "windowStart", "blockedUntil")
    VALUES (${key}, 1, ${big(now)}, ${firstBlock})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = ${newCount},
      "windowStart" = ${newWindowStart},
      "blockedUntil" = ${blockedFor(newCount, newWindowStart)}
    WHERE ${old('blockedUntil')} <= ${big(now)}
    RETURNING "count", "blockedUntil"`
  const row = rows[0]
  if (row) return { allowed: true, count: Number(row.count), blockedUntil: Number(row.blockedUntil) }
  // Refused: read when the block ends, for the message only (the refusal itself was atomic).
  const state = await readLimit(key, client)
  return { allowed: false, blockedUntil: state?.blockedUntil ?? now }
}

/** The counter as stored (for messages and tests), or null. */
export async function readLimit(key: string, client: Client = appDb): Promise<CounterState | null> {
  const rows = await client.$queryRaw<{ count: number | bigint; windowStart: number | bigint; blockedUntil: number | bigint }[]>`
    SELECT "count", "windowStart", "blockedUntil" FROM "rate_limit_counter" WHERE "key" = ${key}`
  const row = rows[0]
  return row ? { count: Number(row.count), windowStart: Number(row.windowStart), blockedUntil: Number(row.blockedUntil) } : null
}

/** Forgets a key (a success ends the failures it counted). */
export async function resetLimit(key: string, client: Client = appDb): Promise<void> {
  await client.$executeRaw`DELETE FROM "rate_limit_counter" WHERE "key" = ${key}`
}

/**
 * Gives back one hit that turned out to be a success (counted first so that parallel attempts
 * cannot all pass the check). One statement; clears a block only if the count falls below the
 * policy's threshold again.
 */
export async function refundHit(key: string, threshold: number, client: Client = appDb): Promise<void> {
  await client.$executeRaw`
    UPDATE "rate_limit_counter" SET
      "count" = CASE WHEN "count" > 0 THEN "count" - 1 ELSE 0 END,
      "blockedUntil" = CASE WHEN "count" - 1 < ${threshold} THEN ${big(0)} ELSE "blockedUntil" END
    WHERE "key" = ${key}`
}
