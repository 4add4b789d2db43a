import { z } from 'zod'
import { submitFollowUp } from '@/lib/followup/follow-up.server'
import { route } from '@/lib/http/handler.server'
import { responsesSchema } from '@/lib/quiz'

// Records the answers of the learner's own follow-up (decision 048): scored on the server, once
// (a second submission gets 409); never changes the pass or the certificate.
const bodySchema = z.object({ responses: responsesSchema }).strict()

export const POST = route<'learner', typeof bodySchema, { id: string }>({
  access: 'learner',
  signedOut: 'Silakan masuk untuk mengirim jawaban.',
  input: {
    from: 'json',
    schema: bodySchema,
    maxBytes: 16 * 1024,
    unreadable: 'Jawaban tidak terbaca (harus JSON, paling besar 16 kB).',
    invalid: 'Format jawaban tidak valid.',
  },
  errorDetailsAsFields: true,
  run: async ({ user, input, params }) => {
    const result = await submitFollowUp(user, params.id, input.responses)
    return Response.json({ ...result, resultUrl: `/tindak-lanjut/${params.id}` }, { headers: { 'Cache-Control': 'no-store' } })
  },
})
