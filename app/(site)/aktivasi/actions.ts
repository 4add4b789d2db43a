'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { claimAccount } from '@/lib/accounts/activation.server'
import { action } from '@/lib/http/handler.server'
import type { CodeAndPasswordState } from '@/components/forms/code-and-password-form'

// Anyone may try (the visitor has no session yet); lib/accounts validates with zod, limits
// attempts per address and NIP, and answers per field.
export const claimAction = action<'visitor', undefined, CodeAndPasswordState>({
  access: 'visitor',
  returnTo: undefined,
  run: async ({ formData }) => {
    const result = await claimAccount(
      {
        nip: formData.get('nip') ?? undefined,
        code: formData.get('code') ?? undefined,
        password: formData.get('password') ?? undefined,
        passwordConfirm: formData.get('passwordConfirm') ?? undefined,
      },
      await headers(),
    )
    if (!result.ok) return { fieldErrors: result.fieldErrors, nip: result.nip }
    redirect('/dasbor?selamat-datang=1')
  },
})
