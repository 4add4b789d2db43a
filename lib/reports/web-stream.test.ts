import { Readable, type Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { completionCsv } from './csv'
import { sampleCompletionRow, sampleCompletionRows } from './sample-rows'
import { downloadHeaders, toWebStream, writerToWebStream } from './web-stream'
import { completionXlsx } from './xlsx'

describe('toWebStream', () => {
  it('serves a CSV to a web Response, BOM first', async () => {
    const response = new Response(toWebStream(completionCsv([sampleCompletionRow(0)], { delimiter: ';' })))
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('\r\n196501012015011001;')
  })

  it('reads from the Node side only when the web side pulls', async () => {
    let pulled = 0
    const web = toWebStream(completionCsv(sampleCompletionRows(100_000, () => pulled++), { delimiter: ',' }))
    const reader = web.getReader()
    await reader.read()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(pulled).toBeLessThan(1_000)
    await reader.cancel()
  })

  it('cancelling destroys the Node stream and closes the rows', async () => {
    let closed = false
    async function* rows() {
      try {
        for (let k = 0; ; k++) yield sampleCompletionRow(k)
      } finally {
        closed = true
      }
    }
    const node = completionCsv(rows(), { delimiter: ',' })
    const reader = toWebStream(node).getReader()
    await reader.read()
    await reader.read()
    await reader.cancel()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(node.destroyed).toBe(true)
    expect(closed).toBe(true)
  })

  it('errors the web stream when the Node stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('boom'))
      },
    })
    await expect(new Response(toWebStream(failing)).arrayBuffer()).rejects.toThrow()
  })
})

describe('writerToWebStream', () => {
  it('serves an XLSX (a ZIP: PK header)', async () => {
    const web = writerToWebStream((out: Writable) => completionXlsx([sampleCompletionRow(0)], out))
    const bytes = new Uint8Array(await new Response(web).arrayBuffer())
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK')
    expect(bytes.length).toBeGreaterThan(1_000)
  })

  it('errors the download when the writer fails', async () => {
    async function* rows() {
      yield sampleCompletionRow(0)
      throw new Error('database gone')
    }
    const web = writerToWebStream((out) => completionXlsx(rows(), out))
    await expect(new Response(web).arrayBuffer()).rejects.toThrow()
  })
})

describe('downloadHeaders', () => {
  it('sets type, attachment name (ASCII and UTF-8) and no caching', () => {
    const headers = downloadHeaders("laporan-Ma'ruf é (2026).csv", 'csv')
    expect(headers['Content-Type']).toBe('text/csv; charset=utf-8')
    expect(headers['Content-Disposition']).toBe(
      `attachment; filename="laporan-Ma'ruf _ (2026).csv"; filename*=UTF-8''laporan-Ma%27ruf%20%C3%A9%20%282026%29.csv`,
    )
    expect(headers['Cache-Control']).toBe('no-store')
    expect(downloadHeaders('a.xlsx', 'xlsx')['Content-Type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
  })
})
