'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { claimAccount } from '@/lib/accounts/activation.server'
import { codeAndPasswordInput } from '@/lib/accounts/code-and-password-input'
import { action } from '@/lib/http/handler.server'
import type { CodeAndPasswordState } from '@/components/forms/code-and-password-form'

// Anyone may try (the visitor has no session yet); lib/accounts validates with zod, limits
// attempts per address and NIP, and answers per field.
export const claimAction = action<'visitor', undefined, CodeAndPasswordState>({
  access: 'visitor',
  returnTo: undefined,
  run: async ({ formData }) => {
    const result = await claimAccount(codeAndPasswordInput(formData), await headers())
    if (!result.ok) return { fieldErrors: result.fieldErrors, nip: result.nip }
    redirect('/dasbor?selamat-datang=1')
  },
})
