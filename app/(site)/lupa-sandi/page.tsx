import type { Metadata } from 'next'
import Link from 'next/link'
import { requestResetLinkAction } from '@/app/(site)/lupa-sandi/actions'
import { ForgotPasswordForm } from '@/components/forms/forgot-password-form'

export const metadata: Metadata = { title: 'Lupa kata sandi' }

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <h1>Lupa kata sandi</h1>
      <p className="muted">Isi alamat email akun Anda. Kami mengirim tautan untuk membuat kata sandi baru (berlaku 1 jam, sekali pakai).</p>
      <div className="card">
        <ForgotPasswordForm action={requestResetLinkAction} />
      </div>
      <p>
        Tidak punya akses ke email itu? <Link href="/atur-ulang-sandi">Atur ulang dengan kode dari admin kepegawaian</Link>. Ingat kata sandi Anda?{' '}
        <Link href="/masuk">Masuk</Link>.
      </p>
    </div>
  )
}
