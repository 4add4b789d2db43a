'use client'

import { ANONYMOUS_NAV, HeaderFrame, navLinksFor, SignOutItem } from './site-frame'
import { useReader, useSessionHint } from './lesson-reader'

/**
 * The header of the static lesson pages, with the same links as the rest of the site
 * (SiteHeader): a signed-in reader's areas, or "Masuk" and "Daftar" for a visitor of the sample
 * lesson, and "Keluar". Prerendered as `signedInOnServer` says (every lesson but the sample needs a session
 * cookie to be served at all: proxy.ts), then it follows the session hint and the progress API.
 */
export function LessonHeader({ signedInOnServer }: { signedInOnServer: boolean }) {
  const hint = useSessionHint()
  const reader = useReader()
  const signedIn = reader.status ? reader.status === 'signed-in' : (hint ?? signedInOnServer)
  const links = signedIn ? navLinksFor(reader.nav) : ANONYMOUS_NAV
  return (
    <HeaderFrame>
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} className={link.button ? 'button secondary' : undefined}>
            {link.label}
          </a>
        </li>
      ))}
      {signedIn && <SignOutItem />}
    </HeaderFrame>
  )
}
