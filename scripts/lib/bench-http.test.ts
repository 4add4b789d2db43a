import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { timedGet } from './bench-http'

const PAGE = '<!doctype html><p>Halaman pegawai</p>'.repeat(200)
let server: http.Server
let base = ''
const seen: http.IncomingHttpHeaders[] = []

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.headers)
    if (request.url === '/lambat') return // never answers
    if (request.url === '/tidak-ada') {
      response.writeHead(404).end('tidak ada')
      return
    }
    const gzip = String(request.headers['accept-encoding']).includes('gzip')
    response.writeHead(200, { 'content-type': 'text/html', ...(gzip ? { 'content-encoding': 'gzip' } : {}) })
    response.end(gzip ? zlib.gzipSync(PAGE) : PAGE)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('timedGet', () => {
  it('asks for gzip with the cookie, and gives the decompressed text only when asked for it', async () => {
    const kept = await timedGet(`${base}/hr`, { cookie: 'sesi=1', timeoutMs: 5000, keepBody: true })
    expect(kept.status).toBe(200)
    expect(kept.body).toBe(PAGE)
    expect(kept.ms).toBeGreaterThan(0)
    expect(seen.at(-1)).toMatchObject({ 'accept-encoding': 'gzip', cookie: 'sesi=1' })

    const timed = await timedGet(`${base}/hr`, { timeoutMs: 5000 })
    expect(timed).toMatchObject({ status: 200, body: null })
    expect(seen.at(-1)?.cookie).toBeUndefined()
  })

  it('reports the status of an error page, and fails a request that gets no answer in time', async () => {
    expect((await timedGet(`${base}/tidak-ada`, { timeoutMs: 5000 })).status).toBe(404)
    await expect(timedGet(`${base}/lambat`, { timeoutMs: 200 })).rejects.toThrow('no answer within 200 ms')
  })
})
