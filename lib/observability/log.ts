import pino, { type DestinationStream, type Logger } from 'pino'

/**
 * Structured JSON logs (decision 041): one JSON object per line on stdout, for whatever collects
 * the instance's output (journald, Docker, a log shipper). Two layers keep secrets and personal
 * data out:
 *
 * 1. Nothing logs a request's headers, cookies, query string, body or raw path: the request line
 *    (request-log.ts) has a fixed set of fields and names the route pattern, not the path.
 * 2. Whatever is logged anyway (an error's object, a message) goes through `REDACT_PATHS` (keys
 *    whose values are replaced) and `scrubSecrets` (values that look like a NIP, an activation
 *    code, a certificate's verification code or a link's token, wherever they appear in the line,
 *    stack traces included).
 */

export const REDACTED = '[disembunyikan]'

const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordConfirm',
  'token',
  'code',
  'kode',
  'activationCode',
  'verificationCode',
  'secret',
  'nip',
  'signerNip',
  'cookie',
  'authorization',
  'set-cookie',
]

/** Keys whose values never reach the log, at the top level and one or two levels down. */
export const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [quoted(key), `*.${quoted(key)}`, `*.*.${quoted(key)}`]),
  'headers',
  '*.headers',
  'cookies',
  '*.cookies',
  'body',
  '*.body',
]

/**
 * An error's `code` that names what went wrong, not a secret: Prisma's (P2028), Node's
 * (ECONNREFUSED, ERR_…), PostgreSQL's SQLSTATE (40P01). Operators need these; an activation code
 * (XXXXX-XXXXX) or any other value under a `code` key is still hidden.
 */
const DIAGNOSTIC_CODE = /^(?:P\d{4}|E[A-Z0-9_]{2,40}|[0-9A-Z]{5})$/

/** pino's censor: the redacted keys' values, except a diagnostic `code`. */
export function censor(value: unknown, path: string[]): unknown {
  if (path.at(-1) === 'code' && typeof value === 'string' && DIAGNOSTIC_CODE.test(value)) return value
  return REDACTED
}

function quoted(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`
}

/** A NIP / NI PPPK (18 digits, also written in its 8-6-1-3 groups): only its first 4 and last 2 digits stay. */
const NIP = /(?<!\d)(\d{4})\d{4}([ .-]?)\d{6}\2\d\2\d(\d{2})(?!\d)/g
/** A `token=` query parameter of a link (password reset, email verification). */
const TOKEN_PARAMETER = /([?&;]token=)[^&"'<>\s\\]+/g
/** An activation or reset code as HR and emails show it, XXXXX-XXXXX (lib/accounts/activation-code.ts). */
const ACTIVATION_CODE = /(?<![0-9A-Za-z])[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}(?![0-9A-Za-z])/g
/** A certificate's verification code: 24 Crockford base32 characters (lib/certificates/verification-code.ts). */
const VERIFICATION_CODE = /(?<![0-9A-Za-z])[0-9abcdefghjkmnpqrstvwxyz]{24}(?![0-9A-Za-z])/g

/** Removes values that look like secrets or NIPs from a serialised log line. */
export function scrubSecrets(line: string): string {
  return line
    .replace(NIP, '$1…$3')
    .replace(TOKEN_PARAMETER, `$1${REDACTED}`)
    .replace(ACTIVATION_CODE, REDACTED)
    .replace(VERIFICATION_CODE, REDACTED)
}

/**
 * A logger writing JSON lines to `destination` (stdout by default). `redact: false` is for the
 * request line only, whose fields are fixed (request-log.ts): pino's key redaction with these
 * wildcard paths costs ~75 µs a line (`scripts/bench-log-line.ts`), five times the line itself;
 * the shape scrubbing stays on for every line.
 */
export function createLogger(destination?: DestinationStream, level = 'info', options: { redact?: boolean } = {}): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      messageKey: 'msg',
      errorKey: 'err',
      ...(options.redact === false ? {} : { redact: { paths: REDACT_PATHS, censor } }),
      hooks: { streamWrite: scrubSecrets },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  )
}
