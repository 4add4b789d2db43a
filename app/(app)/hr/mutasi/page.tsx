import '@/components/admin/admin.css'
import type { Metadata } from 'next'
import { AdminForm } from '@/components/admin/admin-form'
import { DataTable } from '@/components/data-table'
import { distinctName } from '@/components/hr/format'
import { PersonName } from '@/components/hr/person-name'
import { transferColumns } from '@/components/identity/transfer-columns'
import { TransferDecisionForms } from '@/components/identity/transfer-decision-forms'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { formatLongDate } from '@/lib/format/indonesian'
import { TRANSFER_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import { listUnits } from '@/lib/agencies/agencies.server'
import { listTransfersForOfficer } from '@/lib/identity/transfers.server'
import { decideTransferAction, requestTransferAction } from './actions'

export const metadata: Metadata = { title: 'Mutasi antarinstansi' }


export default async function TransfersPage() {
  const officer = await requireHrOfficer('/hr/mutasi')
  const [units, { outgoing, incoming }] = await Promise.all([listUnits(officer.agencyId), listTransfersForOfficer(officer)])
  const pendingIncoming = incoming.filter((request) => request.status === 'pending')
  return (
    <>
      <h1>Mutasi antarinstansi</h1>
      <p className="muted">
        Pegawai yang pindah ke {officer.agencyName} dari instansi lain: ajukan dengan NIP-nya, lalu admin kepegawaian instansi asal menyetujui.
        Riwayat belajar dan sertifikatnya tetap bersamanya. Pegawai yang aktif di instansi lain tidak dapat dipindahkan dengan cara lain.
      </p>

      <section className="card" aria-labelledby="ajukan">
        <h2 className="flush-top" id="ajukan">
          Ajukan mutasi masuk
        </h2>
        <AdminForm
          action={requestTransferAction}
          idPrefix="mutasi"
          label="Ajukan mutasi masuk"
          fields={[
            { name: 'nip', label: 'NIP / NI PPPK pegawai', inputMode: 'numeric', maxLength: 18 },
            { name: 'unitId', label: 'Unit kerja tujuan', options: [{ value: '', label: '— Pilih unit kerja —' }, ...units.map((unit) => ({ value: unit.id, label: unit.name }))] },
            { name: 'note', label: 'Rujukan (misalnya nomor SK mutasi)', maxLength: 300 },
          ]}
          submitLabel="Ajukan mutasi"
        />
      </section>

      <section className="card" aria-labelledby="masuk-menunggu">
        <h2 className="flush-top" id="masuk-menunggu">
          Permintaan untuk pegawai Anda
        </h2>
        <DataTable
          caption="Permintaan mutasi keluar yang menunggu keputusan"
          columns={[
            {
              key: 'person',
              header: 'Pegawai',
              rowHeader: true,
              cell: (request) => <PersonName name={request.person.name} unitName={request.person.unitName} nip={request.person.nip} />,
            },
            ...transferColumns<(typeof incoming)[number]>('Ke instansi'),
            {
              key: 'decision',
              header: 'Keputusan',
              cell: (request) => <TransferDecisionForms action={decideTransferAction} requestId={request.id} personName={distinctName(request.person)} />,
            },
          ]}
          rows={pendingIncoming}
          rowKey={(request) => request.id}
          rowProps={(request) => ({ 'data-testid': `mutasi-${request.id}` })}
          empty="Tidak ada permintaan yang menunggu keputusan Anda."
        />
      </section>

      <section className="card" aria-labelledby="riwayat">
        <h2 className="flush-top" id="riwayat">
          Riwayat permintaan
        </h2>
        {outgoing.length + incoming.length === 0 ? (
          <p className="muted">Belum ada permintaan mutasi.</p>
        ) : (
          <ul>
            {outgoing.map((request) => (
              <li key={request.id}>
                Masuk: {request.person.name} ({request.person.maskedNip}) dari {request.fromAgency.name} — {TRANSFER_STATUS_LABELS[request.status]},{' '}
                {formatLongDate(request.decidedAt ?? request.requestedAt)}
              </li>
            ))}
            {incoming
              .filter((request) => request.status !== 'pending')
              .map((request) => (
                <li key={request.id}>
                  Keluar: {request.person.name} ke {request.toAgency.name} — {TRANSFER_STATUS_LABELS[request.status]}, {formatLongDate(request.decidedAt ?? request.requestedAt)}
                </li>
              ))}
          </ul>
        )}
      </section>
    </>
  )
}
