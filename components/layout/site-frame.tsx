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

/**
 * The header of static lesson pages: it cannot depend on who is reading, so it only leads to
 * the dashboard.
 */
export function CourseHeader() {
  return (
    <HeaderFrame>
      <li>
        <a href="/dasbor">Dasbor saya</a>
      </li>
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
