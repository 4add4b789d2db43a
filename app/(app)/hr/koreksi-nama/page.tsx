import type { Metadata } from 'next'
import { DataTable } from '@/components/data-table'
import { PersonName } from '@/components/hr/person-name'
import { NameCorrectionReview } from '@/components/privacy/name-correction-review'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { formatLongDate } from '@/lib/format/indonesian'
import { NAME_CORRECTION_STATUS_LABELS } from '@/lib/privacy/name-correction'
import { listNameCorrectionsForAgency } from '@/lib/privacy/name-correction.server'

export const metadata: Metadata = { title: 'Koreksi nama' }

// HR of the agency only (decision 043): approving changes a person's name and reissues their
// certificates, which is HR's decision as confirming a NIP is (decision 037).
export default async function NameCorrectionsPage() {
  const officer = await requireHrOfficer('/hr/koreksi-nama')
  const { pending, decided } = await listNameCorrectionsForAgency(officer)
  return (
    <>
      <h1>Koreksi nama</h1>
      <p className="muted">
        Permintaan pegawai {officer.agencyName} untuk membetulkan namanya. Periksa dasarnya (misalnya SK atau ijazah). Bila disetujui, nama
        akun berubah dan setiap sertifikat yang masih berlaku diterbitkan ulang sebagai versi baru dengan nomor yang sama; versi lama
        tercatat sebagai digantikan di halaman verifikasi. Bila ditolak, tidak ada yang berubah dan pegawai membaca alasan Anda.
      </p>
      {pending.length === 0 ? (
        <p className="alert info">Tidak ada permintaan koreksi nama yang menunggu.</p>
      ) : (
        <DataTable
          caption={`${pending.length} permintaan menunggu keputusan`}
          captionVisible
          columns={[
            { key: 'name', header: 'Nama sekarang', rowHeader: true, cell: (request) => <PersonName name={request.currentName} unitName={request.user.unit?.name} nip={request.user.nip} /> },
            { key: 'requested', header: 'Nama yang diminta', cell: (request) => request.requestedName },
            { key: 'reason', header: 'Alasan', cell: (request) => request.reason },
            { key: 'date', header: 'Diajukan', nowrap: true, cell: (request) => formatLongDate(request.requestedAt) },
            {
              key: 'decision',
              header: 'Keputusan',
              cell: (request) =>
                request.userId === officer.id ? (
                  <span className="muted">Permintaan Anda sendiri diputuskan admin kepegawaian lain.</span>
                ) : (
                  <NameCorrectionReview requestId={request.id} name={request.currentName} />
                ),
            },
          ]}
          rows={pending}
          rowKey={(request) => request.id}
          rowProps={(request) => ({ 'data-testid': `koreksi-${request.user.nip ?? request.id}` })}
          empty="Tidak ada permintaan koreksi nama yang menunggu."
        />
      )}
      {decided.length > 0 && (
        <details>
          <summary>{decided.length} keputusan terakhir</summary>
          <ul>
            {decided.map((request) => (
              <li key={request.id}>
                {request.currentName} → {request.requestedName}: {NAME_CORRECTION_STATUS_LABELS[request.status]}
                {request.decidedAt ? ` ${formatLongDate(request.decidedAt)}` : ''}
                {request.decisionNote ? ` (${request.decisionNote})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}
