'use client'

import { useActionState } from 'react'
import type { FormState } from '@/lib/http/handler'

/** One button: opening the link verifies nothing (mail scanners open links), pressing this does. */
export function VerifyEmailForm({ action, token }: { action: (previous: FormState, formData: FormData) => Promise<FormState>; token: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null)
  return (
    <form action={formAction}>
      {state?.error && (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Verifikasi email saya'}
      </button>
    </form>
  )
}
