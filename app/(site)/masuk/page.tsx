import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/forms/sign-in-form'
import { homeFor } from '@/lib/auth/capabilities'
import { getCurrentUser } from '@/lib/auth/session.server'
import { env } from '@/lib/env.server'
import { signInNoticeFor } from '@/lib/progress/sign-in-notice'
import { safeReturnPath } from '@/lib/safe-return-path'

export const metadata: Metadata = { title: 'Masuk' }

const NOTICES: Record<string, string> = {
  'keluar:semua': 'Anda sudah keluar dari semua perangkat.',
  'akun:dihapus': 'Akun Anda sudah dihapus. Sertifikat yang pernah terbit tetap dapat diverifikasi dengan kodenya.',
  'sandi:diatur-ulang': 'Kata sandi sudah diatur ulang. Silakan masuk dengan kata sandi baru.',
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ kembali?: string; keluar?: string; sandi?: string; akun?: string }> }) {
  const query = await searchParams
  const returnTo = safeReturnPath(query.kembali, env.PUBLIC_BASE_URL)
  const notice = NOTICES[`keluar:${query.keluar}`] ?? NOTICES[`sandi:${query.sandi}`] ?? NOTICES[`akun:${query.akun}`]
  const reason = signInNoticeFor(returnTo)
  const user = await getCurrentUser()
  if (user) redirect(returnTo ?? homeFor(user.capabilities))
  return (
    <div className="narrow">
      <h1>Masuk</h1>
      {reason && (
        <p className="alert info" role="status">
          {reason}
        </p>
      )}
      <p className="muted">Masuk dengan email atau NIP / NI PPPK Anda.</p>
      {notice && (
        <p className="alert success" role="status">
          {notice}
        </p>
      )}
      <div className="card">
        <SignInForm returnTo={returnTo} />
      </div>
      <p>
        Belum punya akun? <Link href="/daftar">Daftar di sini</Link>. Didaftarkan oleh admin kepegawaian?{' '}
        <Link href="/aktivasi">Aktifkan akun Anda</Link>.
      </p>
      <p>
        <Link href="/lupa-sandi">Lupa kata sandi?</Link> Kami kirim tautan atur ulang ke email Anda. Tanpa akses ke email itu?{' '}
        <Link href="/atur-ulang-sandi">Atur ulang dengan kode dari admin kepegawaian</Link>.
      </p>
    </div>
  )
}
