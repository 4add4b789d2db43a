'use server'

import { revalidatePath } from 'next/cache'
import { action, type FormState } from '@/lib/http/handler.server'
import { nameCorrectionRequestSchema } from '@/lib/privacy/name-correction'
import { requestNameCorrection } from '@/lib/privacy/name-correction.server'

// Thin: the person comes from the session; zod checks the fields (errors per field); the rest
// (one open request, rate limit, the same name) in lib/privacy.
export const requestNameCorrectionAction = action<'learner', typeof nameCorrectionRequestSchema, FormState>({
  access: 'learner',
  returnTo: '/akun/data-saya',
  input: nameCorrectionRequestSchema,
  fields: ['name', 'reason'],
  run: async ({ user, input }) => {
    await requestNameCorrection(user, input)
    revalidatePath('/akun/data-saya')
    return { done: 'Permintaan koreksi nama terkirim. Admin kepegawaian instansi Anda akan memutuskannya.' }
  },
})
