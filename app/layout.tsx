import type { Metadata, Viewport } from 'next'
import { headers } from 'next/headers'
import { connection } from 'next/server'
import { GeistSans } from 'geist/font/sans'
import { REQUEST_ID_META } from '@/components/layout/request-id'
import { REQUEST_ID_HEADER } from '@/lib/observability/request-id'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Bijak Bermedia Sosial bagi ASN', template: '%s · Bijak Bermedia Sosial' },
  description:
    'Kursus daring etika bermedia sosial bagi ASN (PNS dan PPPK): pelajaran, studi kasus, dan sertifikat yang dapat diverifikasi.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5cab' }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every App Router page is rendered per request, so each gets the nonce of its
  // Content-Security-Policy (proxy.ts); a prerendered page's scripts would carry none and be
  // blocked. The lesson pages (Pages Router) stay prerendered: decision 012.
  await connection()
  // The id under which this request is logged, for the error pages' "Kode permintaan" (decision 041).
  const requestId = (await headers()).get(REQUEST_ID_HEADER)
  return (
    <html lang="id" className={GeistSans.variable}>
      <head>{requestId && <meta name={REQUEST_ID_META} content={requestId} />}</head>
      <body>
        <a className="skip-link" href="#konten">
          Langsung ke konten
        </a>
        {children}
      </body>
    </html>
  )
}
