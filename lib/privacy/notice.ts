/**
 * The privacy notice's version (UU 27/2022): the date its text last changed in a way people must
 * be told about. Registration and activation record the version the person accepted
 * (`privacy_acceptance`); change it together with the text on /privasi and
 * `PRIVACY_NOTICE_CHANGES`. A person whose latest accepted version is older is asked to accept
 * the new one on their next page after sign-in (/akun/pemberitahuan-privasi, decision 047).
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-02'

/**
 * The first version, published when acceptance began to be recorded. Accounts made before that
 * (and the demo and test fixtures) have no row: they count as informed of this version, so they
 * are asked again as soon as the version changes, and not before (decision 047).
 */
export const PRIVACY_NOTICE_BASELINE = '2026-12-02'

/** What changed in the current version, shown on the re-acceptance page (Bahasa Indonesia). */
export const PRIVACY_NOTICE_CHANGES: readonly string[] = [
  'Jawaban tes butir demi butir disimpan paling lama sesuai masa retensi yang ditetapkan admin (bawaan 5 tahun), lalu dihapus setelah dirangkum menjadi statistik tanpa nama.',
  'Anda dapat meminta penghapusan akun di "Data saya"; sertifikat dan catatan kelulusan tetap disimpan sebagai catatan kepatuhan sampai masa simpannya berakhir.',
]

export const PRIVACY_NOTICE_PATH = '/privasi'
export const PRIVACY_ACCEPT_PATH = '/akun/pemberitahuan-privasi'

/**
 * Whether a person must accept the current version before going on: versions are ISO dates, so
 * the latest accepted is the greatest string; none recorded counts as the baseline.
 */
export function mustAcceptNotice(latestAccepted: string | null, current: string = PRIVACY_NOTICE_VERSION): boolean {
  return (latestAccepted ?? PRIVACY_NOTICE_BASELINE) < current
}
