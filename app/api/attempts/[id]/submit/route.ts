import { z } from 'zod'
import { submitAttempt } from '@/lib/assessment/attempts.server'
import { getRequestSessionUser } from '@/lib/auth/request-session.server'
import { isAppError } from '@/lib/errors/app-error'
import { jsonError, readJsonBody, zodFields } from '@/lib/http/json-response'
import { sameOriginOnly } from '@/lib/http/route-guards.server'
import { responsesSchema } from '@/lib/quiz'

// Submits the answers of one attempt. Scoring happens here, on the server; the browser never
// had the key. A second submission of the same attempt gets 409, so a double click or a retry
// after a dropped connection records exactly one result.
type Context = { params: Promise<{ id: string }> }

const bodySchema = z.object({ responses: responsesSchema }).strict()
const MAX_BODY_BYTES = 32 * 1024

export const POST = sameOriginOnly(async (request: Request, context: Context) => {
  const user = await getRequestSessionUser(request.headers)
  if (!user) return jsonError(401, 'Silakan masuk untuk mengirim jawaban.')
  const { id } = await context.params
  const body = await readJsonBody(request, MAX_BODY_BYTES)
  if (body === null) return jsonError(400, 'Jawaban tidak terbaca (harus JSON, paling besar 32 kB).')
  const parsed = bodySchema.safeParse(body)
  if (!parsed.success) return jsonError(400, 'Format jawaban tidak valid.', zodFields(parsed.error))

  try {
    const result = await submitAttempt(user, id, parsed.data.responses)
    return Response.json({ ...result, resultUrl: `/uji/hasil/${id}` }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (!isAppError(error)) throw error
    const fields = error.details
      ? Object.fromEntries(Object.entries(error.details).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : String(value)]))
      : undefined
    return jsonError(error.status, error.userMessage, fields)
  }
})
