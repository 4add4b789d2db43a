import { PRIVACY_NOTICE_PATH, PRIVACY_NOTICE_VERSION } from '@/lib/privacy/notice'

/** Under the registration and activation forms: submitting accepts this version of the notice (recorded). */
export function PrivacyNoticeLine({ action }: { action: string }) {
  return (
    <p className="hint">
      Dengan {action}, Anda menyatakan telah membaca <a href={PRIVACY_NOTICE_PATH}>Pemberitahuan Privasi</a> (versi {PRIVACY_NOTICE_VERSION}): data Anda
      (nama, NIP, email, kemajuan belajar) dipakai untuk kursus, sertifikat dan laporan kepegawaian instansi Anda, sesuai UU No. 27
      Tahun 2022 tentang Pelindungan Data Pribadi.
    </p>
  )
}
