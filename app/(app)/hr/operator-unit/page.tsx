import type { Metadata } from 'next'
import { AdminForm } from '@/components/admin/admin-form'
import { DataTable } from '@/components/data-table'
import { listUnits } from '@/lib/agencies/agencies.server'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { formatShortDate } from '@/lib/format/indonesian'
import { listUnitStaff } from '@/lib/hr/unit-staff.server'
import { CAPABILITY_LABELS } from '@/lib/vocabulary/statuses'
import { appointUnitStaffAction, removeUnitStaffAction } from './actions'

export const metadata: Metadata = { title: 'Operator unit' }

// HR appoints, per unit, operators (who see and assign their unit's people and download its
// reports) and heads (who see the same, read-only). Decision 037.
export default async function UnitStaffPage() {
  const officer = await requireHrOfficer('/hr/operator-unit')
  const [staff, units] = await Promise.all([listUnitStaff(officer.agencyId), listUnits(officer.agencyId)])
  return (
    <>
      <h1>Operator dan pimpinan unit</h1>
      <p className="muted">
        Setiap unit kerja (satker/OPD) dapat punya operator yang memantau dan menetapkan pegawainya sendiri ke kelompok, serta
        mengunduh laporan unitnya; pimpinan unit melihat angka yang sama tanpa mengubah apa pun. Keduanya tetap peserta kursus.
        Setiap penunjukan dan pencabutan dicatat di log audit.
      </p>
      <div className="card">
        <DataTable
          caption="Operator dan pimpinan unit"
          captionVisible
          columns={[
            { key: 'unit', header: 'Unit kerja', rowHeader: true, cell: (grant) => grant.unit?.name ?? '–' },
            { key: 'capability', header: 'Peran', cell: (grant) => CAPABILITY_LABELS[grant.capability] },
            {
              key: 'person',
              header: 'Pegawai',
              cell: (grant) => (
                <>
                  {grant.user.name}
                  <br />
                  <span className="muted nowrap">{grant.user.nip ?? grant.user.email}</span>
                </>
              ),
            },
            {
              key: 'granted',
              header: 'Ditunjuk',
              cell: (grant) => `${formatShortDate(grant.grantedAt)}${grant.grantedBy ? ` oleh ${grant.grantedBy.name}` : ''}`,
            },
            {
              key: 'remove',
              header: 'Cabut',
              cell: (grant) => (
                <AdminForm
                  action={removeUnitStaffAction}
                  idPrefix={`cabut-${grant.id}`}
                  label={`Cabut ${CAPABILITY_LABELS[grant.capability].toLowerCase()} ${grant.user.name} di ${grant.unit?.name ?? ''}`}
                  hidden={{ grantId: grant.id }}
                  submitLabel={`Cabut ${grant.user.name}`}
                  secondary
                  compact
                  fields={[]}
                />
              ),
            },
          ]}
          rows={staff}
          rowKey={(grant) => grant.id}
          empty="Belum ada operator atau pimpinan unit."
        />
      </div>
      <section className="card space-top" aria-labelledby="tunjuk">
        <h2 className="flush-top" id="tunjuk">
          Tunjuk operator atau pimpinan unit
        </h2>
        <AdminForm
          action={appointUnitStaffAction}
          idPrefix="tunjuk"
          submitLabel="Tunjuk"
          fields={[
            { name: 'person', label: 'NIP atau email pegawai', hint: 'Pegawai instansi Anda yang sudah terdaftar.', maxLength: 254 },
            { name: 'unitId', label: 'Unit kerja', options: [{ value: '', label: '— Pilih unit kerja —' }, ...units.map((unit) => ({ value: unit.id, label: unit.name }))] },
            {
              name: 'capability',
              label: 'Peran',
              options: [
                { value: 'unit_operator', label: `${CAPABILITY_LABELS.unit_operator}: memantau dan menetapkan pegawai unit` },
                { value: 'unit_head', label: `${CAPABILITY_LABELS.unit_head}: melihat saja` },
              ],
            },
          ]}
        />
      </section>
    </>
  )
}
