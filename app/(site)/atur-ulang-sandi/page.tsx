import type { Metadata } from 'next'
import Link from 'next/link'
import { resetPasswordAction } from '@/app/(site)/atur-ulang-sandi/actions'
import { CodeAndPasswordForm } from '@/components/forms/code-and-password-form'

export const metadata: Metadata = { title: 'Atur ulang kata sandi' }

export default function ResetPasswordPage() {
  return (
    <div className="narrow">
      <h1>Atur ulang kata sandi</h1>
      <p className="muted">
        Lupa kata sandi? Minta kode atur ulang ke admin kepegawaian instansi Anda (berlaku 24 jam, sekali pakai), lalu isi NIP,
        kode itu dan kata sandi baru. Semua sesi akun Anda akan diakhiri.
      </p>
      <div className="card">
        <CodeAndPasswordForm action={resetPasswordAction} codeLabel="Kode atur ulang" submitLabel="Atur ulang kata sandi" />
      </div>
      <p>
        Ingat kata sandi Anda? <Link href="/masuk">Masuk</Link>.
      </p>
    </div>
  )
}
