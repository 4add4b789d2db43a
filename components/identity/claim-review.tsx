'use client'

import { useActionState } from 'react'
import { confirmClaimAction, rejectClaimAction, type ReviewState } from '@/app/(app)/hr/verifikasi/actions'

/** "Konfirmasi" and "Tolak klaim" (with a required reason) for one claimant. */
export function ClaimReview({ userId, name }: { userId: string; name: string }) {
  const [confirmed, confirmAction, confirming] = useActionState<ReviewState, FormData>(confirmClaimAction, null)
  const [rejected, rejectAction, rejecting] = useActionState<ReviewState, FormData>(rejectClaimAction, null)
  const reasonId = `alasan-${userId}`
  const reasonError = rejected?.fieldErrors?.reason
  const done = confirmed?.done ?? rejected?.done
  const error = confirmed?.error ?? (reasonError ? undefined : rejected?.error)
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
          <form action={confirmAction} aria-label={`Konfirmasi NIP ${name}`}>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" className="button" disabled={confirming || rejecting}>
              Konfirmasi
            </button>
          </form>
          <form action={rejectAction} aria-label={`Tolak klaim NIP ${name}`} className="space-top-sm">
            <input type="hidden" name="userId" value={userId} />
            <label htmlFor={reasonId}>Alasan menolak klaim {name}</label>
            <input
              id={reasonId}
              name="reason"
              type="text"
              required
              minLength={5}
              maxLength={500}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${reasonId}-galat` : undefined}
            />
            {reasonError && (
              <span id={`${reasonId}-galat`} className="field-error">
                {reasonError}
              </span>
            )}
            <button type="submit" className="button secondary space-top-sm" disabled={confirming || rejecting}>
              Tolak klaim
            </button>
          </form>
        </>
      )}
    </div>
  )
}
