'use client'

import { RequestCodes } from '@/components/layout/request-id'

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="id">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <main>
          <h1>Maaf, terjadi kesalahan</h1>
          <p>Aplikasi tidak dapat dimuat. Silakan muat ulang halaman ini sebentar lagi.</p>
          <RequestCodes digest={error.digest} />
        </main>
      </body>
    </html>
  )
}
