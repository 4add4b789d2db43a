'use client'

import { useActionState } from 'react'
import type { FieldErrors } from '@/lib/validation/field-errors'
import { Field } from './field'
import { NewPasswordFields } from './new-password-fields'

export type CodeAndPasswordState = { fieldErrors: FieldErrors; nip?: string } | null

/**
 * NIP + a one-time code from HR + a new password: claiming an imported account (/aktivasi) and
 * resetting a forgotten password (/atur-ulang-sandi) ask for exactly this.
 */
export function CodeAndPasswordForm({
  action,
  codeLabel,
  submitLabel,
}: {
  action: (previous: CodeAndPasswordState, formData: FormData) => Promise<CodeAndPasswordState>
  codeLabel: string
  submitLabel: string
}) {
  const [state, formAction, pending] = useActionState<CodeAndPasswordState, FormData>(action, null)
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
      <Field id="code" label={codeLabel} hint="Dari admin kepegawaian instansi Anda, mis. 7K3M9-QXD2H." error={errors.code}>
        {(aria) => <input id="code" name="code" type="text" autoComplete="one-time-code" {...aria} />}
      </Field>
      <NewPasswordFields errors={errors} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : submitLabel}
      </button>
    </form>
  )
}
