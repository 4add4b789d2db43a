import type { Metadata } from 'next'
import Link from 'next/link'
import { ChangePasswordForm } from '@/components/forms/change-password-form'
import { requireUser } from '@/lib/auth/session.server'
import { signOutEverywhereAction } from './actions'

export const metadata: Metadata = { title: 'Akun saya' }

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ sandi?: string }> }) {
  const user = await requireUser('/akun')
  const changed = (await searchParams).sandi === 'diganti'
  return (
    <div className="narrow">
      <h1>Akun saya</h1>
      {changed && (
        <p className="alert success" role="status">
          Kata sandi diganti. Sesi Anda di perangkat lain sudah diakhiri.
        </p>
      )}
      <dl className="verify-details">
        <dt>Nama</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        {user.nip && (
          <>
            <dt>NIP / NI PPPK</dt>
            <dd>{user.nip}</dd>
          </>
        )}
      </dl>
      <p>
        <Link href="/akun/data-saya">Data saya</Link>: semua data pribadi Anda yang kami simpan, untuk dibaca atau diunduh.
      </p>
      <section className="card" aria-labelledby="ganti-sandi">
        <h2 className="flush-top" id="ganti-sandi">
          Ganti kata sandi
        </h2>
        <p className="muted">Setelah diganti, Anda tetap masuk di perangkat ini; sesi di perangkat lain diakhiri.</p>
        <ChangePasswordForm />
      </section>
      <section className="card" aria-labelledby="semua-perangkat">
        <h2 className="flush-top" id="semua-perangkat">
          Keluar dari semua perangkat
        </h2>
        <p className="muted">
          Mengakhiri semua sesi akun Anda, termasuk di perangkat ini. Pakai jika Anda pernah masuk di komputer bersama atau
          mencurigai orang lain memakai akun Anda (lalu ganti kata sandi).
        </p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="button secondary">
            Keluar dari semua perangkat
          </button>
        </form>
      </section>
    </div>
  )
}
