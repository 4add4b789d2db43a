'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { changeOwnPassword, signOutEverywhere } from '@/lib/accounts/account.server'
import { requireUser } from '@/lib/auth/session.server'
import type { FieldErrors } from '@/lib/validation/field-errors'

export type AccountFormState = { fieldErrors?: FieldErrors; done?: string } | null

// Each action checks the session itself: a server action can be called without the page.

export async function changePasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const user = await requireUser('/akun')
  const result = await changeOwnPassword(
    user,
    {
      currentPassword: formData.get('currentPassword') ?? undefined,
      password: formData.get('password') ?? undefined,
      passwordConfirm: formData.get('passwordConfirm') ?? undefined,
    },
    await headers(),
  )
  if (!result.ok) return { fieldErrors: result.fieldErrors }
  // A new session cookie was set: the page re-renders, so the confirmation travels in the URL.
  redirect('/akun?sandi=diganti')
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser('/akun')
  await signOutEverywhere(user, await headers())
  redirect('/masuk?keluar=semua')
}
