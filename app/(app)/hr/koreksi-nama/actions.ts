'use server'

import { action, type FormState } from '@/lib/http/handler.server'
import { nameCorrectionDecisionSchema } from '@/lib/privacy/name-correction'
import { decideNameCorrection } from '@/lib/privacy/name-correction.server'

// Thin: the officer and their agency come from the session (the entry); the request id from the
// form is checked against the agency in lib/privacy (another agency's id is refused like an
// unknown one). No revalidatePath: the row shows its outcome where HR clicked.
export const decideNameCorrectionAction = action<'hr', typeof nameCorrectionDecisionSchema, FormState>({
  access: 'hr',
  returnTo: '/hr/koreksi-nama',
  input: nameCorrectionDecisionSchema,
  fields: ['requestId', 'decision', 'reason'],
  run: async ({ user, input }) => ({ done: (await decideNameCorrection(user, input)).message }),
})
