import http from 'node:http'
import zlib from 'node:zlib'

/**
 * One connection per simulated user, kept open between requests, as a browser keeps it.
 * `maxSockets` is above any bench's concurrency, so no request waits for a socket here.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

export type TimedResponse = { status: number; ms: number; body: string | null }

/**
 * A GET timed from the request to the response's last byte, asking for gzip as a browser does
 * (so the server compresses as it would for one), with as little work on this side as possible.
 * The load generator shares the machine's cores with the server: Node's `fetch` cost ~5 ms of
 * CPU per HR page here (undici, gunzip, decoding ~80–150 kB of text), a fifth of what the server
 * spent; this reads the compressed bytes and decompresses them only when `keepBody` asks for
 * the text (checks, dumps).
 */
export function timedGet(url: string, options: { cookie?: string; timeoutMs: number; keepBody?: boolean }): Promise<TimedResponse> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    // The whole request, not only a silent socket, must end within the time limit.
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs)
    const request = http.get(
      url,
      { agent, headers: { accept: 'text/html', 'accept-encoding': 'gzip', ...(options.cookie ? { cookie: options.cookie } : {}) } },
      (response) => {
        const chunks: Buffer[] = []
        if (options.keepBody) response.on('data', (chunk: Buffer) => chunks.push(chunk))
        else response.resume()
        response.on('error', reject)
        response.on('end', () => {
          clearTimeout(timer)
          const ms = performance.now() - start
          let body: string | null = null
          if (options.keepBody) {
            const bytes = Buffer.concat(chunks)
            body = (response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(bytes) : bytes).toString('utf8')
          }
          resolve({ status: response.statusCode ?? 0, ms, body })
        })
      },
    )
    request.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}
