import 'server-only'
import { env } from '@/lib/env.server'
import { clientAddressFrom, parseTrustedProxies } from '@/lib/http/client-address'
import { hitLimit } from './limiter.server'
import type { LimitPolicy } from './limiter'

/**
 * A limit on `name` per `subject` (an address, an account id), counted atomically in the
 * database (rate_limit_counter) so that every app instance counts together.
 */
export async function consumeRateLimit(
  name: string,
  subject: string,
  policy: LimitPolicy,
): Promise<{ allowed: boolean; retryAfterSeconds: number; blockedUntil: number }> {
  const now = Date.now()
  const result = await hitLimit(`${name}:${subject}`, policy, now)
  if (result.allowed) return { allowed: true, retryAfterSeconds: 0, blockedUntil: 0 }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((result.blockedUntil - now) / 1000)), blockedUntil: result.blockedUntil }
}

const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES)

/**
 * The client's address (lib/http/client-address.ts): the socket peer, or what the trusted
 * proxies in front of it (TRUSTED_PROXIES) say. 'unknown' outside a real request.
 */
export function clientAddress(headers: Headers): string {
  return clientAddressFrom(headers.get('x-forwarded-for'), trustedProxies)
}
