'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { signIn } from '@/lib/accounts/sign-in.server'
import { env } from '@/lib/env.server'
import { action } from '@/lib/http/handler.server'
import { safeReturnPath } from '@/lib/safe-return-path'

export type SignInState = {
  fieldErrors: Partial<Record<'identifier' | 'password' | 'form', string>>
  identifier?: string
} | null

// Anyone may sign in; lib/accounts validates with zod, limits attempts (decision 010) and
// answers the same for an unknown identifier and a wrong password.
export const signInAction = action<'visitor', undefined, SignInState>({
  access: 'visitor',
  returnTo: undefined,
  run: async ({ formData }) => {
    const result = await signIn({ identifier: formData.get('identifier'), password: formData.get('password') }, await headers())
    if (!result.ok) return { fieldErrors: result.fieldErrors, identifier: result.identifier }
    ;(await cookies()).set(result.deviceCookie.name, result.deviceCookie.value, result.deviceCookie.options)
    redirect(safeReturnPath(formData.get('kembali'), env.PUBLIC_BASE_URL) ?? result.home)
  },
})
