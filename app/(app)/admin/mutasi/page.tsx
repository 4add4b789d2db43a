import type { Metadata } from 'next'
import { TransferDecisionForms } from '@/components/identity/transfer-decision-forms'
import { AdminNav } from '@/components/admin/admin-nav'
import { requireRole } from '@/lib/auth/session.server'
import { formatLongDate } from '@/lib/format/indonesian'
import { listPendingTransfersForAdmin } from '@/lib/identity/transfers.server'
import { adminDecideTransferAction } from './actions'

export const metadata: Metadata = { title: 'Mutasi antarinstansi' }

export default async function AdminTransfersPage() {
  await requireRole(['admin'], '/admin/mutasi')
  const pending = await listPendingTransfersForAdmin()
  return (
    <>
      <AdminNav current="/admin/mutasi" />
      <h1>Mutasi antarinstansi</h1>
      <p className="muted">Permintaan yang menunggu keputusan instansi asal. Admin platform dapat memutuskannya bila instansi asal tidak dapat.</p>
      {pending.length === 0 ? (
        <p className="alert info">Tidak ada permintaan mutasi yang menunggu.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Permintaan mutasi menunggu" tabIndex={0}>
          <table>
            <caption style={{ textAlign: 'left', fontWeight: 600 }}>{pending.length} permintaan menunggu</caption>
            <thead>
              <tr>
                <th scope="col">Pegawai</th>
                <th scope="col">Dari</th>
                <th scope="col">Ke</th>
                <th scope="col">Rujukan</th>
                <th scope="col">Keputusan</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((request) => (
                <tr key={request.id}>
                  <td>
                    {request.person.name} ({request.person.maskedNip})
                  </td>
                  <td>{request.fromAgency.name}</td>
                  <td>
                    {request.toAgency.name}
                    {request.toUnit ? ` · ${request.toUnit.name}` : ''}
                  </td>
                  <td>
                    {request.note} <span className="hint">({formatLongDate(request.requestedAt)})</span>
                  </td>
                  <td>
                    <TransferDecisionForms action={adminDecideTransferAction} requestId={request.id} personName={request.person.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
