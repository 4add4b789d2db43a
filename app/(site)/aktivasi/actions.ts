'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { claimAccount } from '@/lib/accounts/activation.server'
import type { FieldErrors } from '@/lib/validation/field-errors'

export type ClaimState = { fieldErrors: FieldErrors; nip: string } | null

export async function claimAction(_previous: ClaimState, formData: FormData): Promise<ClaimState> {
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
}
