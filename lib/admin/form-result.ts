import type { z } from 'zod'

/** Errors per field name, in Bahasa Indonesia; `form` holds an error that belongs to no field. */
export type FieldErrors = Partial<Record<string, string>>

/** What a data function answers: done, or refused with a message per field (nothing written). */
export type AdminResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors }

export function refused(fieldErrors: FieldErrors): { ok: false; fieldErrors: FieldErrors } {
  return { ok: false, fieldErrors }
}

/** The first message per field of a zod error (issues without a path go to `form`). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : 'form'
    errors[key] ??= issue.message
  }
  return errors
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
