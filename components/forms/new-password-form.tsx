'use client'

import { useActionState } from 'react'
import type { FieldErrors } from '@/lib/validation/field-errors'
import { NewPasswordFields } from './new-password-fields'

export type NewPasswordState = { fieldErrors: FieldErrors } | null

/** A new password for the account a reset link belongs to (the token travels as a hidden field). */
export function NewPasswordForm({ action, token }: { action: (previous: NewPasswordState, formData: FormData) => Promise<NewPasswordState>; token: string }) {
  const [state, formAction, pending] = useActionState<NewPasswordState, FormData>(action, null)
  const errors = state?.fieldErrors ?? {}
  return (
    <form action={formAction} noValidate>
      {(errors.form || errors.token) && (
        <div className="alert error" role="alert">
          {errors.form ?? errors.token}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errors={errors} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Simpan kata sandi baru'}
      </button>
    </form>
  )
}
