'use client'

import { useActionState } from 'react'
import { signInAction, type SignInState } from '@/app/(site)/masuk/actions'
import { Field } from './field'

export function SignInForm({ returnTo }: { returnTo: string | null }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, null)
  const errors = state?.fieldErrors ?? {}
  return (
    <form action={formAction} noValidate>
      {errors.form && (
        <div className="alert error" role="alert">
          {errors.form}
        </div>
      )}
      {returnTo && <input type="hidden" name="kembali" value={returnTo} />}
      <Field id="identifier" label="Email atau NIP" hint="NIP / NI PPPK 18 angka tanpa spasi, atau email Anda." error={errors.identifier}>
        {(aria) => (
          <input
            id="identifier"
            name="identifier"
            type="text"
            autoComplete="username"
            inputMode="email"
            required
            defaultValue={state?.identifier ?? ''}
            {...aria}
          />
        )}
      </Field>
      <Field id="password" label="Kata sandi" error={errors.password}>
        {(aria) => (
          <input id="password" name="password" type="password" autoComplete="current-password" required {...aria} />
        )}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Memproses…' : 'Masuk'}
      </button>
    </form>
  )
}
