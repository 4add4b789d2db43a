'use client'

import { useActionState } from 'react'
import { requestNameCorrectionAction } from '@/app/(app)/akun/data-saya/actions'
import type { FormState } from '@/lib/http/handler'
import { NAME_MAX_LENGTH } from '@/lib/accounts/registration-constants'
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '@/lib/privacy/name-correction'

/** "Ajukan koreksi nama" in Data saya: the new name and why. Works without JavaScript too. */
export function NameCorrectionForm({ currentName }: { currentName: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(requestNameCorrectionAction, null)
  const errors = state?.fieldErrors ?? {}
  const formError = errors.form
  if (state?.done) {
    return (
      <p className="alert success" role="status">
        {state.done}
      </p>
    )
  }
  return (
    <form action={formAction} aria-label="Ajukan koreksi nama" noValidate>
      {formError && (
        <p className="alert error" role="alert">
          {formError}
        </p>
      )}
      <label htmlFor="koreksi-nama">Nama yang benar (dengan gelar, seperti akan tercetak di sertifikat)</label>
      <input
        id="koreksi-nama"
        name="name"
        type="text"
        required
        maxLength={NAME_MAX_LENGTH}
        defaultValue={state?.values?.name ?? currentName}
        aria-invalid={errors.name ? true : undefined}
        aria-describedby={errors.name ? 'koreksi-nama-galat' : undefined}
      />
      {errors.name && (
        <span id="koreksi-nama-galat" className="field-error">
          {errors.name}
        </span>
      )}
      <label htmlFor="koreksi-alasan">Alasan dan dasar koreksi (misalnya SK CPNS, ijazah)</label>
      <textarea
        id="koreksi-alasan"
        name="reason"
        required
        minLength={CORRECTION_REASON_MIN}
        maxLength={CORRECTION_REASON_MAX}
        rows={3}
        defaultValue={state?.values?.reason ?? ''}
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={errors.reason ? 'koreksi-alasan-galat' : undefined}
      />
      {errors.reason && (
        <span id="koreksi-alasan-galat" className="field-error">
          {errors.reason}
        </span>
      )}
      <button type="submit" className="button space-top-sm" disabled={pending}>
        Ajukan koreksi nama
      </button>
    </form>
  )
}
