/**
 * Whose NIP is it: the vocabulary every page, report and export uses for a person's identity
 * status (decisions.md, "Identity and evidence"). A NIP is verified only by the agency's roster
 * (NIP and a matching name) or an HR officer's confirmation; a self-registered NIP is claimed.
 */
export const IDENTITY_STATUSES = ['claimed', 'verified', 'rejected'] as const
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number]

export const IDENTITY_STATUS_LABELS: Record<IdentityStatus, string> = {
  claimed: 'Belum diverifikasi',
  verified: 'Terverifikasi',
  rejected: 'Klaim ditolak',
}

/** How a verified NIP was verified (User.identityMethod). */
export const IDENTITY_METHOD_LABELS: Record<string, string> = {
  roster: 'cocok dengan daftar pegawai instansi',
  hr: 'dikonfirmasi admin kepegawaian',
  import: 'didaftarkan oleh instansi',
  transfer: 'dipindahkan (mutasi) antarinstansi',
}

export function identityStatusLabel(status: string | null | undefined): string {
  return IDENTITY_STATUS_LABELS[(status ?? 'claimed') as IdentityStatus] ?? IDENTITY_STATUS_LABELS.claimed
}

export function isIdentityStatus(value: unknown): value is IdentityStatus {
  return typeof value === 'string' && (IDENTITY_STATUSES as readonly string[]).includes(value)
}
