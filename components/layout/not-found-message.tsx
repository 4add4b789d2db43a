/** What an address that does not exist shows: app/not-found.tsx and the lesson route's pages/404.tsx. */
export function NotFoundMessage() {
  return (
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
  )
}
