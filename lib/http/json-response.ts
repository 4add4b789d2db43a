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

/** Reads a JSON body of at most `maxBytes`; null when it is missing, too large or not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown | null> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > maxBytes) return null
  const text = await request.text()
  if (!text || Buffer.byteLength(text) > maxBytes) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
