import { DEFAULT_COURSE_SETTINGS, type CourseSettings } from '@/lib/settings/course-settings'

/**
 * The certificate's signer comes from the course settings. A fresh install has placeholders
 * there (the defaults, and no NIP); the app refuses to issue certificates until an admin has
 * set a real name, title and NIP, so no certificate is ever signed by "Penyelenggara Pelatihan".
 * Passes wait meanwhile (pending) and are issued once the signer is set.
 */
export type SignerField = 'signerName' | 'signerTitle' | 'signerNip'
export type SignerSettings = Pick<CourseSettings, SignerField>

const SIGNER_FIELD_NAMES: Record<SignerField, string> = { signerName: 'nama', signerTitle: 'jabatan', signerNip: 'NIP' }

/** The signer fields that are still placeholders (the shipped defaults, or an empty/invalid NIP). */
export function signerPlaceholders(settings: SignerSettings, defaults: SignerSettings = DEFAULT_COURSE_SETTINGS): SignerField[] {
  const missing: SignerField[] = []
  if (!settings.signerName.trim() || settings.signerName.trim() === defaults.signerName) missing.push('signerName')
  if (!settings.signerTitle.trim() || settings.signerTitle.trim() === defaults.signerTitle) missing.push('signerTitle')
  if (!/^\d{18}$/.test(settings.signerNip)) missing.push('signerNip')
  return missing
}

export function isSignerReady(settings: SignerSettings): boolean {
  return signerPlaceholders(settings).length === 0
}

/** "nama, jabatan dan NIP penanda tangan" for the admin's warning. */
export function describeSignerPlaceholders(fields: readonly SignerField[]): string {
  const names = fields.map((field) => SIGNER_FIELD_NAMES[field])
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} dan ${names.at(-1)}` : (names[0] ?? '')
  return `${list} penanda tangan`
}
