'use client'

import { useActionState } from 'react'
import type { FieldErrors } from '@/lib/validation/field-errors'
import { Field } from './field'

export type ForgotPasswordState = { fieldErrors: FieldErrors; email?: string; sent?: boolean } | null

/** "Lupa kata sandi?": the address to send a reset link to. */
export function ForgotPasswordForm({ action }: { action: (previous: ForgotPasswordState, formData: FormData) => Promise<ForgotPasswordState> }) {
  const [state, formAction, pending] = useActionState<ForgotPasswordState, FormData>(action, null)
  const errors = state?.fieldErrors ?? {}
  if (state?.sent) {
    return (
      <p className="alert success" role="status">
        Jika alamat itu terdaftar pada akun yang sudah aktif, kami sudah mengirim tautan untuk mengatur ulang kata sandi ke sana. Tautan
        berlaku 1 jam dan hanya bisa dipakai sekali. Periksa juga folder spam.
      </p>
    )
  }
  return (
    <form action={formAction} noValidate>
      {errors.form && (
        <div className="alert error" role="alert">
          {errors.form}
        </div>
      )}
      <Field id="email" label="Email" hint="Alamat email akun Anda, mis. nama@instansi.go.id." error={errors.email}>
        {(aria) => <input id="email" name="email" type="email" autoComplete="email" defaultValue={state?.email} {...aria} />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Kirim tautan atur ulang'}
      </button>
    </form>
  )
}
