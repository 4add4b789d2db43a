'use client'

import { useActionState } from 'react'
import { deleteOwnAccountAction } from '@/app/(app)/akun/data-saya/actions'
import type { FormState } from '@/lib/http/handler'
import { DELETION_PHRASE } from '@/lib/privacy/account-deletion'

/** "Hapus akun saya" in Data saya: the password and a typed phrase. Works without JavaScript too. */
export function AccountDeletionForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(deleteOwnAccountAction, null)
  const errors = state?.fieldErrors ?? {}
  return (
    <form action={formAction} aria-label="Hapus akun saya" noValidate>
      {errors.form && (
        <p className="alert error" role="alert">
          {errors.form}
        </p>
      )}
      <label htmlFor="hapus-sandi">Kata sandi Anda</label>
      <input
        id="hapus-sandi"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={errors.password ? true : undefined}
        aria-describedby={errors.password ? 'hapus-sandi-galat' : undefined}
      />
      {errors.password && (
        <span id="hapus-sandi-galat" className="field-error">
          {errors.password}
        </span>
      )}
      <label htmlFor="hapus-konfirmasi">Ketik {DELETION_PHRASE}</label>
      <input
        id="hapus-konfirmasi"
        name="confirmation"
        type="text"
        autoComplete="off"
        required
        aria-invalid={errors.confirmation ? true : undefined}
        aria-describedby={errors.confirmation ? 'hapus-konfirmasi-galat' : undefined}
      />
      {errors.confirmation && (
        <span id="hapus-konfirmasi-galat" className="field-error">
          {errors.confirmation}
        </span>
      )}
      <button type="submit" className="button danger space-top-sm" disabled={pending}>
        Hapus akun saya sekarang
      </button>
    </form>
  )
}
