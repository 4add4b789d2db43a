'use client'

import { useActionState } from 'react'
import { changePasswordAction, type AccountFormState } from '@/app/(app)/akun/actions'
import { PASSWORD_MIN_LENGTH } from '@/lib/accounts/registration-constants'
import { Field } from './field'

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
      <Field id="password" label="Kata sandi baru" hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter, berisi huruf dan angka atau simbol.`} error={errors.password}>
        {(aria) => <input id="password" name="password" type="password" autoComplete="new-password" {...aria} />}
      </Field>
      <Field id="passwordConfirm" label="Ulangi kata sandi baru" error={errors.passwordConfirm}>
        {(aria) => <input id="passwordConfirm" name="passwordConfirm" type="password" autoComplete="new-password" {...aria} />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Ganti kata sandi'}
      </button>
    </form>
  )
}
