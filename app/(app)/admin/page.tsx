import type { Metadata } from 'next'
import { AdminNav } from '@/components/admin/admin-nav'
import { DataTable } from '@/components/data-table'
import { formatLoggedMomentWib, formatNumber, MISSING } from '@/lib/format/indonesian'
import { getPlatformOverview } from '@/lib/agencies/platform-overview.server'
import { requireAdmin } from '@/lib/auth/session.server'

export const metadata: Metadata = { title: 'Admin' }

const SECTIONS = [
  { href: '/admin/instansi', title: 'Instansi dan unit kerja', text: 'Tambah instansi, ubah nama, kelola unit kerjanya.' },
  { href: '/admin/pengguna', title: 'Admin kepegawaian', text: 'Angkat atau cabut admin kepegawaian (HR) sebuah instansi.' },
  { href: '/admin/pengaturan', title: 'Pengaturan kursus', text: 'Nilai kelulusan, batas percobaan, JP, masa berlaku dan penanda tangan sertifikat.' },
  { href: '/admin/sertifikat', title: 'Sertifikat', text: 'Cari sertifikat dan cabut bila perlu.' },
  { href: '/admin/audit', title: 'Log audit', text: 'Semua perubahan, siapa dan kapan, dengan nilai lama dan baru.' },
]

export default async function AdminHomePage() {
  await requireAdmin('/admin')
  const { agencies, audit } = await getPlatformOverview()
  return (
    <>
      <AdminNav current="/admin" />
      <h1>Admin platform</h1>
      <ul className="admin-grid">
        {SECTIONS.map((section) => (
          <li key={section.href} className="card">
            <a href={section.href}>
              {section.title}
            </a>
            <p className="muted">
              {section.text}
            </p>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="instansi">
        <h2 className="flush-top" id="instansi">
          Instansi
        </h2>
        <DataTable
          caption="Instansi"
          columns={[
            { key: 'code', header: 'Kode', nowrap: true, cell: (agency) => agency.code },
            { key: 'name', header: 'Nama', rowHeader: true, cell: (agency) => <a href={`/admin/instansi/${agency.id}`}>{agency.name}</a> },
            { key: 'units', header: 'Unit', align: 'end', nowrap: true, cell: (agency) => formatNumber(agency._count.units) },
            { key: 'users', header: 'Pengguna', align: 'end', nowrap: true, cell: (agency) => formatNumber(agency._count.users) },
          ]}
          rows={agencies}
          rowKey={(agency) => agency.id}
          empty="Belum ada instansi."
        />
      </section>
      <section className="card" aria-labelledby="audit">
        <h2 className="flush-top" id="audit">
          Log audit terbaru
        </h2>
        <p>
          <a href="/admin/audit">Lihat seluruh log audit</a>
        </p>
        <DataTable
          caption="Log audit terbaru"
          columns={[
            { key: 'at', header: 'Waktu (WIB)', cell: (entry) => formatLoggedMomentWib(entry.at) },
            { key: 'action', header: 'Tindakan', cell: (entry) => entry.action },
            { key: 'actor', header: 'Oleh', cell: (entry) => entry.actor?.name ?? MISSING },
            { key: 'agency', header: 'Instansi', cell: (entry) => entry.agency?.code ?? MISSING },
          ]}
          rows={audit}
          rowKey={(entry) => entry.id}
          empty="Belum ada catatan."
        />
      </section>
    </>
  )
}
