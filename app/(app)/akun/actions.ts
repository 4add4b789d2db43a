'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { changeOwnPassword, signOutEverywhere } from '@/lib/accounts/account.server'
import { action, formAction, type FormState } from '@/lib/http/handler.server'

export type AccountFormState = FormState

// Each action checks the session through the entry: a server action can be called without the
// page. lib/accounts validates the passwords (zod) and answers per field.

export const changePasswordAction = action({
  access: 'learner',
  returnTo: '/akun',
  run: async ({ user, formData }): Promise<AccountFormState> => {
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
  },
})

export const signOutEverywhereAction = formAction({
  access: 'learner',
  returnTo: '/akun',
  run: async ({ user }) => {
    await signOutEverywhere(user, await headers())
    redirect('/masuk?keluar=semua')
  },
})
