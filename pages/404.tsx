import Head from 'next/head'
import { CourseHeader, SiteFooter } from '@/components/layout/site-frame'

// A lesson slug that does not exist (the Pages Router's 404); the same message as app/not-found.tsx.
export default function LessonNotFound() {
  return (
    <>
      <Head>
        <title>Halaman tidak ditemukan · Bijak Bermedia Sosial</title>
      </Head>
      <CourseHeader />
      <main id="konten" className="container narrow">
        <h1>Halaman tidak ditemukan</h1>
        <p>Alamat yang Anda buka tidak ada atau sudah dipindahkan. Periksa kembali tautannya.</p>
        <div className="actions">
          <a href="/" className="button">
            Ke beranda
          </a>
          <a href="/dasbor" className="button secondary">
            Ke dasbor
          </a>
        </div>
      </main>
      <SiteFooter />
    </>
  )
}
