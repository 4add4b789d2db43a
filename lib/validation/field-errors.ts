import type { z } from 'zod'

/** Errors per form field, in Bahasa Indonesia; `form` holds an error that belongs to no field. */
export type FieldErrors = Partial<Record<string, string>>

/**
 * The first message per top-level field of a zod error, for showing next to each input (issues
 * without a path go to `form`). API routes use zodFields instead, which keeps nested paths.
 */
export function fieldErrorsOf(error: Pick<z.ZodError, 'issues'>): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form'
    errors[field] ??= issue.message
  }
  return errors
}
