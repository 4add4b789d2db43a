import { describe, expect, it } from 'vitest'
import { readBodyBytes, readJsonBody } from './json-response'

/** A chunked body (no Content-Length) of `chunks` chunks of `size` bytes; counts the chunks pulled. */
function chunkedRequest(chunks: number, size: number, content = 'x') {
  const counter = { pulled: 0, cancelled: false }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled === chunks) return controller.close()
      counter.pulled++
      controller.enqueue(new TextEncoder().encode(content.repeat(size).slice(0, size)))
    },
    cancel() {
      counter.cancelled = true
    },
  })
  const request = new Request('http://localhost/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit)
  return { request, counter }
}

describe('readBodyBytes', () => {
  it('stops reading a chunked body at the first chunk past the limit and cancels it', async () => {
    const { request, counter } = chunkedRequest(1_000_000, 1024) // would be ~1 GB
    expect(request.headers.get('content-length')).toBeNull()
    expect(await readBodyBytes(request, 16 * 1024)).toBe('too-large')
    expect(counter.pulled).toBeLessThanOrEqual(18)
    expect(counter.cancelled).toBe(true)
  })

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const request = new Request('http://localhost/api/x', { method: 'POST', body: 'x'.repeat(100), headers: { 'content-length': '100' } })
    expect(await readBodyBytes(request, 99)).toBe('too-large')
  })

  it('returns a body at the limit whole', async () => {
    const { request } = chunkedRequest(4, 1024)
    const bytes = await readBodyBytes(request, 4096)
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect((bytes as Uint8Array).byteLength).toBe(4096)
  })
})

describe('readJsonBody', () => {
  const post = (body: string) => new Request('http://localhost/api/x', { method: 'POST', body })
  it('parses JSON within the limit', async () => {
    expect(await readJsonBody(post('{"a":[1,2]}'), 100)).toEqual({ a: [1, 2] })
  })
  it.each(['', 'bukan json', '{"a":1'])('gives null for %j', async (body) => {
    expect(await readJsonBody(post(body), 100)).toBeNull()
  })
  it('gives null for a chunked body over the limit, without reading the rest of it', async () => {
    const { request, counter } = chunkedRequest(10_000, 1024, '[1,')
    expect(await readJsonBody(request, 2048)).toBeNull()
    expect(counter.pulled).toBeLessThanOrEqual(4)
  })
  it('gives null for bytes that are not UTF-8', async () => {
    const request = new Request('http://localhost/api/x', { method: 'POST', body: new Uint8Array([0x22, 0xff, 0x22]) })
    expect(await readJsonBody(request, 100)).toBeNull()
  })
})
