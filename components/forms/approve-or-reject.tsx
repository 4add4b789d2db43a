'use client'

import { useActionState } from 'react'
import type { FormState } from '@/lib/http/handler'

type Decision = {
  action: (state: FormState, formData: FormData) => Promise<FormState>
  /** The button's text. */
  label: string
  /** The form's accessible name, e.g. "Konfirmasi NIP Budi". */
  formLabel: string
  /** Hidden fields the action reads (the id, the decision). */
  fields: Record<string, string>
}

/**
 * An HR officer's decision on one request: approve with one button, or reject with a required
 * reason. After either, the row shows the outcome in place of the forms (the page is not
 * revalidated, so the officer sees what happened where they clicked).
 */
export function ApproveOrReject({
  id,
  approve,
  reject,
}: {
  /** Unique on the page: the reason field's id is built from it. */
  id: string
  approve: Decision
  reject: Decision & { reasonLabel: string; reasonMinLength: number; reasonMaxLength: number }
}) {
  const [approved, approveAction, approving] = useActionState<FormState, FormData>(approve.action, null)
  const [rejected, rejectAction, rejecting] = useActionState<FormState, FormData>(reject.action, null)
  const reasonId = `alasan-${id}`
  const reasonError = rejected?.fieldErrors?.reason
  const done = approved?.done ?? rejected?.done
  // A reason error stands at its field; any other error (e.g. decided meanwhile) above the forms.
  const errorOf = (state: FormState) => state?.error ?? state?.fieldErrors?.form
  const error = errorOf(approved) ?? (reasonError ? undefined : errorOf(rejected))
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
          <form action={approveAction} aria-label={approve.formLabel}>
            <HiddenFields fields={approve.fields} />
            <button type="submit" className="button" disabled={busy}>
              {approve.label}
            </button>
          </form>
          <form action={rejectAction} aria-label={reject.formLabel} className="space-top-sm">
            <HiddenFields fields={reject.fields} />
            <label htmlFor={reasonId}>{reject.reasonLabel}</label>
            <input
              id={reasonId}
              name="reason"
              type="text"
              required
              minLength={reject.reasonMinLength}
              maxLength={reject.reasonMaxLength}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${reasonId}-galat` : undefined}
            />
            {reasonError && (
              <span id={`${reasonId}-galat`} className="field-error">
                {reasonError}
              </span>
            )}
            <button type="submit" className="button secondary space-top-sm" disabled={busy}>
              {reject.label}
            </button>
          </form>
        </>
      )}
    </div>
  )
}

function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
}
