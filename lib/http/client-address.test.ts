import { describe, expect, it } from 'vitest'
import { clientAddressFrom, isTrusted, normalizeAddress, parseCidr, parseTrustedProxies } from './client-address'

describe('normalizeAddress', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
  ])('%s → %s', (raw, expected) => expect(normalizeAddress(raw)).toBe(expected))

  it.each(['unknown', '', 'evil.example', '999.1.1.1', '1.2.3'])('refuses %j', (raw) => expect(normalizeAddress(raw)).toBeNull())
})

describe('parseTrustedProxies / isTrusted', () => {
  const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, fd00::/8, 2001:db8::7')

  it.each([
    ['10.1.2.3', true],
    ['11.0.0.1', false],
    ['192.168.1.5', true],
    ['192.168.1.6', false],
    ['::ffff:10.9.9.9', true],
    ['fd12:3456::1', true],
    ['fe80::1', false],
    ['2001:db8:0:0:0:0:0:7', true],
    ['2001:db8::8', false],
  ])('%s trusted: %s', (address, expected) => expect(isTrusted(address, proxies)).toBe(expected))

  it('parses prefixes that are not whole bytes', () => {
    const range = parseTrustedProxies('172.16.0.0/12')
    expect(isTrusted('172.31.255.255', range)).toBe(true)
    expect(isTrusted('172.32.0.1', range)).toBe(false)
  })

  it('is empty for an empty setting and throws on a bad entry', () => {
    expect(parseTrustedProxies('')).toEqual([])
    expect(parseTrustedProxies(undefined)).toEqual([])
    expect(() => parseTrustedProxies('10.0.0.1,nginx')).toThrow('"nginx" is not an IP address or CIDR range')
    expect(parseCidr('10.0.0.0/33')).toBeNull()
    expect(parseCidr('10.0.0.0/8/1')).toBeNull()
    expect(parseCidr('10.0.0.0/x')).toBeNull()
  })
})

describe('clientAddressFrom', () => {
  const none = parseTrustedProxies('')
  const nginx = parseTrustedProxies('10.0.0.5')

  it('without trusted proxies takes the socket peer (right-most), whatever the client wrote', () => {
    expect(clientAddressFrom('::ffff:198.51.100.4', none)).toBe('198.51.100.4')
    expect(clientAddressFrom('1.2.3.4, 198.51.100.4', none)).toBe('198.51.100.4')
    expect(clientAddressFrom('1.2.3.4, 5.6.7.8, 198.51.100.4', none)).toBe('198.51.100.4')
  })

  it('steps left past trusted proxies only', () => {
    // nginx appended the client it saw; the socket peer (appended last) is nginx.
    expect(clientAddressFrom('198.51.100.4, 10.0.0.5', nginx)).toBe('198.51.100.4')
    // A spoofed entry left of what nginx saw is never reached.
    expect(clientAddressFrom('1.2.3.4, 198.51.100.4, 10.0.0.5', nginx)).toBe('198.51.100.4')
    // Straight to the app, bypassing nginx: the peer is not trusted, the header is ignored.
    expect(clientAddressFrom('1.2.3.4, 198.51.100.4', nginx)).toBe('198.51.100.4')
  })

  it('stops at an entry that is not an address', () => {
    expect(clientAddressFrom('garbage, 10.0.0.5', nginx)).toBe('10.0.0.5')
    expect(clientAddressFrom('198.51.100.4, garbage', none)).toBe('unknown')
    expect(clientAddressFrom(null, none)).toBe('unknown')
    expect(clientAddressFrom('', none)).toBe('unknown')
  })
})
