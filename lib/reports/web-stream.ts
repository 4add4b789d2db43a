/**
 * Bridges from the Node streams the writers produce to the web streams a Next.js route handler
 * returns (`new Response(stream, { headers })`), keeping backpressure: a chunk is read from the
 * Node side only when the web side asks for one. (`Readable.toWeb` is avoided on purpose: on
 * Node 20 it reads ahead without limit.) Cancelling the web stream (client gone) destroys the
 * Node stream, which stops the writer and closes the row source.
 *
 * In a route handler (after checking the HR officer's agency and logging the export):
 *
 *   const rows = completionRowsFor(filter)            // AsyncIterable<CompletionRow>, e.g. a cursor
 *   return new Response(toWebStream(completionCsv(rows, { delimiter: ';' })), {
 *     headers: downloadHeaders('laporan-penyelesaian.csv', 'csv'),
 *   })
 *   return new Response(writerToWebStream((out) => completionXlsx(rows, out)), {
 *     headers: downloadHeaders('laporan-penyelesaian.xlsx', 'xlsx'),
 *   })
 */

import { PassThrough, type Readable, type Writable } from 'node:stream'

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk)
  throw new TypeError('Expected a byte stream')
}

/** A web `ReadableStream` of the bytes of a Node `Readable` (e.g. `completionCsv(...)`). */
export function toWebStream(readable: Readable): ReadableStream<Uint8Array> {
  const iterator = readable[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next()
          if (next.done) controller.close()
          else controller.enqueue(toBytes(next.value))
        } catch (error) {
          controller.error(error)
        }
      },
      async cancel(reason) {
        readable.destroy(reason instanceof Error ? reason : undefined)
        await iterator.return?.()
      },
    },
    { highWaterMark: 1 },
  )
}

/**
 * A web `ReadableStream` fed by a writer that writes into a Node `Writable`, e.g.
 * `writerToWebStream((out) => completionXlsx(rows, out))`. If the writer fails, the stream
 * errors (the client sees a failed download, not a truncated file that looks complete).
 */
export function writerToWebStream(write: (output: Writable) => Promise<void>): ReadableStream<Uint8Array> {
  const pass = new PassThrough({ highWaterMark: 64 * 1024 })
  write(pass).then(
    () => {
      if (!pass.writableEnded) pass.end()
    },
    (error: unknown) => {
      pass.destroy(error instanceof Error ? error : new Error(String(error)))
    },
  )
  return toWebStream(pass)
}

export type DownloadKind = 'csv' | 'xlsx' | 'zip'

const CONTENT_TYPES: Record<DownloadKind, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
}

function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * Response headers for a download: content type, an attachment file name (ASCII fallback plus
 * RFC 5987 UTF-8 form) and no caching (reports hold personal data).
 */
export function downloadHeaders(fileName: string, kind: DownloadKind): Record<string, string> {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_')
  return {
    'Content-Type': CONTENT_TYPES[kind],
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  }
}
