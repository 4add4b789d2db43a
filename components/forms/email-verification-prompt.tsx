'use client'

import { useActionState } from 'react'
import type { FormState } from '@/lib/http/handler'

/** The dashboard's reminder that the address is unverified, with "Kirim tautan verifikasi". */
export function EmailVerificationPrompt({
  email,
  action,
}: {
  email: string
  action: (previous: FormState, formData: FormData) => Promise<FormState>
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null)
  return (
    <section className="alert info" aria-labelledby="verifikasi-email">
      <h2 id="verifikasi-email" className="box-heading">
        Alamat email belum terverifikasi
      </h2>
      <p className="box-text">
        Buka tautan yang kami kirim ke <strong>{email}</strong> agar pengingat tenggat, sertifikat, dan tautan atur ulang kata sandi pasti sampai.
      </p>
      <form action={formAction}>
        <button type="submit" className="button secondary" disabled={pending}>
          {pending ? 'Mengirim…' : 'Kirim tautan verifikasi'}
        </button>
      </form>
      {state?.error && (
        <p role="alert" className="box-note">
          {state.error}
        </p>
      )}
      {state?.done && (
        <p role="status" className="box-note">
          {state.done}
        </p>
      )}
    </section>
  )
}
