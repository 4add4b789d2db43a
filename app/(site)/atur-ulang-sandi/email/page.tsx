import type { Metadata } from 'next'
import Link from 'next/link'
import { resetWithLinkAction } from '@/app/(site)/atur-ulang-sandi/email/actions'
import { NewPasswordForm } from '@/components/forms/new-password-form'
import { resetLinkUsable } from '@/lib/accounts/password-reset-email.server'

// The token is in the address: no Referer carries it to another page.
export const metadata: Metadata = { title: 'Buat kata sandi baru', referrer: 'no-referrer' }

export default async function ResetWithLinkPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams
  const value = typeof token === 'string' ? token : ''
  const usable = await resetLinkUsable(value)
  return (
    <div className="narrow">
      <h1>Buat kata sandi baru</h1>
      {usable ? (
        <>
          <p className="muted">Setelah disimpan, semua sesi akun Anda di perangkat lain diakhiri dan Anda masuk dengan kata sandi baru.</p>
          <div className="card">
            <NewPasswordForm action={resetWithLinkAction} token={value} />
          </div>
        </>
      ) : (
        <p className="alert error" role="alert">
          Tautan ini tidak berlaku lagi: sudah dipakai, sudah lewat 1 jam, atau ada tautan yang lebih baru.{' '}
          <Link href="/lupa-sandi">Minta tautan baru</Link>.
        </p>
      )}
    </div>
  )
}
