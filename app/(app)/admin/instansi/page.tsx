import type { Metadata } from 'next'
import { formatNumber } from '@/lib/format/indonesian'
import { AdminForm } from '@/components/admin/admin-form'
import { AdminNav } from '@/components/admin/admin-nav'
import { listAgenciesForAdmin } from '@/lib/admin/agencies.server'
import { requireRole } from '@/lib/auth/session.server'
import { createAgencyAction } from './actions'

export const metadata: Metadata = { title: 'Instansi dan unit kerja' }

export default async function AdminAgenciesPage() {
  await requireRole(['admin'], '/admin/instansi')
  const agencies = await listAgenciesForAdmin()
  return (
    <>
      <AdminNav current="/admin/instansi" />
      <h1>Instansi dan unit kerja</h1>
      <section className="card" aria-labelledby="daftar-instansi">
        <h2 id="daftar-instansi" style={{ marginTop: 0 }}>
          Daftar instansi
        </h2>
        {agencies.length === 0 ? (
          <p className="muted">Belum ada instansi.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Daftar instansi" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Kode</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Unit kerja</th>
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
                    <td className="nowrap">{formatNumber(agency.unitCount)}</td>
                    <td className="nowrap">{formatNumber(agency.userCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card narrow" aria-labelledby="instansi-baru">
        <h2 id="instansi-baru" style={{ marginTop: 0 }}>
          Tambah instansi
        </h2>
        <AdminForm
          action={createAgencyAction}
          idPrefix="instansi-baru"
          submitLabel="Tambah instansi"
          fields={[
            {
              name: 'code',
              label: 'Kode instansi',
              hint: 'Huruf kapital, angka dan tanda hubung, mis. PEMKOT-BDG. Kode tidak dapat diubah setelah dibuat.',
              maxLength: 30,
              autoCapitalize: 'characters',
            },
            { name: 'name', label: 'Nama instansi', hint: 'Nama resmi, mis. Pemerintah Kota Bandung.', maxLength: 200 },
          ]}
        />
      </section>
    </>
  )
}
