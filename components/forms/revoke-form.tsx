'use client'

import { useActionState } from 'react'
import { revokeCertificateAction, type RevokeState } from '@/app/(app)/admin/sertifikat/actions'

/**
 * Revoking asks for a reason and an explicit confirmation (a checkbox the server checks too).
 * A plain form: it works without JavaScript.
 */
export function RevokeForm({ certificateId, number }: { certificateId: string; number: string }) {
  const [state, formAction, pending] = useActionState<RevokeState, FormData>(revokeCertificateAction, null)
  const id = `alasan-${certificateId}`
  const confirmId = `yakin-${certificateId}`
  const errors = state?.fieldErrors ?? {}
  return (
    <form action={formAction} aria-label={`Cabut sertifikat ${number}`}>
      <input type="hidden" name="certificateId" value={certificateId} />
      <label htmlFor={id}>Alasan mencabut {number}</label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        maxLength={500}
        defaultValue={state?.values?.reason ?? ''}
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={`${id}-catatan${errors.reason ? ` ${id}-error` : ''}`}
      />
      <span className="hint" id={`${id}-catatan`}>
        Dicatat di log audit; tidak ditampilkan di halaman verifikasi publik.
      </span>
      {errors.reason && (
        <span className="field-error" id={`${id}-error`}>
          {errors.reason}
        </span>
      )}
      <div>
        <input
          id={confirmId}
          name="confirm"
          type="checkbox"
          value="ya"
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby={errors.confirm ? `${confirmId}-error` : undefined}
        />{' '}
        <label htmlFor={confirmId}>Ya, cabut {number} (tidak dapat dibatalkan)</label>
        {errors.confirm && (
          <span className="field-error" id={`${confirmId}-error`}>
            {' '}
            {errors.confirm}
          </span>
        )}
      </div>
      <button type="submit" className="button secondary space-top-sm" disabled={pending}>
        Cabut
      </button>
      <span aria-live="polite">
        {state?.error && <span className="field-error">{state.error}</span>}
        {state?.done && <span className="muted"> {state.done}</span>}
      </span>
    </form>
  )
}
