/**
 * The one error type for expected failures a user can act on: an HTTP status and a message in
 * Bahasa Indonesia that is safe to show. Anything else is a bug and reaches the user only as a
 * generic error page.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429,
    readonly userMessage: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(userMessage)
    this.name = 'AppError'
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError
