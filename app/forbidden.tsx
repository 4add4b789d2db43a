import Link from 'next/link'
import { SiteFooter } from '@/components/layout/site-frame'
import { SiteHeader } from '@/components/layout/site-header'

export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main id="konten" className="container narrow">
        <h1>Akses ditolak</h1>
        <p>
          Halaman ini hanya untuk peran tertentu (admin kepegawaian atau admin platform). Akun Anda tidak memiliki
          akses ke halaman ini.
        </p>
        <div className="actions">
          <Link href="/dasbor" className="button">
            Ke dasbor saya
          </Link>
        </div>
      </main>
      <SiteFooter />
    </>
  )
}
