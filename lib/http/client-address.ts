import { isIP } from 'node:net'

/**
 * Which address a request came from, for per-address limits.
 *
 * How the socket address reaches the app under `next start` (Next 16): Next's server only fills
 * `x-forwarded-for` from the socket when the request has none (`??=` in
 * next/dist/server/base-server.js); a client that sends its own header would choose its address.
 * So instrumentation.ts (lib/http/socket-address.server.ts) appends the socket address of every
 * request to `x-forwarded-for` before Next sees it. The right-most entry is therefore always the
 * peer that connected to this server. While that peer is a trusted proxy (TRUSTED_PROXIES), the
 * entry to its left is what it saw, and so on; the first untrusted entry is the client. With no
 * trusted proxies the client is the socket peer, whatever the request says.
 */
export type TrustedProxies = readonly Cidr[]
export type Cidr = { bytes: Uint8Array; prefix: number }

/** `::ffff:192.0.2.1` → `192.0.2.1`, lower case, brackets and an IPv4 port dropped; null when not an IP. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim().toLowerCase()
  if (value.startsWith('[') && value.includes(']')) value = value.slice(1, value.indexOf(']'))
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'))
  if (value.startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7)
  return isIP(value) ? value : null
}

function toBytes(address: string): Uint8Array {
  if (isIP(address) === 4) return Uint8Array.from(address.split('.').map(Number))
  // IPv6: expand "::".
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined]
  const parse = (part: string | undefined) => (part ? part.split(':') : [])
  let groups = parse(head)
  const tailGroups = parse(tail)
  // An embedded IPv4 tail (e.g. 64:ff9b::192.0.2.1) becomes two groups.
  const last = tail !== undefined ? tailGroups : groups
  if (last.length && last[last.length - 1]!.includes('.')) {
    const v4 = last.pop()!.split('.').map(Number)
    last.push(((v4[0]! << 8) | v4[1]!).toString(16), ((v4[2]! << 8) | v4[3]!).toString(16))
  }
  if (tail !== undefined) groups = [...groups, ...Array(8 - groups.length - tailGroups.length).fill('0'), ...tailGroups]
  const bytes = new Uint8Array(16)
  groups.forEach((group, index) => {
    const value = parseInt(group || '0', 16)
    bytes[index * 2] = value >> 8
    bytes[index * 2 + 1] = value & 0xff
  })
  return bytes
}

/** Parses "10.0.0.1", "10.0.0.0/8", "fd00::/8"; null when malformed. */
export function parseCidr(raw: string): Cidr | null {
  const [addressPart, prefixPart, extra] = raw.trim().split('/')
  if (extra !== undefined || !addressPart) return null
  const address = normalizeAddress(addressPart)
  if (!address) return null
  const bytes = toBytes(address)
  const max = bytes.length * 8
  if (prefixPart !== undefined && !/^\d{1,3}$/.test(prefixPart)) return null
  const prefix = prefixPart === undefined ? max : Number(prefixPart)
  if (prefix > max) return null
  return { bytes, prefix }
}

/** The TRUSTED_PROXIES setting: comma-separated IPs/CIDRs (empty: none). Throws on a bad entry. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const entries = (raw ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
  return entries.map((entry) => {
    const cidr = parseCidr(entry)
    if (!cidr) throw new Error(`"${entry}" is not an IP address or CIDR range`)
    return cidr
  })
}

export function isTrusted(address: string, proxies: TrustedProxies): boolean {
  const normalized = normalizeAddress(address)
  if (!normalized) return false
  const bytes = toBytes(normalized)
  return proxies.some(({ bytes: range, prefix }) => {
    if (range.length !== bytes.length) return false
    const whole = Math.floor(prefix / 8)
    for (let i = 0; i < whole; i++) if (range[i] !== bytes[i]) return false
    const rest = prefix % 8
    if (rest === 0) return true
    const mask = (0xff << (8 - rest)) & 0xff
    return (range[whole]! & mask) === (bytes[whole]! & mask)
  })
}

/**
 * The client's address from an `x-forwarded-for` value whose right-most entry is the socket peer:
 * the right-most entry that is not a trusted proxy (stepping left past trusted ones). 'unknown'
 * when there is no usable entry. An entry that is not an IP stops the walk: whatever is left of
 * it was written by someone we do not trust.
 */
export function clientAddressFrom(forwardedFor: string | null, proxies: TrustedProxies): string {
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean)
  let client: string | null = null
  for (let index = hops.length - 1; index >= 0; index--) {
    const address = normalizeAddress(hops[index]!)
    if (!address) break
    client = address
    if (!isTrusted(address, proxies)) break
  }
  return client ?? 'unknown'
}
