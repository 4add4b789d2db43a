import type { Metadata } from 'next'
import { PersonName } from '@/components/hr/person-name'
import { ClaimReview } from '@/components/identity/claim-review'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { DataTable } from '@/components/data-table'
import { distinctName } from '@/components/hr/format'
import { formatLongDate, MISSING } from '@/lib/format/indonesian'
import { listClaimants, listRejectedClaims } from '@/lib/identity/identity-review.server'
import { EMAIL_EVIDENCE_LABEL, emailEvidence } from '@/lib/accounts/email-domain'
import { agencyEmailDomains } from '@/lib/accounts/email-verification.server'
import { maskNip } from '@/lib/identity/nip'

export const metadata: Metadata = { title: 'Verifikasi peserta' }

export default async function IdentityReviewPage() {
  const officer = await requireHrOfficer('/hr/verifikasi')
  const [claimants, rejected, domains] = await Promise.all([listClaimants(officer), listRejectedClaims(officer), agencyEmailDomains(officer.agencyId)])
  return (
    <>
      <h1>Verifikasi peserta</h1>
      <p className="muted">
        Peserta {officer.agencyName} yang mendaftar sendiri: NIP mereka baru <strong>diklaim</strong>, belum diverifikasi instansi. Konfirmasi
        bila NIP itu memang milik orang tersebut. Tolak klaim bila bukan: NIP dilepas untuk pemiliknya, akun pengklaim tetap ada (riwayatnya
        disimpan, ditandai), dan sertifikat yang terbit dengan NIP itu dicabut. Impor daftar pegawai juga memverifikasi NIP yang namanya cocok.
        Email terverifikasi pada domain instansi adalah bukti pendukung, bukan verifikasi NIP.
      </p>
      {claimants.length === 0 ? (
        <p className="alert info">Tidak ada klaim NIP yang menunggu verifikasi.</p>
      ) : (
        <DataTable
          caption={`${claimants.length} klaim menunggu verifikasi`}
          captionVisible
          columns={[
            { key: 'name', header: 'Nama', rowHeader: true, cell: (person) => <PersonName name={person.name} unitName={person.unit?.name} nip={person.nip} /> },
            { key: 'nip', header: 'NIP / NI PPPK', nowrap: true, cell: (person) => person.nip },
            {
              key: 'email',
              header: 'Email',
              cell: (person) => {
                const evidence = emailEvidence(person.email, person.emailVerified, domains)
                return (
                  <>
                    {person.email}
                    <br />
                    <span className={evidence.kind === 'agency' ? 'badge' : 'muted'} data-testid="bukti-email">
                      {EMAIL_EVIDENCE_LABEL[evidence.kind]}
                    </span>
                  </>
                )
              },
            },
            { key: 'unit', header: 'Unit kerja', cell: (person) => person.unit?.name ?? MISSING },
            { key: 'registered', header: 'Mendaftar', cell: (person) => formatLongDate(person.createdAt) },
            {
              key: 'decision',
              header: 'Keputusan',
              cell: (person) =>
                person.id === officer.id ? (
                  <span className="muted">Klaim Anda sendiri diputuskan admin kepegawaian lain.</span>
                ) : (
                  <ClaimReview userId={person.id} name={distinctName(person)} />
                ),
            },
          ]}
          rows={claimants}
          rowKey={(person) => person.id}
          rowProps={(person) => ({ 'data-testid': `klaim-${person.nip}` })}
          empty="Tidak ada klaim NIP yang menunggu verifikasi."
        />
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
