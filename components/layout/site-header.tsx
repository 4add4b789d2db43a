import Link from 'next/link'
import { signOutAction } from '@/app/(site)/masuk/actions'

type HeaderUser = { name: string; role: 'learner' | 'hr' | 'admin' }

/** The brand and the main navigation, around the links each header chooses. */
function HeaderFrame({ children }: { children: React.ReactNode }) {
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            BB
          </span>
          Bijak Bermedia Sosial
        </Link>
        <nav className="site-nav" aria-label="Navigasi utama">
          <ul>{children}</ul>
        </nav>
      </div>
    </header>
  )
}

/**
 * The header of static lesson pages: it cannot depend on who is reading, so it only leads to
 * the dashboard.
 */
export function CourseHeader() {
  return (
    <HeaderFrame>
      <li>
        <Link href="/dasbor">Dasbor saya</Link>
      </li>
    </HeaderFrame>
  )
}

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

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Bijak Bermedia Sosial — kursus etika bermedia sosial bagi ASN, disusun dari SE MenPAN-RB
          No. 137 Tahun 2018 dan panduan instansi pemerintah.
        </p>
      </div>
    </footer>
  )
}
