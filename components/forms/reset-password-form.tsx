'use client'

import { useActionState } from 'react'
import { resetPasswordAction, type ResetState } from '@/app/(site)/atur-ulang-sandi/actions'
import { PASSWORD_MIN_LENGTH } from '@/lib/accounts/registration-constants'
import { Field } from './field'

export function ResetPasswordForm() {
  const [state, formAction, pending] = useActionState<ResetState, FormData>(resetPasswordAction, null)
  const errors = state?.fieldErrors ?? {}
  return (
    <form action={formAction} noValidate>
      {errors.form && (
        <div className="alert error" role="alert">
          {errors.form}
        </div>
      )}
      <Field id="nip" label="NIP / NI PPPK" hint="18 angka tanpa spasi." error={errors.nip}>
        {(aria) => <input id="nip" name="nip" type="text" inputMode="numeric" autoComplete="username" defaultValue={state?.nip} {...aria} />}
      </Field>
      <Field id="code" label="Kode atur ulang" hint="Dari admin kepegawaian instansi Anda, mis. 7K3M9-QXD2H." error={errors.code}>
        {(aria) => <input id="code" name="code" type="text" autoComplete="one-time-code" {...aria} />}
      </Field>
      <Field id="password" label="Kata sandi baru" hint={`Minimal ${PASSWORD_MIN_LENGTH} karakter, berisi huruf dan angka atau simbol.`} error={errors.password}>
        {(aria) => <input id="password" name="password" type="password" autoComplete="new-password" {...aria} />}
      </Field>
      <Field id="passwordConfirm" label="Ulangi kata sandi" error={errors.passwordConfirm}>
        {(aria) => <input id="passwordConfirm" name="passwordConfirm" type="password" autoComplete="new-password" {...aria} />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Atur ulang kata sandi'}
      </button>
    </form>
  )
}
