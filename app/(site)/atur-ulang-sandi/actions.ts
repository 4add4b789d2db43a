'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { redeemResetCode } from '@/lib/accounts/password-reset.server'
import type { FieldErrors } from '@/lib/validation/field-errors'

export type ResetState = { fieldErrors: FieldErrors; nip: string } | null

export async function resetPasswordAction(_previous: ResetState, formData: FormData): Promise<ResetState> {
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
