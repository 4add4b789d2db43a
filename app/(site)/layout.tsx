import { SiteFooter } from '@/components/layout/site-frame'
import { SiteHeader } from '@/components/layout/site-header'

// Public pages: a static header (no session read). Rendered per request all the same, for the
// nonce of the Content-Security-Policy (app/layout.tsx).
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
