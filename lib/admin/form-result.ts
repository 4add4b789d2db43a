import type { FieldErrors } from '@/lib/validation/field-errors'

/** What a data function answers: done, or refused with a message per field (nothing written). */
export type AdminResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors }

export function refused(fieldErrors: FieldErrors): { ok: false; fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors }
}


/** What an admin form's server action answers (useActionState). */
export type AdminFormState = {
  fieldErrors?: FieldErrors
  /** What was typed, shown again after an error. */
  values?: Record<string, string>
  /** A success message. */
  done?: string
} | null
