import type { Metadata } from 'next'
import Link from 'next/link'
import { connection } from 'next/server'
import { RegistrationForm } from '@/components/forms/registration-form'
import { listAgenciesWithUnits } from '@/lib/agencies/agencies.server'

export const metadata: Metadata = { title: 'Daftar' }

export default async function RegisterPage() {
  await connection()
  const agencies = await listAgenciesWithUnits()
  return (
    <div className="narrow">
      <h1>Daftar</h1>
      <p className="muted">
        Untuk ASN: PNS, CPNS dan PPPK (P3K). Jika admin kepegawaian instansi Anda sudah mendaftarkan Anda, Anda
        cukup mengaktifkan akun dengan NIP Anda.
      </p>
      <div className="card">
        <RegistrationForm agencies={agencies} />
      </div>
      <p>
        Sudah punya akun? <Link href="/masuk">Masuk</Link>.
      </p>
    </div>
  )
}
