import type { Metadata } from 'next'
import { PersonName } from '@/components/hr/person-name'
import { ClaimReview } from '@/components/identity/claim-review'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { formatLongDate } from '@/lib/format/indonesian'
import { listClaimants, listRejectedClaims } from '@/lib/identity/identity-review.server'
import { maskNip } from '@/lib/identity/nip'

export const metadata: Metadata = { title: 'Verifikasi peserta' }

export default async function IdentityReviewPage() {
  const officer = await requireHrOfficer('/hr/verifikasi')
  const [claimants, rejected] = await Promise.all([listClaimants(officer), listRejectedClaims(officer)])
  return (
    <>
      <h1>Verifikasi peserta</h1>
      <p className="muted">
        Peserta {officer.agencyName} yang mendaftar sendiri: NIP mereka baru <strong>diklaim</strong>, belum diverifikasi instansi. Konfirmasi
        bila NIP itu memang milik orang tersebut. Tolak klaim bila bukan: NIP dilepas untuk pemiliknya, akun pengklaim tetap ada (riwayatnya
        disimpan, ditandai), dan sertifikat yang terbit dengan NIP itu dicabut. Impor daftar pegawai juga memverifikasi NIP yang namanya cocok.
      </p>
      {claimants.length === 0 ? (
        <p className="alert info">Tidak ada klaim NIP yang menunggu verifikasi.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Klaim menunggu verifikasi" tabIndex={0}>
          <table>
            <caption style={{ textAlign: 'left', fontWeight: 600 }}>{claimants.length} klaim menunggu verifikasi</caption>
            <thead>
              <tr>
                <th scope="col">Nama</th>
                <th scope="col">NIP / NI PPPK</th>
                <th scope="col">Email</th>
                <th scope="col">Unit kerja</th>
                <th scope="col">Mendaftar</th>
                <th scope="col">Keputusan</th>
              </tr>
            </thead>
            <tbody>
              {claimants.map((person) => (
                <tr key={person.id} data-testid={`klaim-${person.nip}`}>
                  <td>
                    <PersonName name={person.name} unitName={person.unit?.name} nip={person.nip} />
                  </td>
                  <td className="nowrap">{person.nip}</td>
                  <td>{person.email}</td>
                  <td>{person.unit?.name ?? '—'}</td>
                  <td>{formatLongDate(person.createdAt)}</td>
                  <td>
                    {person.id === officer.id ? (
                      <span className="muted">Klaim Anda sendiri diputuskan admin kepegawaian lain.</span>
                    ) : (
                      <ClaimReview userId={person.id} name={person.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rejected.length > 0 && (
        <details>
          <summary>{rejected.length} klaim yang ditolak terakhir</summary>
          <ul>
            {rejected.map((person) => (
              <li key={person.id}>
                {person.name} ({person.email}) — NIP {person.rejectedNip ? maskNip(person.rejectedNip) : '—'}, ditolak{' '}
                {person.identityRejectedAt ? formatLongDate(person.identityRejectedAt) : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}
