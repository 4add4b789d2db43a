import type { Metadata } from 'next'
import { DataTable } from '@/components/data-table'
import { transferColumns } from '@/components/identity/transfer-columns'
import { TransferDecisionForms } from '@/components/identity/transfer-decision-forms'
import { AdminNav } from '@/components/admin/admin-nav'
import { requireAdmin } from '@/lib/auth/session.server'
import { listPendingTransfersForAdmin } from '@/lib/identity/transfers.server'
import { adminDecideTransferAction } from './actions'

export const metadata: Metadata = { title: 'Mutasi antarinstansi' }

export default async function AdminTransfersPage() {
  await requireAdmin('/admin/mutasi')
  const pending = await listPendingTransfersForAdmin()
  return (
    <>
      <AdminNav current="/admin/mutasi" />
      <h1>Mutasi antarinstansi</h1>
      <p className="muted">Permintaan yang menunggu keputusan instansi asal. Admin platform dapat memutuskannya bila instansi asal tidak dapat.</p>
      <DataTable
        caption={`${pending.length} permintaan menunggu`}
        captionVisible
        columns={[
          { key: 'person', header: 'Pegawai', rowHeader: true, cell: (request) => `${request.person.name} (${request.person.maskedNip})` },
          { key: 'from', header: 'Dari', cell: (request) => request.fromAgency.name },
          ...transferColumns<(typeof pending)[number]>('Ke'),
          {
            key: 'decision',
            header: 'Keputusan',
            cell: (request) => (
              <TransferDecisionForms
                action={adminDecideTransferAction}
                requestId={request.id}
                personName={`${request.person.name} (${request.person.maskedNip})`}
              />
            ),
          },
        ]}
        rows={pending}
        rowKey={(request) => request.id}
        empty="Tidak ada permintaan mutasi yang menunggu."
      />
    </>
  )
}
