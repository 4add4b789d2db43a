import type { Metadata, Viewport } from 'next'
import { GeistSans } from 'geist/font/sans'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Bijak Bermedia Sosial bagi ASN', template: '%s · Bijak Bermedia Sosial' },
  description:
    'Kursus daring etika bermedia sosial bagi ASN (PNS dan PPPK): pelajaran, studi kasus, dan sertifikat yang dapat diverifikasi.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5cab' }

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="id" className={GeistSans.variable}>
      <body>
        <a className="skip-link" href="#konten">
          Langsung ke konten
        </a>
        {children}
      </body>
    </html>
  )
}
