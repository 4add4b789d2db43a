import 'server-only'
import { db } from '@/lib/db/db.server'

/**
 * A fixed-window counter per key, stored in the database (better-auth's rate_limit table, our
 * keys prefixed "app:") so that every app instance counts together.
 */
export async function consumeRateLimit(
  name: string,
  subject: string,
  { limit, windowMs }: { limit: number; windowMs: number },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const key = `app:${name}:${subject}`
  const now = Date.now()
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } })
    const windowStart = row ? Number(row.lastRequest) : 0
    if (!row || now - windowStart >= windowMs) {
      await tx.rateLimit.upsert({
        where: { key },
        create: { id: key, key, count: 1, lastRequest: BigInt(now) },
        update: { count: 1, lastRequest: BigInt(now) },
      })
      return { allowed: true, retryAfterSeconds: 0 }
    }
    const retryAfterSeconds = Math.ceil((windowStart + windowMs - now) / 1000)
    if (row.count >= limit) return { allowed: false, retryAfterSeconds }
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } })
    return { allowed: true, retryAfterSeconds: 0 }
  })
}

/** The client's address as the nearest proxy reports it (first x-forwarded-for hop), else "unknown". */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'unknown'
}
