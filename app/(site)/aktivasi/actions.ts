'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { claimAccount } from '@/lib/accounts/activation.server'
import type { CodeAndPasswordState } from '@/components/forms/code-and-password-form'

export async function claimAction(_previous: CodeAndPasswordState, formData: FormData): Promise<CodeAndPasswordState> {
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
