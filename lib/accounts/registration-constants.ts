import { NI_PPPK_EXAMPLE, NIP_EXAMPLE } from '@/lib/identity/nip'

// Shared by the registration form (client) and its schema (server); no zod here, so the
// form's JavaScript stays small.
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128
export const NAME_MAX_LENGTH = 200

/** Shown whenever a rejected form comes back: passwords are never sent back to the browser. */
export const RETYPE_PASSWORDS_NOTE =
  'Demi keamanan, kata sandi tidak ikut dikembalikan: ketik ulang kata sandi dan ulangannya.'

/** Examples under the NIP field (checked by lib/identity/nip.test.ts to pass their own rule). */
export const NIP_FIELD_EXAMPLES = { nip: NIP_EXAMPLE, niPppk: NI_PPPK_EXAMPLE } as const

/**
 * The NIP field's label and hint for the chosen employment type: "NI PPPK" with a PPPK
 * example, "NIP" with a PNS one, both while no type is chosen (e.g. without JavaScript).
 */
export function nipFieldText(employmentType: string | undefined): { label: string; hint: string } {
  if (employmentType === 'PPPK') {
    return { label: 'NI PPPK', hint: `18 angka tanpa spasi, mis. ${NIP_FIELD_EXAMPLES.niPppk}.` }
  }
  if (employmentType === 'PNS' || employmentType === 'CPNS') {
    return { label: 'NIP', hint: `18 angka tanpa spasi, mis. ${NIP_FIELD_EXAMPLES.nip}.` }
  }
  return {
    label: 'NIP / NI PPPK',
    hint: `18 angka tanpa spasi, mis. NIP ${NIP_FIELD_EXAMPLES.nip} atau NI PPPK ${NIP_FIELD_EXAMPLES.niPppk}.`,
  }
}
