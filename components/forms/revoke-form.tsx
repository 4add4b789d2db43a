'use client'

import { useActionState } from 'react'
import { revokeCertificateAction, type RevokeState } from '@/app/(app)/admin/sertifikat/actions'

export function RevokeForm({ certificateId, number }: { certificateId: string; number: string }) {
  const [state, formAction, pending] = useActionState<RevokeState, FormData>(revokeCertificateAction, null)
  const id = `alasan-${certificateId}`
  return (
    <form action={formAction}>
      <input type="hidden" name="certificateId" value={certificateId} />
      <label htmlFor={id}>Alasan mencabut {number}</label>
      <input id={id} name="reason" type="text" required minLength={5} maxLength={500} />
      <button type="submit" className="button secondary" disabled={pending} style={{ marginTop: '0.4rem' }}>
        Cabut
      </button>
      <span aria-live="polite">
        {state?.error && <span className="field-error">{state.error}</span>}
        {state?.done && <span className="muted"> {state.done}</span>}
      </span>
    </form>
  )
}
