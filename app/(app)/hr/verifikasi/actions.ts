'use server'

import { action, type FormState } from '@/lib/http/handler.server'
import { confirmClaim, rejectClaim, type ReviewResult } from '@/lib/identity/identity-review.server'

export type ReviewState = FormState

// Thin: the officer comes from the session (the entry); the id from the form is checked against
// the officer's agency in lib/identity (another agency's id is refused like an unknown one).
// No revalidatePath: the row stays with its outcome until the page is opened again (the decided
// person then leaves the queue), so HR sees what happened where they clicked.
function answer(result: ReviewResult): ReviewState {
  if (!result.ok) return { fieldErrors: result.fieldErrors, error: result.fieldErrors.form }
  return { done: result.message }
}

export const confirmClaimAction = action({
  access: 'hr',
  returnTo: '/hr/verifikasi',
  run: async ({ user, formData }) => answer(await confirmClaim(user, { userId: formData.get('userId') })),
})

export const rejectClaimAction = action({
  access: 'hr',
  returnTo: '/hr/verifikasi',
  run: async ({ user, formData }) => answer(await rejectClaim(user, { userId: formData.get('userId'), reason: formData.get('reason') })),
})
