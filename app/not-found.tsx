import Link from 'next/link'
import { SiteFooter } from '@/components/layout/site-frame'
import { SiteHeader } from '@/components/layout/site-header'

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="konten" className="container narrow">
        <h1>Halaman tidak ditemukan</h1>
        <p>Alamat yang Anda buka tidak ada atau sudah dipindahkan. Periksa kembali tautannya.</p>
        <div className="actions">
          <Link href="/" className="button">
            Ke beranda
          </Link>
          <Link href="/dasbor" className="button secondary">
            Ke dasbor
          </Link>
        </div>
      </main>
      <SiteFooter />
    </>
  )
}
