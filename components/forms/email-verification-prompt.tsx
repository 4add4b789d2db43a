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
      <h2 id="verifikasi-email" style={{ margin: '0 0 0.4rem', fontSize: '1.05rem' }}>
        Alamat email belum terverifikasi
      </h2>
      <p style={{ margin: '0 0 0.6rem' }}>
        Buka tautan yang kami kirim ke <strong>{email}</strong> agar pengingat tenggat, sertifikat, dan tautan atur ulang kata sandi pasti sampai.
      </p>
      <form action={formAction}>
        <button type="submit" className="button secondary" disabled={pending}>
          {pending ? 'Mengirim…' : 'Kirim tautan verifikasi'}
        </button>
      </form>
      {state?.error && (
        <p role="alert" style={{ margin: '0.6rem 0 0' }}>
          {state.error}
        </p>
      )}
      {state?.done && (
        <p role="status" style={{ margin: '0.6rem 0 0' }}>
          {state.done}
        </p>
      )}
    </section>
  )
}
