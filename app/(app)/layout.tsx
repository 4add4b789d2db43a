import { SiteFooter } from '@/components/layout/site-frame'
import { SiteHeader } from '@/components/layout/site-header'
import { navCapabilities } from '@/lib/auth/capabilities'
import { getCurrentUser } from '@/lib/auth/session.server'

// Signed-in areas. Each page checks its own access; the layout only personalises the header.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser()
  return (
    <>
      <SiteHeader user={user && { name: user.name, nav: navCapabilities(user.capabilities) }} />
      <main id="konten" className="container">
        {children}
      </main>
      <SiteFooter />
    </>
  )
}
