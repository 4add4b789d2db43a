'use server'

import { headers } from 'next/headers'
import { requestPasswordResetLink } from '@/lib/accounts/password-reset-email.server'
import { action } from '@/lib/http/handler.server'
import type { ForgotPasswordState } from '@/components/forms/forgot-password-form'

// Anyone (no session); lib/accounts validates with zod, limits requests per address and per
// typed email, and answers the same whether or not the address has an account.
export const requestResetLinkAction = action<'visitor', undefined, ForgotPasswordState>({
  access: 'visitor',
  returnTo: undefined,
  run: async ({ formData }) => {
    const result = await requestPasswordResetLink({ email: formData.get('email') ?? undefined }, await headers())
    if (!result.ok) return { fieldErrors: result.fieldErrors, email: result.email }
    return { fieldErrors: {}, sent: true }
  },
})
