import { SiteFooter } from '@/components/layout/site-frame'
import { SiteHeader } from '@/components/layout/site-header'
import { NotFoundMessage } from '@/components/layout/not-found-message'

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <NotFoundMessage />
      <SiteFooter />
    </>
  )
}
