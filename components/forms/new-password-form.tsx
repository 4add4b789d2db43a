'use client'

import { useActionState } from 'react'
import { PASSWORD_MIN_LENGTH } from '@/lib/accounts/registration-constants'
import type { FieldErrors } from '@/lib/validation/field-errors'
import { Field } from './field'

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
      <Field id="password" label="Kata sandi baru" hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter, berisi huruf dan angka atau simbol.`} error={errors.password}>
        {(aria) => <input id="password" name="password" type="password" autoComplete="new-password" {...aria} />}
      </Field>
      <Field id="passwordConfirm" label="Ulangi kata sandi" error={errors.passwordConfirm}>
        {(aria) => <input id="passwordConfirm" name="passwordConfirm" type="password" autoComplete="new-password" {...aria} />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Simpan kata sandi baru'}
      </button>
    </form>
  )
}
