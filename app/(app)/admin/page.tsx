import type { Metadata } from 'next'
import { getPlatformOverview } from '@/lib/agencies/agency-overview.server'
import { requireRole } from '@/lib/auth/session.server'

export const metadata: Metadata = { title: 'Admin' }

const dateTime = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' })

export default async function AdminHomePage() {
  await requireRole(['admin'], '/admin')
  const { agencies, audit } = await getPlatformOverview()
  return (
    <>
      <h1>Admin platform</h1>
      <p className="muted">Pengelolaan instansi, admin kepegawaian dan pengaturan kursus sedang disiapkan.</p>
      <p>
        <a href="/admin/sertifikat">Sertifikat: cari dan cabut</a>
      </p>
      <section className="card" aria-labelledby="instansi">
        <h2 id="instansi" style={{ marginTop: 0 }}>
          Instansi
        </h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Kode</th>
                <th scope="col">Nama</th>
                <th scope="col">Unit</th>
                <th scope="col">Pengguna</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((agency) => (
                <tr key={agency.id}>
                  <td>{agency.code}</td>
                  <td>{agency.name}</td>
                  <td>{agency._count.units}</td>
                  <td>{agency._count.users}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="audit">
        <h2 id="audit" style={{ marginTop: 0 }}>
          Log audit terbaru
        </h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Waktu</th>
                <th scope="col">Tindakan</th>
                <th scope="col">Oleh</th>
                <th scope="col">Instansi</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((entry) => (
                <tr key={entry.id}>
                  <td>{dateTime.format(entry.at)}</td>
                  <td>{entry.action}</td>
                  <td>{entry.actor?.name ?? '—'}</td>
                  <td>{entry.agency?.code ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}
