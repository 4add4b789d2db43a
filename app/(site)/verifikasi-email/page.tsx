import type { Metadata } from 'next'
import Link from 'next/link'
import { verifyLinkUsable } from '@/lib/accounts/email-verification.server'
import { normaliseDomain } from '@/lib/accounts/email-domain'
import { verifyEmailAction } from './actions'
import { VerifyEmailForm } from './verify-email-form'

// The token is in the address: no Referer carries it to another page.
export const metadata: Metadata = { title: 'Verifikasi email', referrer: 'no-referrer' }

type Search = { token?: string | string[]; selesai?: string; domain?: string | string[] }

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams
  if (search.selesai === '1') {
    const domain = typeof search.domain === 'string' ? normaliseDomain(search.domain) : null
    return (
      <div className="narrow">
        <h1>Email terverifikasi</h1>
        <p className="alert success" role="status">
          Terima kasih. Alamat email Anda terverifikasi: pengingat, sertifikat, dan tautan atur ulang kata sandi akan dikirim ke sana.
        </p>
        {domain && (
          <p>
            Alamat ini memakai domain email instansi Anda (<strong>{domain}</strong>), sehingga petugas kepegawaian melihatnya sebagai alamat
            instansi. NIP Anda tetap diverifikasi lewat data kepegawaian atau oleh petugas kepegawaian.
          </p>
        )}
        <p>
          <Link href="/dasbor">Ke dasbor</Link>
        </p>
      </div>
    )
  }
  const token = typeof search.token === 'string' ? search.token : ''
  const usable = await verifyLinkUsable(token)
  return (
    <div className="narrow">
      <h1>Verifikasi email</h1>
      {usable ? (
        <div className="card">
          <p>Tekan tombol di bawah untuk memastikan alamat email ini milik Anda.</p>
          <VerifyEmailForm action={verifyEmailAction} token={token} />
        </div>
      ) : (
        <p className="alert error" role="alert">
          Tautan ini tidak berlaku lagi: sudah dipakai, sudah lewat 24 jam, atau ada tautan yang lebih baru. <Link href="/masuk?kembali=/dasbor">Masuk</Link>, lalu
          minta tautan baru di dasbor Anda.
        </p>
      )}
    </div>
  )
}
