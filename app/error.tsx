'use client'

import Link from 'next/link'
import { RequestCodes } from '@/components/layout/request-id'

// Shown for any unexpected server or client error: a friendly message, never a stack trace; the
// codes under which the server logged it (decision 041).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="konten" className="container narrow">
      <h1>Maaf, terjadi kesalahan</h1>
      <p>Permintaan Anda tidak dapat diproses saat ini. Data Anda aman; silakan coba lagi sebentar lagi.</p>
      <p>Bila menghubungi admin, sebutkan kode berikut:</p>
      <RequestCodes digest={error.digest} className="muted" />
      <div className="actions">
        <button type="button" className="button" onClick={reset}>
          Coba lagi
        </button>
        <Link href="/" className="button secondary">
          Ke beranda
        </Link>
      </div>
    </main>
  )
}
