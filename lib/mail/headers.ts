import { z } from 'zod'

/**
 * Text that goes into a mail header (a display name, a subject) with every control character
 * removed: a CR or LF in a person's name can never start a new header (no "Bcc:" smuggled in
 * through the name field). Runs of whitespace become one space; the result is trimmed and cut to
 * a length no header needs more than.
 */
export function headerSafe(value: string, maxLength = 200): string {
  return value
    // C0 controls (CR, LF, TAB, NUL, …), DEL, C1 controls, and the Unicode line/paragraph separators.
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength)
}

/** An address the outbox accepts: one plain mailbox, no display name, no header tricks. */
export const mailAddressSchema = z
  .string({ error: 'Alamat email tidak valid.' })
  .trim()
  .toLowerCase()
  .max(254, 'Alamat email terlalu panjang.')
  .pipe(z.email('Alamat email tidak valid.'))

/** Lines as an email address display such as `"Nama" <alamat>`, for previews. */
export function displayRecipient(name: string, address: string): string {
  return name ? `${name} <${address}>` : address
}
