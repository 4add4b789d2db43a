import Link from 'next/link'
import { PendingProgressRetry } from './pending-progress-retry'
import { ANONYMOUS_NAV, HeaderFrame, navLinksFor, SignOutItem } from './site-frame'

import type { NavCapabilities } from '@/lib/auth/capabilities'

type HeaderUser = { name: string; nav: NavCapabilities }

/**
 * The page header of the App Router pages; with a user it shows their areas and a sign-out
 * button. The lesson pages show the same links (components/layout/lesson-header.tsx). It also
 * sends lesson progress a lesson page could not save (issue 11 §1).
 *
 * No prefetch (decision 056): the areas are pages rendered per request for the person, so Next's
 * prefetch of every link in view made the server render each of them on every page view, and
 * spent a learner's mobile data, for a navigation that still asks the server on click.
 */
export function SiteHeader({ user }: { user?: HeaderUser | null }) {
  const links = user ? navLinksFor(user.nav) : ANONYMOUS_NAV
  return (
    <>
    <HeaderFrame>
      {links.map((link) => (
        <li key={link.href}>
          <Link prefetch={false} href={link.href} className={link.button ? 'button secondary' : undefined}>
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
