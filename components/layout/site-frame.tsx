import type { NavCapabilities } from '@/lib/auth/capabilities'

/**
 * The frame every page shares: brand, navigation slot and footer. Plain links and no server
 * actions, so that the lesson pages (Pages Router, docs/decisions/008) can use it too.
 */
export function HeaderFrame({ children }: { children: React.ReactNode }) {
  return (
    <header className="site-header">
      <div className="container">
        <a href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            BB
          </span>
          Bijak Bermedia Sosial
        </a>
        <nav className="site-nav" aria-label="Navigasi utama">
          <ul>{children}</ul>
        </nav>
      </div>
    </header>
  )
}

/** "Keluar": a plain form posting to /keluar, the same on App Router and lesson pages. */
export function SignOutItem() {
  return (
    <li>
      <form method="post" action="/keluar">
        <button type="submit" className="button link">
          Keluar
        </button>
      </form>
    </li>
  )
}

export type NavLink = { href: string; label: string; button?: boolean }

/**
 * The header's links for a signed-in user (the headers add SignOutItem): learning first,
 * for everyone (decision 037), then what their capabilities add. The server checks each again.
 */
export function navLinksFor(nav: NavCapabilities | null): NavLink[] {
  return [
    { href: '/dasbor', label: 'Belajar' },
    { href: '/sertifikat', label: 'Sertifikat' },
    ...(nav?.unit ? [{ href: '/hr', label: 'Unit saya' }] : []),
    ...(nav?.hr ? [{ href: '/hr', label: 'Kepegawaian' }] : []),
    ...(nav?.admin ? [{ href: '/admin', label: 'Admin' }] : []),
    { href: '/akun', label: 'Akun' },
  ]
}

/** The header's links for a visitor who is not signed in. */
export const ANONYMOUS_NAV: NavLink[] = [
  { href: '/masuk', label: 'Masuk' },
  { href: '/daftar', label: 'Daftar', button: true },
]

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Bijak Bermedia Sosial — kursus etika bermedia sosial bagi ASN, disusun dari SE MenPAN-RB
          No. 137 Tahun 2018 dan panduan instansi pemerintah. <a href="/privasi">Pemberitahuan Privasi</a>
        </p>
      </div>
    </footer>
  )
}
