import type { ZodError } from 'zod'

export type ApiErrorBody = { error: { message: string; fields?: Record<string, string> } }

/** A JSON error answer with a message in Bahasa Indonesia (and per-field messages). */
export function jsonError(status: number, message: string, fields?: Record<string, string>): Response {
  const body: ApiErrorBody = { error: { message, ...(fields ? { fields } : {}) } }
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })
}

/** Field path → message, for a zod error on a request body. */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) fields[issue.path.join('.') || '(body)'] ??= issue.message
  return fields
}

/**
 * The bytes of a request body, at most `maxBytes`, or 'too-large'. Counted while streaming:
 * a body without Content-Length (chunked) is never held in memory beyond the limit; reading
 * stops and the stream is cancelled at the first chunk past it.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => {})
    return 'too-large'
  }
  if (!request.body) return new Uint8Array(0)
  // With a Content-Length the HTTP parser delivers no more than it declares: read it at once.
  if (request.headers.has('content-length')) return new Uint8Array(await request.arrayBuffer())
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel().catch(() => {})
        return 'too-large'
      }
      chunks.push(value)
    }
  } finally {
    reader.releaseLock()
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/** Reads a JSON body of at most `maxBytes` (see readBodyBytes); null when it is missing, too large or not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown | null> {
  let bytes: Uint8Array | 'too-large'
  try {
    bytes = await readBodyBytes(request, maxBytes)
  } catch {
    return null // the client went away mid-body
  }
  if (bytes === 'too-large' || bytes.byteLength === 0) return null
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return null
  }
}
