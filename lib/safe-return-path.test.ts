import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './safe-return-path'

const SITE = 'https://bijak.example.go.id'

describe('safeReturnPath', () => {
  it.each([
    ['/belajar/aspek-etika?x=1', '/belajar/aspek-etika?x=1'],
    ['/dasbor', '/dasbor'],
    ['/hr/laporan?kelompok=abc#unduh', '/hr/laporan?kelompok=abc#unduh'],
    // Still encoded after one decoding: a path on this site, which a browser will not decode.
    ['/%09/evil.example', '/%09/evil.example'],
    ['/%5C/evil.example', '/%5C/evil.example'],
    ['/%2F/evil.example', '/%2F/evil.example'],
    ['/%252F%252Fevil.example', '/%252F%252Fevil.example'],
    ['/belajar/../dasbor', '/dasbor'],
  ])('keeps %j on this site as %j', (value, expected) => {
    expect(safeReturnPath(value, SITE)).toBe(expected)
  })

  it.each([
    // absolute and scheme-relative
    'https://evil.example',
    'http://evil.example/dasbor',
    `${SITE}/dasbor`,
    '//evil.example/x',
    '///evil.example',
    // backslashes: browsers read them as slashes
    '/\\evil.example',
    '\\/evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    // what the URL parser strips: tab, newline, carriage return (anywhere), controls and spaces at the ends
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '\u0000//evil.example',
    '/\t\\evil.example',
    // dot segments that collapse to a scheme-relative path
    '/.//evil.example',
    '/a/..//evil.example',
    '/./\\evil.example',
    // other schemes
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    // not a path at all
    'dasbor',
    'evil.example',
    '',
    42,
    null,
    undefined,
    `/${'a'.repeat(600)}`,
  ])('refuses %j', (value) => {
    expect(safeReturnPath(value, SITE)).toBeNull()
    expect(safeReturnPath(value)).toBeNull()
  })

  it('never returns something a browser would resolve off-site', () => {
    const pieces = ['/', '\\', '\t', '\n', '.', '..', '%2F', '%5C', 'evil.example', ':', '@', '?', '#', ' ']
    for (let n = 0; n < 20_000; n++) {
      let value = ''
      for (let i = 0; i < 1 + (n % 6); i++) value += pieces[(n * 7 + i * 13 + (n >> i)) % pieces.length]
      const result = safeReturnPath(value, SITE)
      if (result === null) continue
      // How Chrome reads a Location header: tabs/newlines stripped, resolved against the page.
      expect(new URL(result.replace(/[\t\n\r]/g, ''), SITE).origin, JSON.stringify(value)).toBe(SITE)
      expect(result.startsWith('//') || result.startsWith('/\\')).toBe(false)
    }
  })
})
