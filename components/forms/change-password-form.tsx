'use client'

import { useActionState } from 'react'
import { changePasswordAction, type AccountFormState } from '@/app/(app)/akun/actions'
import { Field } from './field'
import { NewPasswordFields } from './new-password-fields'

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(changePasswordAction, null)
  const errors = state?.fieldErrors ?? {}
  return (
    <form action={formAction} noValidate>
      <div aria-live="polite">
        {errors.form && (
          <div className="alert error" role="alert">
            {errors.form}
          </div>
        )}
        {state?.done && (
          <div className="alert success" role="status">
            {state.done}
          </div>
        )}
      </div>
      <Field id="currentPassword" label="Kata sandi saat ini" error={errors.currentPassword}>
        {(aria) => <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" {...aria} />}
      </Field>
      <NewPasswordFields errors={errors} confirmLabel="Ulangi kata sandi baru" />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Ganti kata sandi'}
      </button>
    </form>
  )
}
