import Link from 'next/link'
import { SiteFooter } from '@/components/layout/site-header'
import '@/components/lesson/lesson.css'

// Lesson pages are static (prerendered at build time), so their header does not depend on who
// is reading; the dashboard is one click away.
export default function CourseLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="container">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              BB
            </span>
            Bijak Bermedia Sosial
          </Link>
          <nav className="site-nav" aria-label="Navigasi utama">
            <ul>
              <li>
                <Link href="/dasbor">Dasbor saya</Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="konten" className="container">
        {children}
      </main>
      <SiteFooter />
    </>
  )
}
