'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { redeemResetCode } from '@/lib/accounts/password-reset.server'
import type { CodeAndPasswordState } from '@/components/forms/code-and-password-form'

export async function resetPasswordAction(_previous: CodeAndPasswordState, formData: FormData): Promise<CodeAndPasswordState> {
  const result = await redeemResetCode(
    {
      nip: formData.get('nip') ?? undefined,
      code: formData.get('code') ?? undefined,
      password: formData.get('password') ?? undefined,
      passwordConfirm: formData.get('passwordConfirm') ?? undefined,
    },
    await headers(),
  )
  if (!result.ok) return { fieldErrors: result.fieldErrors, nip: result.nip }
  redirect('/masuk?sandi=diatur-ulang')
}
