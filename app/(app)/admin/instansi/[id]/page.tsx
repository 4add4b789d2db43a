import type { Metadata } from 'next'
import { formatNumber } from '@/lib/format/indonesian'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AdminForm } from '@/components/admin/admin-form'
import { AdminNav } from '@/components/admin/admin-nav'
import { getAgencyForAdmin } from '@/lib/admin/agencies.server'
import { requireAdmin } from '@/lib/auth/session.server'
import { addEmailDomainAction, createUnitAction, deleteUnitAction, removeEmailDomainAction, renameAgencyAction, renameUnitAction } from '../actions'
import { agencyEmailDomains } from '@/lib/accounts/email-verification.server'

export const metadata: Metadata = { title: 'Kelola instansi' }

export default async function AdminAgencyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ baru?: string }> }) {
  const { id } = await params
  await requireAdmin(`/admin/instansi/${id}`)
  const agency = await getAgencyForAdmin(id)
  if (!agency) notFound()
  const domains = await agencyEmailDomains(agency.id)
  const justCreated = (await searchParams).baru === '1'
  return (
    <>
      <AdminNav current="/admin/instansi" />
      <p>
        <Link href="/admin/instansi">← Semua instansi</Link>
      </p>
      <h1>
        {agency.name} <span className="badge">{agency.code}</span>
      </h1>
      {justCreated && (
        <div className="alert success" role="status">
          Instansi {agency.code} dibuat. Tambahkan unit kerjanya di bawah.
        </div>
      )}
      <p className="muted">
        {formatNumber(agency.userCount)} pengguna, {formatNumber(agency.units.length)} unit kerja.{' '}
        <a href={`/admin/audit?instansi=${encodeURIComponent(agency.id)}`}>Log audit instansi ini</a>
      </p>
      <div className="admin-grid">
        <section className="card" aria-labelledby="ubah-nama">
          <h2 className="flush-top" id="ubah-nama">
            Ubah nama instansi
          </h2>
          <AdminForm
            action={renameAgencyAction}
            idPrefix="instansi"
            hidden={{ agencyId: agency.id }}
            submitLabel="Simpan nama"
            fields={[{ name: 'name', label: 'Nama instansi', defaultValue: agency.name, maxLength: 200 }]}
          />
        </section>
        <section className="card" aria-labelledby="unit-baru">
          <h2 className="flush-top" id="unit-baru">
            Tambah unit kerja
          </h2>
          <AdminForm
            action={createUnitAction}
            idPrefix="unit-baru"
            hidden={{ agencyId: agency.id }}
            submitLabel="Tambah unit"
            fields={[{ name: 'name', label: 'Nama unit kerja', hint: 'Tidak boleh sama dengan unit lain di instansi ini.', maxLength: 200 }]}
          />
        </section>
      </div>
      <section className="card" aria-labelledby="domain-email">
        <h2 className="flush-top" id="domain-email">
          Domain email instansi
        </h2>
        <p className="muted">
          Alamat terverifikasi pada domain ini (atau subdomainnya) ditampilkan kepada petugas kepegawaian sebagai alamat instansi. Ini bukti
          pendukung, bukan verifikasi NIP: NIP tetap diverifikasi lewat data kepegawaian atau oleh petugas kepegawaian.
        </p>
        {domains.length === 0 ? (
          <p className="muted">Belum ada domain email.</p>
        ) : (
          <ul className="admin-units">
            {domains.map((domain) => (
              <li key={domain}>
                <strong>{domain}</strong>
                <AdminForm
                  action={removeEmailDomainAction}
                  idPrefix={`hapus-domain-${domain}`}
                  label={`Hapus domain ${domain}`}
                  hidden={{ agencyId: agency.id, domain }}
                  submitLabel={`Hapus domain ${domain}`}
                  secondary
                  compact
                  fields={[]}
                />
              </li>
            ))}
          </ul>
        )}
        <AdminForm
          action={addEmailDomainAction}
          idPrefix="domain-baru"
          hidden={{ agencyId: agency.id }}
          submitLabel="Tambah domain"
          fields={[{ name: 'domain', label: 'Domain email', hint: 'Misalnya demoraya.go.id, tanpa nama pengguna dan tanpa @.', maxLength: 253 }]}
        />
      </section>
      <section className="card" aria-labelledby="unit-kerja">
        <h2 className="flush-top" id="unit-kerja">
          Unit kerja
        </h2>
        {agency.units.length === 0 ? (
          <p className="muted">Belum ada unit kerja.</p>
        ) : (
          <ul className="admin-units">
            {agency.units.map((unit) => (
              <li key={unit.id}>
                <h3>
                  {unit.name} <span className="muted">({formatNumber(unit.userCount)} pengguna)</span>
                </h3>
                <div className="admin-grid">
                  <AdminForm
                    action={renameUnitAction}
                    idPrefix={`unit-${unit.id}`}
                    label={`Ubah nama unit ${unit.name}`}
                    hidden={{ unitId: unit.id }}
                    submitLabel="Simpan nama unit"
                    secondary
                    compact
                    fields={[{ name: 'name', label: `Nama baru untuk ${unit.name}`, defaultValue: unit.name, maxLength: 200 }]}
                  />
                  <AdminForm
                    action={deleteUnitAction}
                    idPrefix={`hapus-${unit.id}`}
                    label={`Hapus unit ${unit.name}`}
                    hidden={{ unitId: unit.id }}
                    submitLabel={`Hapus unit ${unit.name}`}
                    secondary
                    compact
                    fields={[]}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
