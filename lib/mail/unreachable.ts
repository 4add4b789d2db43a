import { mailAddressSchema } from './headers'

export type UnreachableReason = 'tanpa-email' | 'alamat-tidak-valid' | 'gagal-permanen'

export const UNREACHABLE_REASON_LABELS: Readonly<Record<UnreachableReason, string>> = {
  'tanpa-email': 'Tanpa alamat email',
  'alamat-tidak-valid': 'Alamat email tidak valid',
  'gagal-permanen': 'Pengiriman gagal permanen',
}

/**
 * Why email cannot reach a person, or null when it can: no address, an address the outbox would
 * refuse (the same check, `mailAddressSchema`), or a message to this very address that failed for
 * good (an SMTP 5xx: unknown mailbox, refused) with nothing sent to it since.
 */
export function unreachableReason(person: { email: string | null; failedToAddress: string | null }): UnreachableReason | null {
  const email = person.email?.trim() ?? ''
  if (email === '') return 'tanpa-email'
  if (!mailAddressSchema.safeParse(email).success) return 'alamat-tidak-valid'
  if (person.failedToAddress !== null) return 'gagal-permanen'
  return null
}
