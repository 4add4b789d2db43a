import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { GET } from '@/app/unduh/sebelum-unggah.pdf/route'
import { pdfInfo, pdfText } from '../poppler'

// The route as Next calls it: no session needed, the same cached bytes every time, 304 when the
// browser already has them. The PDF itself is read by poppler (lib/decision-aid tests go further).
const url = 'http://localhost:3000/unduh/sebelum-unggah.pdf'

describe('GET /unduh/sebelum-unggah.pdf', () => {
  it('serves the one-page PDF to anyone, with a public cache lifetime and an ETag', async () => {
    const response = await GET(new Request(url))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe('inline; filename="sebelum-unggah.pdf"')
    expect(response.headers.get('cache-control')).toBe('public, max-age=604800')
    const etag = response.headers.get('etag')
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)

    const pdf = new Uint8Array(await response.arrayBuffer())
    expect(pdfInfo(pdf)).toMatch(/^Pages:\s+1$/m)
    // The footer names the content edition in force (content/edition.yaml).
    const edition = /edition: '([^']+)'/.exec(fs.readFileSync(path.resolve(import.meta.dirname, '../../content/edition.yaml'), 'utf8'))?.[1]
    expect(pdfText(pdf)).toContain(`Materi edisi ${edition},`)

    const again = await GET(new Request(url))
    expect(again.headers.get('etag')).toBe(etag)
    const cached = await GET(new Request(url, { headers: { 'if-none-match': etag! } }))
    expect(cached.status).toBe(304)
    expect(await cached.text()).toBe('')
    const stale = await GET(new Request(url, { headers: { 'if-none-match': '"something-else"' } }))
    expect(stale.status).toBe(200)
  })
})
