import type { Metadata } from 'next'
import { DataTable } from '@/components/data-table'
import { ImportInviteButton } from '@/components/roster/import-invite-button'
import { RosterUpload } from '@/components/roster/roster-upload'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { formatDateTimeWib, formatNumber } from '@/lib/format/indonesian'
import { listCohorts } from '@/lib/hr/dashboard.server'
import { listRosterImports, type PastRosterImport } from '@/lib/hr/roster-import-history.server'

export const metadata: Metadata = { title: 'Impor daftar pegawai' }

export default async function RosterImportPage() {
  const officer = await requireHrOfficer('/hr/impor')
  const [cohorts, pastImports] = await Promise.all([listCohorts(officer.agencyId), listRosterImports(officer.agencyId)])
  return (
    <>
      <h1>Impor daftar pegawai</h1>
      <p className="muted">
        Untuk {officer.agencyName}. Pratinjau dulu: tidak ada yang disimpan sebelum Anda menekan &ldquo;Impor&rdquo;. Pegawai baru
        mendapat akun yang diaktifkan sendiri dengan NIP mereka; data pegawai yang sudah ada tidak ditimpa.
      </p>
      <RosterUpload cohorts={cohorts.map(({ id, name }) => ({ id, name }))} />

      <section aria-labelledby="impor-sebelumnya">
        <h2 id="impor-sebelumnya">Impor sebelumnya</h2>
        <p className="muted">
          Undang lagi akun dari impor yang belum diaktifkan: setiap pegawai menerima paling banyak satu undangan sehari, dengan kode baru;
          kode dari CSV tetap berlaku.
        </p>
        <DataTable<PastRosterImport>
          caption="Impor sebelumnya"
          testId="impor-sebelumnya"
          columns={[
            { key: 'importedAt', header: 'Waktu impor', cell: (row) => formatDateTimeWib(row.importedAt), nowrap: true },
            { key: 'fileName', header: 'Berkas', cell: (row) => row.fileName, rowHeader: true },
            { key: 'importedBy', header: 'Oleh', cell: (row) => row.importedBy ?? '—' },
            { key: 'created', header: 'Akun dibuat', cell: (row) => formatNumber(row.created), align: 'end', nowrap: true },
            { key: 'waiting', header: 'Belum diaktifkan', cell: (row) => formatNumber(row.waiting), align: 'end', nowrap: true },
            {
              key: 'invite',
              header: 'Undangan',
              cell: (row) => (row.waiting > 0 ? <ImportInviteButton importId={row.id} fileName={row.fileName} /> : 'Tidak ada yang menunggu'),
            },
          ]}
          rows={pastImports}
          rowKey={(row) => row.id}
          empty="Belum ada impor."
        />
      </section>
    </>
  )
}
