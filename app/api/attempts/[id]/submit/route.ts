import { z } from 'zod'
import { submitAttempt } from '@/lib/assessment/attempts.server'
import { route } from '@/lib/http/handler.server'
import { responsesSchema } from '@/lib/quiz'

// Submits the answers of one attempt. Scoring happens here, on the server; the browser never
// had the key. A second submission of the same attempt gets 409, so a double click or a retry
// after a dropped connection records exactly one result. The session comes from the 5-minute
// signed cookie cache (decision 010: the learner's quiz path).
const bodySchema = z.object({ responses: responsesSchema }).strict()

export const POST = route<'learner-cached', typeof bodySchema, { id: string }>({
  access: 'learner-cached',
  signedOut: 'Silakan masuk untuk mengirim jawaban.',
  input: {
    from: 'json',
    schema: bodySchema,
    maxBytes: 32 * 1024,
    unreadable: 'Jawaban tidak terbaca (harus JSON, paling besar 32 kB).',
    invalid: 'Format jawaban tidak valid.',
  },
  // The items the attempt does not hold are named back to the quiz page.
  errorDetailsAsFields: true,
  run: async ({ user, input, params }) => {
    const result = await submitAttempt(user, params.id, input.responses)
    return Response.json({ ...result, resultUrl: `/uji/hasil/${params.id}` }, { headers: { 'Cache-Control': 'no-store' } })
  },
})
