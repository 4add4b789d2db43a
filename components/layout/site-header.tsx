import Link from 'next/link'
import { signOutAction } from '@/app/(site)/masuk/actions'
import { HeaderFrame } from './site-frame'

type HeaderUser = { name: string; role: 'learner' | 'hr' | 'admin' }

/** The page header; with a user it shows their areas and a sign-out button. */
export function SiteHeader({ user }: { user?: HeaderUser | null }) {
  return (
    <HeaderFrame>
      {user ? (
        <>
          <li>
            <Link href="/dasbor">Dasbor</Link>
          </li>
          <li>
            <Link href="/sertifikat">Sertifikat</Link>
          </li>
          {user.role === 'hr' && (
            <li>
              <Link href="/hr">Kepegawaian</Link>
            </li>
          )}
          {user.role === 'admin' && (
            <li>
              <Link href="/admin">Admin</Link>
            </li>
          )}
          <li>
            <Link href="/akun">Akun</Link>
          </li>
          <li>
            <form action={signOutAction}>
              <button type="submit" className="button link">
                Keluar
              </button>
            </form>
          </li>
        </>
      ) : (
        <>
          <li>
            <Link href="/masuk">Masuk</Link>
          </li>
          <li>
            <Link href="/daftar" className="button secondary">
              Daftar
            </Link>
          </li>
        </>
      )}
    </HeaderFrame>
  )
}
