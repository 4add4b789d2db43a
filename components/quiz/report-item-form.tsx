'use client'

import { useActionState } from 'react'
import { reportItemAction, type ReportItemState } from '@/app/(app)/uji/actions'
import { REPORT_REASON_MAX, REPORT_REASON_MIN } from '@/lib/assessment/item-report-input'

type Props = {
  attemptId: string
  itemId: string
  /** "Soal 3": names the form and its fields for assistive technology. */
  itemLabel: string
  /**
   * The item's options (a judge item: its reasons), texts only, never the key; empty before the
   * learner has passed (the result page then shows no option texts), when the reason says it.
   */
  choices: readonly { id: string; text: string }[]
}

/**
 * "Laporkan soal ini": a disclosure (native <details>, keyboard-operable) holding a plain form
 * that works without JavaScript too. The server validates everything again.
 */
export function ReportItemForm({ attemptId, itemId, itemLabel, choices }: Props) {
  const [state, formAction, pending] = useActionState<ReportItemState, FormData>(reportItemAction, null)
  const errors = state?.fieldErrors ?? {}
  const id = `laporan-${itemId}`
  if (state?.done) {
    return (
      <p className="alert success" role="status">
        {state.done}
      </p>
    )
  }
  return (
    <details className="report-item" open={Object.keys(errors).length > 0 || undefined}>
      <summary>
        Laporkan soal ini<span className="visually-hidden"> ({itemLabel})</span>
      </summary>
      <form action={formAction} noValidate aria-label={`Laporkan ${itemLabel}`}>
        <input type="hidden" name="attemptId" value={attemptId} />
        <input type="hidden" name="itemId" value={itemId} />
        <div aria-live="polite">
          {errors.form && (
            <p className="alert error" role="alert">
              {errors.form}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-alasan`}>Mengapa soal ini menurut Anda keliru?</label>
          <textarea
            id={`${id}-alasan`}
            name="reason"
            rows={3}
            minLength={REPORT_REASON_MIN}
            maxLength={REPORT_REASON_MAX}
            required
            defaultValue={state?.values?.reason ?? ''}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={`${id}-alasan-hint${errors.reason ? ` ${id}-alasan-error` : ''}`}
          />
          <span className="hint" id={`${id}-alasan-hint`}>
            {REPORT_REASON_MIN}–{REPORT_REASON_MAX} karakter. Misalnya: dua pilihan sama benarnya, atau aturannya sudah berubah.
            {choices.length === 0 && ' Bila ada pilihan yang menurut Anda benar, sebutkan dalam alasan.'}
          </span>
          {errors.reason && (
            <span className="field-error" id={`${id}-alasan-error`}>
              {errors.reason}
            </span>
          )}
        </div>
        {choices.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-pilihan`}>Pilihan yang menurut Anda benar (tidak wajib)</label>
            <select
              id={`${id}-pilihan`}
              name="suggestedOptionId"
              defaultValue={state?.values?.suggestedOptionId ?? ''}
              aria-invalid={errors.suggestedOptionId ? true : undefined}
              aria-describedby={errors.suggestedOptionId ? `${id}-pilihan-error` : undefined}
            >
              <option value="">Tidak memilih</option>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.text}
                </option>
              ))}
            </select>
            {errors.suggestedOptionId && (
              <span className="field-error" id={`${id}-pilihan-error`}>
                {errors.suggestedOptionId}
              </span>
            )}
          </div>
        )}
        <button type="submit" className="button secondary" disabled={pending}>
          {pending ? 'Mengirim…' : 'Kirim laporan'}
        </button>
      </form>
    </details>
  )
}
