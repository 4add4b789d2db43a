import type { Metadata } from 'next'
import { AdminNav } from '@/components/admin/admin-nav'
import { formatLoggedMomentWib } from '@/lib/format/indonesian'
import { getPlatformOverview } from '@/lib/agencies/platform-overview.server'
import { requireRole } from '@/lib/auth/session.server'

export const metadata: Metadata = { title: 'Admin' }

const SECTIONS = [
  { href: '/admin/instansi', title: 'Instansi dan unit kerja', text: 'Tambah instansi, ubah nama, kelola unit kerjanya.' },
  { href: '/admin/pengguna', title: 'Admin kepegawaian', text: 'Angkat atau cabut admin kepegawaian (HR) sebuah instansi.' },
  { href: '/admin/pengaturan', title: 'Pengaturan kursus', text: 'Nilai kelulusan, batas percobaan, JP, masa berlaku dan penanda tangan sertifikat.' },
  { href: '/admin/sertifikat', title: 'Sertifikat', text: 'Cari sertifikat dan cabut bila perlu.' },
  { href: '/admin/audit', title: 'Log audit', text: 'Semua perubahan, siapa dan kapan, dengan nilai lama dan baru.' },
]

export default async function AdminHomePage() {
  await requireRole(['admin'], '/admin')
  const { agencies, audit } = await getPlatformOverview()
  return (
    <>
      <AdminNav current="/admin" />
      <h1>Admin platform</h1>
      <ul className="admin-grid" style={{ listStyle: 'none', padding: 0, margin: '0 0 1rem' }}>
        {SECTIONS.map((section) => (
          <li key={section.href} className="card">
            <a href={section.href} style={{ fontWeight: 700 }}>
              {section.title}
            </a>
            <p className="muted" style={{ margin: '0.3rem 0 0' }}>
              {section.text}
            </p>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="instansi">
        <h2 id="instansi" style={{ marginTop: 0 }}>
          Instansi
        </h2>
        <div className="table-wrap" role="region" aria-label="Instansi" tabIndex={0}>
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
                  <td>
                    <a href={`/admin/instansi/${agency.id}`}>{agency.name}</a>
                  </td>
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
        <p>
          <a href="/admin/audit">Lihat seluruh log audit</a>
        </p>
        <div className="table-wrap" role="region" aria-label="Log audit terbaru" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Waktu (WIB)</th>
                <th scope="col">Tindakan</th>
                <th scope="col">Oleh</th>
                <th scope="col">Instansi</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatLoggedMomentWib(entry.at)}</td>
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
