import type { Metadata } from 'next'
import Link from 'next/link'
import { DataTable } from '@/components/data-table'
import { requireAgencyViewer } from '@/lib/auth/session.server'
import { formatLoggedMomentWib, formatNumber, MISSING } from '@/lib/format/indonesian'
import { UNREACHABLE_REASON_LABELS } from '@/lib/mail/unreachable'
import { listUnreachable, UNREACHABLE_LIMIT } from '@/lib/mail/unreachable.server'

export const metadata: Metadata = { title: 'Tak terjangkau email' }

// People of the agency (a unit operator's or head's units only) whom email cannot reach, with the
// reason (issue 14): HR hands them their code or notice another way, or corrects the address.
export default async function UnreachablePage() {
  const officer = await requireAgencyViewer('/hr/tak-terjangkau')
  const { people, truncated } = await listUnreachable(officer.agencyId, officer.scope.unitIds)
  return (
    <>
      <p>
        <Link prefetch={false} href="/hr">← Dasbor kepegawaian</Link>
      </p>
      <h1>Pegawai tak terjangkau email</h1>
      <p className="muted">
        Undangan, pengingat tenggat dan pemberitahuan sertifikat tidak sampai kepada pegawai berikut. Berikan kode aktivasi dari berkas CSV di
        halaman <Link prefetch={false} href="/hr/kelompok">Kelompok</Link>, atau perbaiki alamatnya lewat impor daftar pegawai.
      </p>
      <p aria-live="polite">
        <strong data-testid="jumlah-tak-terjangkau">{formatNumber(people.length)}</strong> pegawai
        {officer.scope.unitIds ? ' di unit kerja Anda' : ''}.
        {truncated && ` Hanya ${formatNumber(UNREACHABLE_LIMIT)} calon pertama menurut nama yang diperiksa.`}
      </p>
      <div className="card">
        <DataTable
          caption="Pegawai yang tidak dapat dihubungi lewat email, menurut nama"
          rows={people}
          rowKey={(person) => person.id}
          empty="Semua pegawai dapat dihubungi lewat email."
          columns={[
            { key: 'name', header: 'Nama', rowHeader: true, cell: (person) => <Link prefetch={false} href={`/hr/pegawai/${person.id}`}>{person.name}</Link> },
            { key: 'nip', header: 'NIP', nowrap: true, cell: (person) => person.nip ?? MISSING },
            { key: 'unit', header: 'Unit kerja', cell: (person) => person.unitName ?? MISSING },
            { key: 'email', header: 'Alamat email', cell: (person) => person.email || MISSING },
            {
              key: 'reason',
              header: 'Alasan',
              cell: (person) => (
                <>
                  {UNREACHABLE_REASON_LABELS[person.reason]}
                  {person.lastError && (
                    <>
                      <br />
                      <span className="muted">
                        {person.failedAt ? `${formatLoggedMomentWib(person.failedAt)} WIB: ` : ''}
                        {person.lastError}
                      </span>
                    </>
                  )}
                </>
              ),
            },
          ]}
        />
      </div>
    </>
  )
}
