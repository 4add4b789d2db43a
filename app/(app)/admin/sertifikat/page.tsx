import type { Metadata } from 'next'
import { DataTable } from '@/components/data-table'
import { RevokeForm } from '@/components/forms/revoke-form'
import { requireAdmin } from '@/lib/auth/session.server'
import { certificateStatus, getCertificateIssuing, searchCertificates } from '@/lib/certificates/certificates.server'
import { formatLongDate } from '@/lib/format/indonesian'
import { CERTIFICATE_STATUS_LABELS } from '@/lib/vocabulary/statuses'
import { getSigningKeyStatus } from '@/lib/certificates/signing-key.server'
import { SignerWarning } from './signer-warning'
import { SigningKeyNotice } from './signing-key-notice'

export const metadata: Metadata = { title: 'Sertifikat' }

export default async function AdminCertificatesPage({ searchParams }: { searchParams: Promise<{ nomor?: string }> }) {
  await requireAdmin('/admin/sertifikat')
  const query = ((await searchParams).nomor ?? '').trim().slice(0, 40)
  const [certificates, issuing, signingKey] = await Promise.all([
    searchCertificates(query),
    getCertificateIssuing(),
    // A database that cannot be read now shows as "cannot be loaded", not as an error page.
    getSigningKeyStatus().catch(() => null),
  ])
  return (
    <>
      <h1>Sertifikat</h1>
      <SignerWarning issuing={issuing} />
      <SigningKeyNotice status={signingKey} />
      <form role="search" className="actions">
        <label htmlFor="nomor" className="visually-hidden">
          Cari nomor sertifikat
        </label>
        <input id="nomor" name="nomor" type="search" placeholder="BBS/2026/000123" defaultValue={query} className="narrow-input" />
        <button type="submit" className="button secondary">
          Cari
        </button>
      </form>
      <div className="card spaced-top">
        <DataTable
          caption="Sertifikat"
          columns={[
            { key: 'number', header: 'Nomor', rowHeader: true, nowrap: true, cell: (certificate) => <a href={`/sertifikat/${certificate.id}/pdf`}>{certificate.number}</a> },
            { key: 'name', header: 'Nama', cell: (certificate) => certificate.fullName },
            { key: 'agency', header: 'Instansi', cell: (certificate) => certificate.agencyName },
            { key: 'validUntil', header: 'Berlaku sampai', cell: (certificate) => formatLongDate(certificate.validUntil) },
            {
              key: 'status',
              header: 'Status',
              cell: (certificate) => {
                const status = certificateStatus(certificate)
                return status === 'dicabut' && certificate.revokedAt
                  ? `${CERTIFICATE_STATUS_LABELS.dicabut}: ${certificate.revokedReason ?? ''} (${formatLongDate(certificate.revokedAt)})`
                  : CERTIFICATE_STATUS_LABELS[status]
              },
            },
            {
              key: 'revoke',
              header: 'Cabut',
              cell: (certificate) => (certificateStatus(certificate) !== 'dicabut' ? <RevokeForm certificateId={certificate.id} number={certificate.number} /> : null),
            },
          ]}
          rows={certificates}
          rowKey={(certificate) => certificate.id}
          empty={query ? `Tidak ada sertifikat dengan nomor yang memuat "${query}".` : 'Belum ada sertifikat.'}
        />
      </div>
    </>
  )
}
