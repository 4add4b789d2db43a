/** Where a message carries a one-time secret: always a `token=` query parameter of a link. */
const TOKEN_PARAMETER = /([?&;]token=)[^&"'<>\s]+/g
export const REDACTED = '[disembunyikan]'

/**
 * The stored copy of a sensitive message once it has been sent: its links' tokens removed, so
 * the outbox (and whoever reads it) no longer holds a working reset link.
 */
export function redactSecrets(body: string): string {
  return body.replace(TOKEN_PARAMETER, `$1${REDACTED}`)
}
