import type { FieldErrors } from '@/lib/validation/field-errors'

export { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors'

/** What a data function answers: done, or refused with a message per field (nothing written). */
export type AdminResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors }

export function refused(fieldErrors: FieldErrors): { ok: false; fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors }
}

/** FormData (or a plain object) as strings per field, for parsing and for echoing back. */
export function formValues(input: FormData | Record<string, unknown>, fields: readonly string[]): Record<string, string> {
  const get = (name: string) => (input instanceof FormData ? input.get(name) : input[name])
  return Object.fromEntries(
    fields.map((field) => {
      const value = get(field)
      return [field, typeof value === 'string' ? value : value == null ? '' : String(value)]
    }),
  )
}

/** What an admin form's server action answers (useActionState). */
export type AdminFormState = {
  fieldErrors?: FieldErrors
  /** What was typed, shown again after an error. */
  values?: Record<string, string>
  /** A success message. */
  done?: string
} | null
