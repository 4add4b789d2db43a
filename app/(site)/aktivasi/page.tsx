import type { Metadata } from 'next'
import Link from 'next/link'
import { claimAction } from '@/app/(site)/aktivasi/actions'
import { CodeAndPasswordForm } from '@/components/forms/code-and-password-form'
import { PrivacyNoticeLine } from '@/components/forms/privacy-notice-line'

export const metadata: Metadata = { title: 'Aktifkan akun' }

export default function ClaimPage() {
  return (
    <div className="narrow">
      <h1>Aktifkan akun</h1>
      <p className="muted">
        Jika admin kepegawaian instansi Anda sudah mendaftarkan Anda, aktifkan akun dengan NIP dan kode aktivasi yang Anda terima,
        lalu buat kata sandi.
      </p>
      <div className="card">
        <CodeAndPasswordForm action={claimAction} codeLabel="Kode aktivasi" submitLabel="Aktifkan akun" />
        <PrivacyNoticeLine action="mengaktifkan akun" />
      </div>
      <p>
        Belum terdaftar? <Link href="/daftar">Daftar sendiri</Link>. Sudah aktif? <Link href="/masuk">Masuk</Link>.
      </p>
    </div>
  )
}
