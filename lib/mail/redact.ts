/** Where a message carries a one-time secret: a `token=` query parameter of a link … */
const TOKEN_PARAMETER = /([?&;]token=)[^&"'<>\s]+/g
/** … or an activation code as an invitation shows it, XXXXX-XXXXX (lib/accounts/activation-code.ts). */
const ACTIVATION_CODE = /\b[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}\b/g
export const REDACTED = '[disembunyikan]'

/**
 * The stored copy of a sensitive message once it has been sent: its links' tokens and its
 * activation codes removed, so the outbox (and whoever reads it) no longer holds a working reset
 * link or code.
 */
export function redactSecrets(body: string): string {
  return body.replace(TOKEN_PARAMETER, `$1${REDACTED}`).replace(ACTIVATION_CODE, REDACTED)
}
