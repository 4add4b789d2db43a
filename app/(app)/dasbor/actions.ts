'use server'

import { requestEmailVerification } from '@/lib/accounts/email-verification.server'
import { action } from '@/lib/http/handler.server'

// The signed-in person asks for a new link to their own address; lib/accounts limits requests
// per person and sends nothing for an address already verified.
export const requestEmailVerificationAction = action<'learner'>({
  access: 'learner',
  returnTo: '/dasbor',
  run: async ({ user }) => {
    const result = await requestEmailVerification(user.id)
    return result.ok ? { done: result.message } : { error: result.message }
  },
})
