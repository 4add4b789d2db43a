'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { resetPasswordWithLink } from '@/lib/accounts/password-reset-email.server'
import { action } from '@/lib/http/handler.server'
import type { NewPasswordState } from '@/components/forms/new-password-form'

// Anyone holding a link from the email (no session); lib/accounts validates with zod, limits
// attempts per address, uses the token up and ends every session of the person.
export const resetWithLinkAction = action<'visitor', undefined, NewPasswordState>({
  access: 'visitor',
  returnTo: undefined,
  run: async ({ formData }) => {
    const result = await resetPasswordWithLink(
      { token: formData.get('token') ?? undefined, password: formData.get('password') ?? undefined, passwordConfirm: formData.get('passwordConfirm') ?? undefined },
      await headers(),
    )
    if (!result.ok) return { fieldErrors: result.fieldErrors }
    redirect('/masuk?sandi=diatur-ulang')
  },
})
