'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { signIn, signOut } from '@/lib/accounts/sign-in.server'
import { homeFor } from '@/lib/auth/session.server'
import { env } from '@/lib/env.server'
import { safeReturnPath } from '@/lib/safe-return-path'

export type SignInState = {
  fieldErrors: Partial<Record<'identifier' | 'password' | 'form', string>>
  identifier: string
} | null

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const result = await signIn(
    { identifier: formData.get('identifier'), password: formData.get('password') },
    await headers(),
  )
  if (!result.ok) return { fieldErrors: result.fieldErrors, identifier: result.identifier }
  ;(await cookies()).set(result.deviceCookie.name, result.deviceCookie.value, result.deviceCookie.options)
  redirect(safeReturnPath(formData.get('kembali'), env.PUBLIC_BASE_URL) ?? homeFor(result.role))
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers())
  redirect('/')
}
