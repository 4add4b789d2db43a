'use client'

import Link from 'next/link'

// Shown for any unexpected server or client error: a friendly message, never a stack trace.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="konten" className="container narrow">
      <h1>Maaf, terjadi kesalahan</h1>
      <p>Permintaan Anda tidak dapat diproses saat ini. Data Anda aman; silakan coba lagi sebentar lagi.</p>
      {error.digest && <p className="muted">Kode kejadian: {error.digest}</p>}
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
