import type { Metadata } from 'next'
import { RosterUpload } from '@/components/roster/roster-upload'
import { requireHrOfficer } from '@/lib/auth/session.server'
import { listCohorts } from '@/lib/hr/dashboard.server'

export const metadata: Metadata = { title: 'Impor daftar pegawai' }

export default async function RosterImportPage() {
  const officer = await requireHrOfficer('/hr/impor')
  const cohorts = await listCohorts(officer.agencyId)
  return (
    <>
      <h1>Impor daftar pegawai</h1>
      <p className="muted">
        Untuk {officer.agencyName}. Pratinjau dulu: tidak ada yang disimpan sebelum Anda menekan &ldquo;Impor&rdquo;. Pegawai baru
        mendapat akun yang diaktifkan sendiri dengan NIP mereka; data pegawai yang sudah ada tidak ditimpa.
      </p>
      <RosterUpload cohorts={cohorts.map(({ id, name }) => ({ id, name }))} />
    </>
  )
}
