import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Whether an `Authorization` header carries `Bearer <token>`. Both sides are hashed to the same
 * length first and compared in constant time, so the answer's timing says nothing about how much
 * of a guess was right (nor the token's length).
 */
export function bearerMatches(authorization: string | null, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '')
  const offered = createHash('sha256').update(match?.[1] ?? '').digest()
  const expected = createHash('sha256').update(token).digest()
  return timingSafeEqual(offered, expected) && !!match
}
