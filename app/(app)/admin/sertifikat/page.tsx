import type { Metadata } from 'next'
import { RevokeForm } from '@/components/forms/revoke-form'
import { requireRole } from '@/lib/auth/session.server'
import { certificateStatus, getCertificateIssuing, searchCertificates } from '@/lib/certificates/certificates.server'
import { formatLongDate } from '@/lib/format/indonesian'
import { SignerWarning } from './signer-warning'

export const metadata: Metadata = { title: 'Sertifikat' }

export default async function AdminCertificatesPage({ searchParams }: { searchParams: Promise<{ nomor?: string }> }) {
  await requireRole(['admin'], '/admin/sertifikat')
  const query = ((await searchParams).nomor ?? '').trim().slice(0, 40)
  const [certificates, issuing] = await Promise.all([searchCertificates(query), getCertificateIssuing()])
  return (
    <>
      <h1>Sertifikat</h1>
      <SignerWarning issuing={issuing} />
      <form role="search" className="actions">
        <label htmlFor="nomor" className="visually-hidden">
          Cari nomor sertifikat
        </label>
        <input id="nomor" name="nomor" type="search" placeholder="BBS/2026/000123" defaultValue={query} style={{ maxWidth: '18rem' }} />
        <button type="submit" className="button secondary">
          Cari
        </button>
      </form>
      <div className="table-wrap card" style={{ marginTop: '1rem' }}>
        <table>
          <thead>
            <tr>
              <th scope="col">Nomor</th>
              <th scope="col">Nama</th>
              <th scope="col">Instansi</th>
              <th scope="col">Berlaku sampai</th>
              <th scope="col">Status</th>
              <th scope="col">Cabut</th>
            </tr>
          </thead>
          <tbody>
            {certificates.map((certificate) => {
              const status = certificateStatus(certificate)
              return (
                <tr key={certificate.id}>
                  <td>
                    <a href={`/sertifikat/${certificate.id}/pdf`}>{certificate.number}</a>
                  </td>
                  <td>{certificate.fullName}</td>
                  <td>{certificate.agencyName}</td>
                  <td>{formatLongDate(certificate.validUntil)}</td>
                  <td>
                    {certificate.revokedAt
                      ? `Dicabut: ${certificate.revokedReason ?? ''} (${formatLongDate(certificate.revokedAt)})`
                      : status === 'berlaku'
                        ? 'Berlaku'
                        : 'Kedaluwarsa'}
                  </td>
                  <td>{status !== 'dicabut' && <RevokeForm certificateId={certificate.id} number={certificate.number} />}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </>
  )
}
