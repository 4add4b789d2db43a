import type { Metadata } from 'next'
import { DataTable } from '@/components/data-table'
import { formatNumber } from '@/lib/format/indonesian'
import { AdminForm } from '@/components/admin/admin-form'
import { AdminNav } from '@/components/admin/admin-nav'
import { listAgenciesForAdmin } from '@/lib/admin/agencies.server'
import { requireAdmin } from '@/lib/auth/session.server'
import { createAgencyAction } from './actions'

export const metadata: Metadata = { title: 'Instansi dan unit kerja' }

export default async function AdminAgenciesPage() {
  await requireAdmin('/admin/instansi')
  const agencies = await listAgenciesForAdmin()
  return (
    <>
      <AdminNav current="/admin/instansi" />
      <h1>Instansi dan unit kerja</h1>
      <section className="card" aria-labelledby="daftar-instansi">
        <h2 className="flush-top" id="daftar-instansi">
          Daftar instansi
        </h2>
        <DataTable
          caption="Daftar instansi"
          columns={[
            { key: 'code', header: 'Kode', nowrap: true, cell: (agency) => agency.code },
            { key: 'name', header: 'Nama', rowHeader: true, cell: (agency) => <a href={`/admin/instansi/${agency.id}`}>{agency.name}</a> },
            { key: 'units', header: 'Unit kerja', align: 'end', nowrap: true, cell: (agency) => formatNumber(agency.unitCount) },
            { key: 'users', header: 'Pengguna', align: 'end', nowrap: true, cell: (agency) => formatNumber(agency.userCount) },
          ]}
          rows={agencies}
          rowKey={(agency) => agency.id}
          empty="Belum ada instansi."
        />
      </section>
      <section className="card narrow" aria-labelledby="instansi-baru">
        <h2 className="flush-top" id="instansi-baru">
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
