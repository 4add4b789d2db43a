import { SiteFooter } from '@/components/layout/site-frame'
import { SiteHeader } from '@/components/layout/site-header'

// Public pages: a static header, so these pages can be prerendered.
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="konten" className="container">
        {children}
      </main>
      <SiteFooter />
    </>
  )
}
