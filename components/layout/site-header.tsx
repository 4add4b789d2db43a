import Link from 'next/link'
import { PendingProgressRetry } from './pending-progress-retry'
import { ANONYMOUS_NAV, HeaderFrame, navLinksFor, SignOutItem } from './site-frame'

import type { NavCapabilities } from '@/lib/auth/capabilities'

type HeaderUser = { name: string; nav: NavCapabilities }

/**
 * The page header of the App Router pages; with a user it shows their areas and a sign-out
 * button. The lesson pages show the same links (components/layout/lesson-header.tsx). It also
 * sends lesson progress a lesson page could not save (issue 11 §1).
 */
export function SiteHeader({ user }: { user?: HeaderUser | null }) {
  const links = user ? navLinksFor(user.nav) : ANONYMOUS_NAV
  return (
    <>
    <HeaderFrame>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className={link.button ? 'button secondary' : undefined}>
            {link.label}
          </Link>
        </li>
      ))}
      {user && <SignOutItem />}
    </HeaderFrame>
    <PendingProgressRetry />
    </>
  )
}
