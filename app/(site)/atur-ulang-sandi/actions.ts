'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { redeemResetCode } from '@/lib/accounts/password-reset.server'
import { codeAndPasswordInput } from '@/lib/accounts/code-and-password-input'
import { action } from '@/lib/http/handler.server'
import type { CodeAndPasswordState } from '@/components/forms/code-and-password-form'

// Anyone with a code from HR (no session); lib/accounts validates with zod, limits attempts and
// answers per field.
export const resetPasswordAction = action<'visitor', undefined, CodeAndPasswordState>({
  access: 'visitor',
  returnTo: undefined,
  run: async ({ formData }) => {
    const result = await redeemResetCode(codeAndPasswordInput(formData), await headers())
    if (!result.ok) return { fieldErrors: result.fieldErrors, nip: result.nip }
    redirect('/masuk?sandi=diatur-ulang')
  },
})
