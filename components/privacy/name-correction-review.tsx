'use client'

import { useActionState } from 'react'
import { decideNameCorrectionAction } from '@/app/(app)/hr/koreksi-nama/actions'
import type { FormState } from '@/lib/http/handler'
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '@/lib/privacy/name-correction'

/** "Setujui" and "Tolak" (with a required reason) for one name-correction request. */
export function NameCorrectionReview({ requestId, name }: { requestId: string; name: string }) {
  const [approved, approveAction, approving] = useActionState<FormState, FormData>(decideNameCorrectionAction, null)
  const [rejected, rejectAction, rejecting] = useActionState<FormState, FormData>(decideNameCorrectionAction, null)
  const reasonId = `alasan-${requestId}`
  const reasonError = rejected?.fieldErrors?.reason
  const done = approved?.done ?? rejected?.done
  const error = approved?.fieldErrors?.form ?? (reasonError ? undefined : rejected?.fieldErrors?.form)
  const busy = approving || rejecting
  return (
    <div>
      <div aria-live="polite">
        {done && (
          <p className="alert success flush" role="status">
            {done}
          </p>
        )}
        {error && (
          <p className="alert error flush" role="alert">
            {error}
          </p>
        )}
      </div>
      {!done && (
        <>
          <form action={approveAction} aria-label={`Setujui koreksi nama ${name}`}>
            <input type="hidden" name="requestId" value={requestId} />
            <input type="hidden" name="decision" value="setujui" />
            <button type="submit" className="button" disabled={busy}>
              Setujui
            </button>
          </form>
          <form action={rejectAction} aria-label={`Tolak koreksi nama ${name}`} className="space-top-sm">
            <input type="hidden" name="requestId" value={requestId} />
            <input type="hidden" name="decision" value="tolak" />
            <label htmlFor={reasonId}>Alasan menolak koreksi nama {name}</label>
            <input
              id={reasonId}
              name="reason"
              type="text"
              required
              minLength={CORRECTION_REASON_MIN}
              maxLength={CORRECTION_REASON_MAX}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${reasonId}-galat` : undefined}
            />
            {reasonError && (
              <span id={`${reasonId}-galat`} className="field-error">
                {reasonError}
              </span>
            )}
            <button type="submit" className="button secondary space-top-sm" disabled={busy}>
              Tolak
            </button>
          </form>
        </>
      )}
    </div>
  )
}
