import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { inlineScriptHashes } from './inline-script-hashes'

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('inlineScriptHashes', () => {
  it('hashes the inline scripts a browser runs, once each, and skips external scripts and JSON data', () => {
    const boot = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});'
    const html = [
      '<html><head><script src="/_next/static/chunks/a.js" defer=""></script>',
      `<script>${boot}</script>`,
      '<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script>',
      `</head><body><script>${boot}</script><script nonce="x">alert(1)</script></body></html>`,
    ].join('')
    expect(inlineScriptHashes(html)).toEqual([hashOf(boot), hashOf('alert(1)')].sort())
  })

  it('matches what Chromium computes (the hash of the exact text between the tags)', () => {
    // echo -n 'console.log(1)' | openssl dgst -sha256 -binary | base64
    expect(inlineScriptHashes('<script>console.log(1)</script>')).toEqual(["'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='"])
  })
})
